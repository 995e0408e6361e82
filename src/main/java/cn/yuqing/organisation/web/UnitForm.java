package cn.yuqing.organisation.web;

import java.util.LinkedHashSet;
import java.util.Set;

import cn.yuqing.organisation.Unit;
import cn.yuqing.organisation.UnitData;
import cn.yuqing.organisation.UnitKind;

/** The unit form as posted; the domain validates it, so this holds no rules. */
class UnitForm {

    private String name;
    private String shortNames;
    private UnitKind kind = UnitKind.DEPARTMENT;
    private String regionCode;
    private boolean verticallyManaged;
    private Long superiorId;
    private Set<String> competences = new LinkedHashSet<>();
    private long version;

    static UnitForm of(Unit unit) {
        UnitForm f = new UnitForm();
        f.name = unit.name();
        f.shortNames = String.join("，", unit.shortNames());
        f.kind = unit.kind();
        f.regionCode = unit.region().code();
        f.verticallyManaged = unit.verticallyManaged();
        f.superiorId = unit.superior() == null ? null : unit.superior().id();
        f.competences = new LinkedHashSet<>(unit.competences());
        f.version = unit.version();
        return f;
    }

    UnitData toData() {
        return new UnitData(name, shortNames, kind == null ? UnitKind.DEPARTMENT : kind, regionCode, verticallyManaged,
                superiorId, competences);
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getShortNames() { return shortNames; }
    public void setShortNames(String shortNames) { this.shortNames = shortNames; }
    public UnitKind getKind() { return kind; }
    public void setKind(UnitKind kind) { this.kind = kind; }
    public String getRegionCode() { return regionCode; }
    public void setRegionCode(String regionCode) { this.regionCode = regionCode; }
    public boolean isVerticallyManaged() { return verticallyManaged; }
    public void setVerticallyManaged(boolean verticallyManaged) { this.verticallyManaged = verticallyManaged; }
    public Long getSuperiorId() { return superiorId; }
    public void setSuperiorId(Long superiorId) { this.superiorId = superiorId; }
    public Set<String> getCompetences() { return competences; }
    public void setCompetences(Set<String> competences) { this.competences = competences == null ? new LinkedHashSet<>() : competences; }
    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }
}
