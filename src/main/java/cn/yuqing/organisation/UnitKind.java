package cn.yuqing.organisation;

/** What a unit is; clause 3 gives the government office and the publicity department fixed duties. */
public enum UnitKind {

    GOVERNMENT("人民政府"),
    GOVERNMENT_OFFICE("政府办公室"),
    PUBLICITY_DEPARTMENT("宣传部门"),
    DEPARTMENT("职能部门");

    private final String label;

    UnitKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Of these, a region has at most one each. */
    public boolean isUniquePerRegion() {
        return this != DEPARTMENT;
    }
}
