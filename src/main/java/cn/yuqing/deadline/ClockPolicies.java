package cn.yuqing.deadline;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yuqing.shared.AuditedChange;
import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.NotFound;

/** The clock policies (4.4): resolved per grade and emergency flag, edited by the government office. */
@Service
@Transactional(readOnly = true)
public class ClockPolicies {

    record PolicyChanged(String what, String subject, Map<String, ?> before, Map<String, ?> after) implements AuditedChange {
        @Override
        public String action() {
            return "deadline:policy:" + what;
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
        events.publishEvent(new PolicyChanged("update", "clock-rule/" + rule.id(), before, describe(rule)));
        return rule;
    }

    /**
     * A policy for a grade (and emergency flag) that had none of its own: it starts as a copy of the
     * clocks that applied until now, for the office to change.
     */
    @Transactional
    public ClockPolicy add(String name, String gradeCode, Boolean emergency, Set<String> grades) {
        if (gradeCode != null && !gradeCode.isBlank() && !grades.contains(gradeCode)) {
            throw new DomainRuleViolation("4.4", "未知的等级：" + gradeCode);
        }
        String grade = gradeCode == null || gradeCode.isBlank() ? null : gradeCode;
        if (all().stream().anyMatch(p -> java.util.Objects.equals(p.gradeCode(), grade)
                && java.util.Objects.equals(p.emergency(), emergency))) {
            throw new DomainRuleViolation("4.4", "该等级已有自己的时限规则，请直接修改");
        }
        Optional<ClockPolicy> before = grade == null ? Optional.empty() : resolve(grade, Boolean.TRUE.equals(emergency));
        ClockPolicy policy = policies.saveAndFlush(new ClockPolicy(name, grade, emergency));
        before.ifPresent(b -> b.rules().forEach(r -> rules.save(new ClockRule(policy.id(), r.clock(), r.amount(), r.unit(),
                r.reminders(), r.escalation()))));
        events.publishEvent(new PolicyChanged("create", "clock-policy/" + policy.id(), Map.of(),
                Map.of("name", policy.name(), "grade", grade == null ? "" : grade, "emergency", String.valueOf(emergency))));
        return policy;
    }

    /** A clock added to a policy, with the standard's 48 hours to start from. */
    @Transactional
    public ClockRule addClock(Long policyId, ClockKind clock) {
        ClockPolicy policy = policies.findById(policyId).orElseThrow(() -> new NotFound("时限规则"));
        if (clock == null) {
            throw new DomainRuleViolation("4.4", "请选择时限");
        }
        if (policy.rule(clock).isPresent()) {
            throw new DomainRuleViolation("4.4", "该规则已有“" + clock.label() + "”时限");
        }
        ClockRule rule = rules.save(new ClockRule(policyId, clock, 48, Counting.HOURS, "50%,80%", "0:DEPARTMENT_HEAD"));
        events.publishEvent(new PolicyChanged("update", "clock-rule/" + rule.id(), Map.of(), describe(rule)));
        return rule;
    }

    /** A clock taken out of a policy; running clocks keep their due times. A policy keeps at least one clock. */
    @Transactional
    public void removeClock(Long ruleId) {
        ClockRule rule = rules.findById(ruleId).orElseThrow(() -> new NotFound("时限规则"));
        ClockPolicy policy = policies.findById(rule.policyId()).orElseThrow();
        if (policy.rules().size() <= 1) {
            throw new DomainRuleViolation("4.4", "每条规则至少保留一个时限");
        }
        policy.forget(rule);
        rules.delete(rule);
        events.publishEvent(new PolicyChanged("update", "clock-rule/" + rule.id(), describe(rule), Map.of()));
    }

    private static Map<String, ?> describe(ClockRule rule) {
        return Map.of("amount", rule.amount(), "unit", rule.unit().name(), "reminders", rule.reminders(),
                "escalation", rule.escalation());
    }

}
