package cn.yuqing.deadline;

/** Who is told, step by step, once a clock is missed. */
public enum EscalationLevel {
    RESPONSIBLE_UNIT("责任单位"),
    DEPARTMENT_HEAD("责任单位负责人"),
    GOVERNMENT_OFFICE("政府办公室"),
    PUBLICITY("宣传部门"),
    PRINCIPAL_LEADER("主要负责同志"),
    SUPERIOR("上一级政府办公室");

    private final String label;

    EscalationLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** As a person writes it (责任单位负责人) or as stored (DEPARTMENT_HEAD). */
    static java.util.Optional<EscalationLevel> read(String text) {
        String t = text.strip();
        for (EscalationLevel l : values()) {
            if (l.label.equals(t) || l.name().equalsIgnoreCase(t)) {
                return java.util.Optional.of(l);
            }
        }
        return java.util.Optional.empty();
    }
}
