package cn.yuqing.responsibility;

import cn.yuqing.organisation.OrganisationDirectory;

/** One rule of clause 3; it adds what it decides to the decision, or leaves it as it is. */
public interface RoutingPolicy {

    void apply(EventFacts facts, OrganisationDirectory directory, RoutingDecision decision);

    /** The rule in the standard's words, for the page that shows how routing decides. */
    Rule rule();

    record Rule(String clause, String name, String text) {
    }
}
