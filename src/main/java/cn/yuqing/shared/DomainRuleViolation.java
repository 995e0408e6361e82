package cn.yuqing.shared;

/**
 * A rule of the standard (or of the system's own data integrity) refused an action. The clause
 * travels with the refusal so that the UI can show the reader where the rule comes from.
 */
public class DomainRuleViolation extends RuntimeException {

    private final String clause;

    public DomainRuleViolation(String clause, String message) {
        super(message);
        this.clause = clause;
    }

    /** Without a clause: a data-integrity rule of the system rather than of the standard. */
    public DomainRuleViolation(String message) {
        this(null, message);
    }

    public String clause() {
        return clause;
    }

    /** The message as shown to a person: “（第4.3条）重点回应须至少符合一项研判标准”. */
    public String describe() {
        return clause == null ? getMessage() : "（第" + clause + "条）" + getMessage();
    }
}
