package cn.yuqing.response;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.yuqing.opinion.OpenDuties;

/** 4.6: a release drafted but not published is a duty open at closing. */
@Component
class ReleaseDuties implements OpenDuties {

    private final ReleaseRepository releases;

    ReleaseDuties(ReleaseRepository releases) {
        this.releases = releases;
    }

    @Override
    public List<Duty> of(Long eventId) {
        return releases.findByEvent(eventId).stream().filter(r -> r.status() != Release.Status.PUBLISHED)
                .map(r -> new Duty("release:" + r.id(), r.kind().label() + "《" + r.title() + "》" + r.status().label() + "，尚未发布"))
                .toList();
    }
}
