package cn.yuqing.analysis.web;

/** Chinese labels the analysis pages need. */
public final class Labels {

    private Labels() {
    }

    /** 4.3's criteria by their letter. */
    public static String criterion(String code) {
        return switch (code) {
            case "a" -> "a) 对政府及其部门重大政策措施存在误解误读";
            case "b" -> "b) 涉及公众切身利益且产生较大影响";
            case "c" -> "c) 涉及民生领域严重冲击社会道德底线";
            case "d" -> "d) 涉及突发事件处置和自然灾害应对";
            case "e" -> "e) 上级政府要求下级政府主动回应";
            default -> code;
        };
    }
}
