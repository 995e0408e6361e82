package cn.yuqing.deadline;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.yuqing.opinion.OpenDuties;

/** 4.6: a clock still running or missed is a duty open at closing; continued releases end with the event. */
@Component
class DeadlineDuties implements OpenDuties {

    private final DeadlineRepository deadlines;
    private final java.time.Clock clock;

    DeadlineDuties(DeadlineRepository deadlines, java.time.Clock clock) {
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Override
    public List<Duty> of(Long eventId) {
        return deadlines.findOpen(eventId).stream().filter(d -> d.clock() != ClockKind.FOLLOW_UP)
                .map(d -> new Duty("clock:" + d.id(), d.title() + "（" + d.allowed() + "，" + d.countdownAt(clock.instant()) + "）尚未完成"))
                .toList();
    }
}
