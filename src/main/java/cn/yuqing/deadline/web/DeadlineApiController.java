package cn.yuqing.deadline.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.yuqing.deadline.Deadline;
import cn.yuqing.deadline.Deadlines;
import cn.yuqing.organisation.Accounts;

/** The clocks as JSON, for a duty room's screen or the office's own tools: the same service as the pages. */
@RestController
class DeadlineApiController {

    record EntryView(String kind, Instant at, String detail, Long lateByMinutes) {
    }

    record ClockView(Long id, Long eventId, String clock, String title, String allowed, String basis, Instant startedAt,
            Instant dueAt, String status, long remainingMinutes, String countdown, List<EntryView> history) {
    }

    private final Deadlines deadlines;
    private final Accounts accounts;

    DeadlineApiController(Deadlines deadlines, Accounts accounts) {
        this.deadlines = deadlines;
        this.accounts = accounts;
    }

    @GetMapping("/api/events/{id}/clocks")
    @PreAuthorize("hasAuthority('opinion:event:view')")
    List<ClockView> clocks(@PathVariable Long id) {
        Deadlines.Board board = deadlines.board(id, accounts.currentScope());
        Instant now = deadlines.now();
        return board.deadlines().stream().map(d -> view(d, now, board.historyOf(d).stream()
                .map(h -> new EntryView(h.kind().name(), h.at(), h.detail(), h.lateByMinutes())).toList())).toList();
    }

    /** Open clocks due within the window (hours, at most a week) and every overdue one, soonest first. */
    @GetMapping("/api/deadlines")
    @PreAuthorize("hasAuthority('opinion:event:view')")
    List<ClockView> due(@RequestParam(defaultValue = "24") int hours) {
        Instant now = deadlines.now();
        return deadlines.dueWithin(accounts.currentScope(), Duration.ofHours(Math.max(1, Math.min(hours, 168)))).stream()
                .map(row -> view(row.deadline(), now, List.of())).toList();
    }

    private static ClockView view(Deadline d, Instant now, List<EntryView> history) {
        return new ClockView(d.id(), d.eventId(), d.clock().name(), d.title(), d.allowed(), d.basis().name(), d.startedAt(),
                d.dueAt(), d.status().name(), d.remainingAt(now).toMinutes(), d.countdownAt(now), history);
    }
}
