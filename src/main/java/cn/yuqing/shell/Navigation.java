package cn.yuqing.shell;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.yuqing.organisation.SignedInPerson;
import cn.yuqing.shared.NavigationEntry;
import cn.yuqing.shared.Stage;

/** The navigation a person sees: the modules' entries they may open, grouped by stage in the standard's order. */
@Component
class Navigation {

    private final List<NavigationEntry> entries;

    Navigation(List<NavigationEntry.Menu> menus) {
        this.entries = menus.stream().flatMap(m -> m.entries().stream()).sorted(Comparator.comparing(NavigationEntry::stage)
                .thenComparingInt(NavigationEntry::order)).toList();
    }

    Map<Stage, List<NavigationEntry>> visibleTo(SignedInPerson person) {
        Map<Stage, List<NavigationEntry>> byStage = new LinkedHashMap<>();
        for (NavigationEntry entry : entries) {
            if (entry.permission() == null || person.can(entry.permission())) {
                byStage.computeIfAbsent(entry.stage(), s -> new java.util.ArrayList<>()).add(entry);
            }
        }
        return byStage;
    }
}
