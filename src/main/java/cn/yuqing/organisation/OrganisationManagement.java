package cn.yuqing.organisation;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.NotFound;

/** Changes to the directory. Every change is validated whole before anything is stored, and audited. */
@Service
@Transactional
public class OrganisationManagement {

    private final RegionRepository regions;
    private final UnitRepository units;
    private final MatterCategoryRepository categories;
    private final ApplicationEventPublisher events;

    OrganisationManagement(RegionRepository regions, UnitRepository units, MatterCategoryRepository categories,
            ApplicationEventPublisher events) {
        this.regions = regions;
        this.units = units;
        this.categories = categories;
        this.events = events;
    }

    public Region addRegion(String code, String name, RegionLevel level, String parentCode) {
        if (code != null && regions.existsById(code)) {
            throw new DomainRuleViolation("区划代码已存在：" + code);
        }
        Region parent = parentCode == null || parentCode.isBlank() ? null
                : regions.findById(parentCode).orElseThrow(() -> new DomainRuleViolation("上级区划不存在：" + parentCode));
        Region region = regions.save(new Region(code, name, level, parent));
        events.publishEvent(DirectoryChanged.of("organisation:region:create", "region/" + code, null, snapshot(region)));
        return region;
    }

    public Region renameRegion(String code, String name) {
        Region region = regions.findById(code).orElseThrow(() -> new NotFound("行政区划"));
        Map<String, Object> before = snapshot(region);
        region.rename(name);
        events.publishEvent(DirectoryChanged.of("organisation:region:update", "region/" + code, before, snapshot(region)));
        return region;
    }

    /**
     * Imports rows of official division codes ({@code code,name,level,parent}, the format of the
     * china-division data set). All or nothing: one bad row rejects the file with every error listed.
     * Rows already present are left as they are, so importing the same file twice changes nothing.
     */
    public DivisionImport.Result importDivisions(List<DivisionImport.Row> rows) {
        DivisionImport plan = new DivisionImport(rows, regions::findById);
        if (!plan.errors().isEmpty()) {
            throw new DivisionImport.Rejected(plan.errors());
        }
        int created = 0;
        for (DivisionImport.Row row : plan.newRows()) {
            Region parent = row.parent() == null ? null : regions.getReferenceById(row.parent());
            regions.save(new Region(row.code(), row.name(), row.level(), parent));
            created++;
        }
        regions.flush();
        events.publishEvent(DirectoryChanged.of("organisation:region:import", "region/*", null,
                Map.of("rows", rows.size(), "created", created)));
        return new DivisionImport.Result(rows.size(), created);
    }

    public Unit createUnit(UnitData data) {
        Unit unit = new Unit(data, regionOf(data), superiorOf(data));
        checkUnique(unit, null);
        checkCategories(data);
        unit = units.save(unit);
        events.publishEvent(DirectoryChanged.of("organisation:unit:create", "unit/" + unit.id(), null, unit.snapshot()));
        return unit;
    }

    public Unit updateUnit(Long id, long expectedVersion, UnitData data) {
        Unit unit = units.findById(id).orElseThrow(() -> new NotFound("单位"));
        if (unit.version() != expectedVersion) {
            throw new DomainRuleViolation("该单位已被他人修改，请刷新后重新编辑");
        }
        Map<String, Object> before = unit.snapshot();
        unit.apply(data, regionOf(data), superiorOf(data));
        checkUnique(unit, id);
        checkCategories(data);
        events.publishEvent(DirectoryChanged.of("organisation:unit:update", "unit/" + id, before, unit.snapshot()));
        return unit;
    }

    private Region regionOf(UnitData data) {
        if (data.regionCode() == null || data.regionCode().isBlank()) {
            throw new DomainRuleViolation("3", "单位必须属于某一行政区划（确定其层级）");
        }
        return regions.findById(data.regionCode()).orElseThrow(() -> new DomainRuleViolation("行政区划不存在：" + data.regionCode()));
    }

    private Unit superiorOf(UnitData data) {
        return data.superiorId() == null ? null
                : units.findById(data.superiorId()).orElseThrow(() -> new DomainRuleViolation("上级主管部门不存在"));
    }

    private void checkUnique(Unit unit, Long exceptId) {
        if (units.nameTaken(unit.region().code(), unit.name(), exceptId)) {
            throw new DomainRuleViolation("本区划内已有同名单位：" + unit.name());
        }
        if (unit.kind().isUniquePerRegion()) {
            boolean taken = units.findByRegionAndKind(unit.region().code(), unit.kind()).stream()
                    .anyMatch(other -> !other.id().equals(exceptId));
            if (taken) {
                throw new DomainRuleViolation("3", unit.region().name() + "已有" + unit.kind().label() + "，每一级只能有一个");
            }
        }
    }

    private void checkCategories(UnitData data) {
        Set<String> unknown = new HashSet<>(data.competences());
        unknown.removeAll(categories.findAllById(data.competences()).stream().map(MatterCategory::code).toList());
        if (!unknown.isEmpty()) {
            throw new DomainRuleViolation("未知的事项类别：" + String.join("、", unknown));
        }
    }

    public MatterCategory addCategory(String code, String name) {
        if (code == null || !code.matches("[A-Z][A-Z0-9_]{1,31}")) {
            throw new DomainRuleViolation("类别代码应为2至32位大写字母、数字或下划线，以字母开头");
        }
        if (name == null || name.isBlank() || name.strip().length() > 50) {
            throw new DomainRuleViolation("类别名称不能为空，且不超过50字");
        }
        if (categories.existsById(code)) {
            throw new DomainRuleViolation("类别代码已存在：" + code);
        }
        if (categories.findAll().stream().anyMatch(c -> c.name().equals(name.strip()))) {
            throw new DomainRuleViolation("类别名称已存在：" + name.strip());
        }
        MatterCategory category = categories.save(new MatterCategory(code, name.strip()));
        events.publishEvent(DirectoryChanged.of("organisation:category:create", "category/" + code, null,
                Map.of("name", category.name())));
        return category;
    }

    private static Map<String, Object> snapshot(Region r) {
        return new java.util.LinkedHashMap<>(java.util.Map.of("name", r.name(), "level", r.level().name(),
                "parent", r.parentCode() == null ? "" : r.parentCode()));
    }
}
