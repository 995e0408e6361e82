package cn.yuqing.organisation;

/** Levels of the region tree, highest first; a child is always exactly one level below its parent. */
public enum RegionLevel {

    PROVINCE("省"), CITY("市"), COUNTY("县"), TOWNSHIP("乡镇（街道）"), VILLAGE("村（社区）");

    private final String label;

    RegionLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The level a child of this level has, or null for villages. */
    public RegionLevel below() {
        return this == VILLAGE ? null : values()[ordinal() + 1];
    }

    public boolean isAbove(RegionLevel other) {
        return ordinal() < other.ordinal();
    }

    /** Levels at which governments with departments sit (villages have committees, not units). */
    public boolean hasGovernment() {
        return this != VILLAGE;
    }
}
