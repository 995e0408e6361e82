package cn.yuqing.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** What the tests that run whole processes read straight from the database they left behind. */
final class Records {

    private Records() {
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Each timer that fired did so once: some clock was missed, none twice; no escalation to one
     * level twice; and no clock's reminder points handled (sent or skipped) more often than its rule
     * has reminders.
     */
    static void assertEachTimerFiredOnce(Connection c) throws SQLException {
        assertThat(count(c, "select count(*) from deadline_entry where kind = 'MISSED'")).isPositive();
        assertThat(count(c, "select count(*) from (select deadline_id from deadline_entry where kind = 'MISSED' "
                + "group by deadline_id having count(*) > 1) twice")).as("clocks missed twice").isZero();
        assertThat(count(c, "select count(*) from (select deadline_id, detail from deadline_entry "
                + "where kind = 'ESCALATED' group by deadline_id, detail having count(*) > 1) twice"))
                .as("escalations to one level sent twice").isZero();
        // a reminder point is sent, or skipped when a later one (or the due time) fell due with it: once either way
        long mostReminders = count(c, "select max(length(reminders) - length(replace(reminders, ',', '')) + 1) from clock_rule");
        assertThat(count(c, "select coalesce(max(n), 0) from (select count(*) n from deadline_entry "
                + "where kind in ('REMINDED', 'SKIPPED') group by deadline_id) r")).as("reminder points of one clock")
                .isBetween(1L, mostReminders);
    }
}
