package cn.yuqing.responsibility;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yuqing.organisation.OrganisationDirectory;

/** Applies the rules of clause 3 in their fixed order and returns the decision with its reasons. */
@Service
@Transactional(readOnly = true)
public class ResponsibilityRouter {

    private final OrganisationDirectory directory;
    private final List<RoutingPolicy> policies = Policies.inOrder();

    ResponsibilityRouter(OrganisationDirectory directory) {
        this.directory = directory;
    }

    /** The rules in the order they apply. */
    public List<RoutingPolicy.Rule> policies() {
        return policies.stream().map(RoutingPolicy::rule).toList();
    }

    public RoutingDecision route(EventFacts facts) {
        RoutingDecision decision = new RoutingDecision();
        for (RoutingPolicy policy : policies) {
            policy.apply(facts, directory, decision);
        }
        return decision;
    }
}
