package cn.yuqing.opinion;

import java.util.List;

import org.springframework.modulith.NamedInterface;

/**
 * 4.6: an event closes only when every duty is done or waived with a reason. Later stages (clocks,
 * releases) say what is still open on an event by implementing this, so that the opinion module
 * asks them without depending on them.
 */
@NamedInterface("port")
public interface OpenDuties {

    /** A duty still open; {@code key} is stable, so a waiver can name it. */
    record Duty(String key, String text) {
    }

    List<Duty> of(Long eventId);
}
