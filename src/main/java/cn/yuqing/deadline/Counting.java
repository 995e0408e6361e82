package cn.yuqing.deadline;

/** How a clock's allowance is counted. Some places count working days for ordinary cases (4.4). */
public enum Counting {
    HOURS("小时"),
    DAYS("天"),
    WORKING_HOURS("个工作小时"),
    WORKING_DAYS("个工作日");

    private final String label;

    Counting(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
