package cn.yuqing.organisation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;

import cn.yuqing.shared.DomainRuleViolation;

/**
 * A unit of government: the people's government of a region, its office, its publicity department,
 * or one of its departments. Its level is the level of its region, so no unit is without a level.
 */
@Entity
@Indexed
public class Unit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @FullTextField(analyzer = "chinese")
    private String name;

    /** Common short forms ("县住建局" for "潢川县住房和城乡建设局"), comma-separated, for the gazetteer. */
    @FullTextField(analyzer = "chinese")
    private String shortNames;

    @Enumerated(EnumType.STRING)
    private UnitKind kind;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "region_code")
    private Region region;

    private boolean verticallyManaged;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "superior_id")
    private Unit superior;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "unit_competence", joinColumns = @JoinColumn(name = "unit_id"))
    @Column(name = "category_code")
    private Set<String> competences = new TreeSet<>();

    @Version
    private long version;

    protected Unit() {
    }

    Unit(UnitData data, Region region, Unit superior) {
        apply(data, region, superior);
    }

    /**
     * Clause 3: a vertically managed department answers to a superior department of a higher
     * level, whose office coordinates its responses; without one the routing would dead-end.
     */
    void apply(UnitData data, Region region, Unit superior) {
        if (region == null) {
            throw new DomainRuleViolation("3", "单位必须属于某一行政区划（确定其层级）");
        }
        if (!region.level().hasGovernment()) {
            throw new DomainRuleViolation("3", "村（社区）一级不设政府部门");
        }
        if (data.verticallyManaged()) {
            if (superior == null) {
                throw new DomainRuleViolation("3", "垂直管理部门必须指定上级主管部门");
            }
            if (!superior.region().level().isAbove(region.level()) || !region.isWithin(superior.region())) {
                throw new DomainRuleViolation("3", "上级主管部门必须是本地区上级区划的部门");
            }
            for (Unit u = superior; u != null; u = u.superior()) {
                if (u == this || (id != null && id.equals(u.id()))) {
                    throw new DomainRuleViolation("上级主管部门不能形成循环");
                }
            }
        }
        this.name = requireName(data.name());
        this.shortNames = normaliseShortNames(data.shortNames());
        this.kind = data.kind();
        this.region = region;
        this.verticallyManaged = data.verticallyManaged();
        this.superior = data.verticallyManaged() ? superior : null;
        this.competences = new TreeSet<>(data.competences());
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new DomainRuleViolation("单位名称不能为空");
        }
        if (name.strip().length() > 100) {
            throw new DomainRuleViolation("单位名称不超过100字");
        }
        return name.strip();
    }

    private static String normaliseShortNames(String raw) {
        if (raw == null) {
            return null;
        }
        List<String> names = Arrays.stream(raw.split("[,，、\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).distinct()
                .toList();
        String joined = String.join(",", names);
        if (joined.length() > 300) {
            throw new DomainRuleViolation("简称合计不超过300字");
        }
        return joined.isEmpty() ? null : joined;
    }

    Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("shortNames", shortNames);
        s.put("kind", kind.name());
        s.put("region", region.code());
        s.put("verticallyManaged", verticallyManaged);
        s.put("superior", superior == null ? null : superior.id());
        s.put("competences", List.copyOf(competences));
        return s;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public List<String> shortNames() {
        return shortNames == null ? List.of() : List.of(shortNames.split(","));
    }

    public UnitKind kind() {
        return kind;
    }

    public Region region() {
        return region;
    }

    public RegionLevel level() {
        return region.level();
    }

    public boolean verticallyManaged() {
        return verticallyManaged;
    }

    public Unit superior() {
        return superior;
    }

    public Set<String> competences() {
        return Set.copyOf(competences);
    }

    public long version() {
        return version;
    }
}
