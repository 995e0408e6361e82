package cn.yuqing.shared;

/** The stages of the standard's workflow, in the order the navigation shows them. */
public enum Stage {

    INTAKE("监测收集", "4.1"),
    ANALYSIS("核实研判", "4.2–4.3"),
    RESPONSE("回应处置", "4.4"),
    FOLLOW_UP("跟进", "4.5"),
    ASSESSMENT("考核", "4.6"),
    ADMINISTRATION("系统管理", null);

    private final String label;
    private final String clause;

    Stage(String label, String clause) {
        this.label = label;
        this.clause = clause;
    }

    public String label() {
        return label;
    }

    public String clause() {
        return clause;
    }
}
