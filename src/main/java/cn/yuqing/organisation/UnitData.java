package cn.yuqing.organisation;

import java.util.Set;

/** What an administrator enters for a unit. */
public record UnitData(String name, String shortNames, UnitKind kind, String regionCode, boolean verticallyManaged,
        Long superiorId, Set<String> competences) {

    public UnitData {
        competences = competences == null ? Set.of() : Set.copyOf(competences);
    }
}
