package cn.yuqing.opinion;

import org.springframework.modulith.NamedInterface;

/** 4.4: what kind of matter it is decides what the response must publish. */
@NamedInterface("port")
public enum MatterKind {
    SUGGESTION("建设性意见建议", "公开吸收采纳情况"),
    DIFFICULTY("群众反映的实际困难", "公布研究解决情况"),
    MAJOR_PROBLEM("群众反映的重大问题", "及时发布调查处置情况"),
    CONFUSION("公众不了解情况、存在模糊认识", "主动发布权威信息，解疑释惑，澄清事实"),
    FALSE_CLAIM("错误看法", "及时回应；涉嫌违法的线索移交公安机关、网络监管部门");

    private final String label;
    private final String duty;

    MatterKind(String label, String duty) {
        this.label = label;
        this.duty = duty;
    }

    public String label() {
        return label;
    }

    public String duty() {
        return duty;
    }
}
