package cn.yuqing.organisation;

import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import cn.yuqing.shared.DomainRuleViolation;

/** A node of the administrative division tree, identified by its official division code. */
@Entity
public class Region {

    @Id
    private String code;

    private String name;

    @Enumerated(EnumType.STRING)
    private RegionLevel level;

    /** Eager: the tree is shallow (five levels) and every use walks up it. */
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "parent_code")
    private Region parent;

    protected Region() {
    }

    Region(String code, String name, RegionLevel level, Region parent) {
        if (code == null || !code.matches("\\d{2,12}")) {
            throw new DomainRuleViolation("区划代码应为2至12位数字：" + code);
        }
        this.code = code;
        rename(name);
        this.level = Objects.requireNonNull(level);
        placeUnder(parent);
    }

    void rename(String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new DomainRuleViolation("区划名称不能为空，且不超过100字");
        }
        this.name = name.strip();
    }

    /**
     * A region sits exactly one level below its parent; only a province may have none. Because
     * levels strictly descend, no edit can close a cycle in the tree.
     */
    void placeUnder(Region parent) {
        if (parent == null) {
            if (level != RegionLevel.PROVINCE) {
                throw new DomainRuleViolation("只有省级区划可以没有上级区划：" + name);
            }
        } else if (parent.level().below() != level) {
            throw new DomainRuleViolation("“" + name + "”（" + level.label() + "级）不能隶属于“" + parent.name()
                    + "”（" + parent.level().label() + "级）：上级区划必须恰好高一级");
        }
        this.parent = parent;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public RegionLevel level() {
        return level;
    }

    public Region parent() {
        return parent;
    }

    public String parentCode() {
        return parent == null ? null : parent.code();
    }

    /** True if this region is {@code other} or lies under it. */
    public boolean isWithin(Region other) {
        for (Region r = this; r != null; r = r.parent()) {
            if (r.code().equals(other.code())) {
                return true;
            }
        }
        return false;
    }
}
