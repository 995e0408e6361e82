package cn.yuqing.deadline;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yuqing.shared.AuditedChange;
import cn.yuqing.shared.NotFound;

/** The clock policies (4.4): resolved per grade and emergency flag, edited by the government office. */
@Service
@Transactional(readOnly = true)
public class ClockPolicies {

    record RuleChanged(Long ruleId, String clock, Map<String, ?> before, Map<String, ?> after) implements AuditedChange {
        @Override
        public String action() {
            return "deadline:policy:update";
        }

        @Override
        public String subject() {
            return "clock-rule/" + ruleId;
        }
    }

    private final ClockPolicyRepository policies;
    private final ClockRuleRepository rules;
    private final ApplicationEventPublisher events;

    ClockPolicies(ClockPolicyRepository policies, ClockRuleRepository rules, ApplicationEventPublisher events) {
        this.policies = policies;
        this.rules = rules;
        this.events = events;
    }

    public List<ClockPolicy> all() {
        return policies.findAll().stream().sorted(Comparator.comparing(ClockPolicy::specificity).reversed()
                .thenComparing(ClockPolicy::id)).toList();
    }

    /** The most specific policy matching the grade and flag; none if the grade has no clocks. */
    public Optional<ClockPolicy> resolve(String grade, boolean emergency) {
        return all().stream().filter(p -> p.matches(grade, emergency)).findFirst();
    }

    /** A rule's new values; checked whole before anything changes. Running clocks keep the due time they were given. */
    @Transactional
    public ClockRule change(Long ruleId, int amount, Counting unit, String reminders, String escalation) {
        ClockRule rule = rules.findById(ruleId).orElseThrow(() -> new NotFound("时限规则"));
        Map<String, ?> before = describe(rule);
        rule.change(amount, unit, reminders, escalation);
        events.publishEvent(new RuleChanged(rule.id(), rule.clock().name(), before, describe(rule)));
        return rule;
    }

    private static Map<String, ?> describe(ClockRule rule) {
        return Map.of("amount", rule.amount(), "unit", rule.unit().name(), "reminders", rule.reminders(),
                "escalation", rule.escalation());
    }

}
