package cn.yuqing.analysis;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yuqing.organisation.DataScope;
import cn.yuqing.shared.Times;

/** Reads of analysis results, for pages and later modules (the opinion workflow shows them beside its decisions). */
@Service
@Transactional(readOnly = true)
public class ItemAnalyses {

    private final ItemAnalysisRepository analyses;
    private final JdbcTemplate jdbc;

    ItemAnalyses(ItemAnalysisRepository analyses, JdbcTemplate jdbc) {
        this.analyses = analyses;
        this.jdbc = jdbc;
    }

    public Optional<ItemAnalysis> find(Long itemId) {
        return analyses.findById(itemId);
    }

    /** Items and negative items per local day from {@code from} to {@code toExclusive}, of the channels' units in scope. */
    public List<Volume> daily(LocalDate from, LocalDate toExclusive, DataScope scope) {
        int days = (int) (toExclusive.toEpochDay() - from.toEpochDay());
        if (days <= 0) {
            return List.of();
        }
        int[] all = new int[days];
        int[] negative = new int[days];
        String inScope = scope.installationWide() ? "" : scope.queryIds().isEmpty() ? " and 1 = 0"
                : " and unit_id in (" + String.join(",", scope.queryIds().stream().map(String::valueOf).toList()) + ")";
        jdbc.query("select discovered_at, sentiment from item_analysis where discovered_at >= ? and discovered_at < ?" + inScope,
                row -> {
                    int i = (int) (Times.instant(row.getObject(1)).atZone(Times.ZONE).toLocalDate().toEpochDay() - from.toEpochDay());
                    if (i >= 0 && i < days) {
                        all[i]++;
                        if ("NEGATIVE".equals(row.getString(2))) {
                            negative[i]++;
                        }
                    }
                }, Timestamp.from(from.atStartOfDay(Times.ZONE).toInstant()),
                Timestamp.from(toExclusive.atStartOfDay(Times.ZONE).toInstant()));
        List<Volume> volume = new ArrayList<>(days);
        for (int i = 0; i < days; i++) {
            volume.add(new Volume(from.plusDays(i).atStartOfDay(Times.ZONE).toInstant(), all[i], negative[i]));
        }
        return volume;
    }
}
