package cn.yuqing.responsibility;

import java.util.List;
import java.util.Set;

/**
 * What routing needs to know of an event: the places it concerns (region codes), the level whose
 * government handles it (a county's code), the matter categories, the units the text names, and
 * whether it is especially major.
 */
public record EventFacts(List<String> placeCodes, String levelRegionCode, List<String> categories, Set<Long> namedUnitIds,
        boolean especiallyMajor) {

    public EventFacts {
        placeCodes = List.copyOf(placeCodes);
        categories = List.copyOf(categories);
        namedUnitIds = Set.copyOf(namedUnitIds);
    }
}
