package cn.yuqing.responsibility;

import cn.yuqing.organisation.OrganisationDirectory;

/** One rule of clause 3; it adds what it decides to the decision, or leaves it as it is. */
interface RoutingPolicy {

    void apply(EventFacts facts, OrganisationDirectory directory, RoutingDecision decision);
}
