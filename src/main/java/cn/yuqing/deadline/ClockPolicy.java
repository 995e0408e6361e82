package cn.yuqing.deadline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Version;

import cn.yuqing.shared.DomainRuleViolation;

/**
 * Which clocks start for a grade and emergency flag (4.4). Null grade or flag matches any; the
 * most specific matching policy applies as a whole.
 */
@Entity
public class ClockPolicy {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private String gradeCode;

    private Boolean emergency;

    @Version
    private long version;

    @OneToMany(fetch = FetchType.EAGER)
    @JoinColumn(name = "policyId", insertable = false, updatable = false)
    private List<ClockRule> rules = new ArrayList<>();

    protected ClockPolicy() {
    }

    ClockPolicy(String name, String gradeCode, Boolean emergency) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new DomainRuleViolation("4.4", "请填写规则名称（100字以内）");
        }
        this.name = name.strip();
        this.gradeCode = gradeCode == null || gradeCode.isBlank() ? null : gradeCode;
        this.emergency = emergency;
    }

    boolean matches(String grade, boolean isEmergency) {
        return (gradeCode == null || gradeCode.equals(grade)) && (emergency == null || emergency == isEmergency);
    }

    /** 2 when grade and flag are both given, 1 for one of them, 0 for the catch-all. */
    int specificity() {
        return (gradeCode == null ? 0 : 1) + (emergency == null ? 0 : 1);
    }

    void forget(ClockRule rule) {
        rules.removeIf(r -> r.id().equals(rule.id()));
    }

    Optional<ClockRule> rule(ClockKind clock) {
        return rules.stream().filter(r -> r.clock() == clock).findFirst();
    }

    public Long id() { return id; }
    public String name() { return name; }
    public String gradeCode() { return gradeCode; }
    public Boolean emergency() { return emergency; }
    public long version() { return version; }

    public List<ClockRule> rules() {
        return rules.stream().sorted(Comparator.comparing(ClockRule::clock)).toList();
    }
}
