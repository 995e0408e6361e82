package cn.yuqing.opinion;

import org.springframework.modulith.NamedInterface;

/** 4.2 核实结论. */
@NamedInterface("port")
public enum Conclusion {
    TRUE("属实"), PARTLY_TRUE("部分属实"), FALSE("不属实"), UNCLEAR("暂无法核实");

    private final String label;

    Conclusion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
