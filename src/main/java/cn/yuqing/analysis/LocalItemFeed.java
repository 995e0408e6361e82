package cn.yuqing.analysis;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.yuqing.intake.ItemCollected;

/**
 * The embedded tier: each new item is analysed on the machine that took it. The event is kept in
 * the event publication registry until the analysis finishes, so an item whose analysis was cut
 * short by a stop is analysed after the restart, not lost.
 */
@Component
@ConditionalOnBooleanProperty(name = "spring.modulith.events.externalization.enabled", havingValue = false)
class LocalItemFeed {

    private final Analyser analyser;

    LocalItemFeed(Analyser analyser) {
        this.analyser = analyser;
    }

    @ApplicationModuleListener
    void on(ItemCollected collected) {
        analyser.analyse(collected.itemId());
    }
}
