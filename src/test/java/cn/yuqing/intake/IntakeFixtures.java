package cn.yuqing.intake;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.Person;

/** Fresh channels and sources for a test, so that tests sharing a context do not see each other's items. */
@Component
class IntakeFixtures {

    private static final AtomicInteger counter = new AtomicInteger();

    final Channels channels;
    final Sources sources;
    final OrganisationDirectory directory;

    IntakeFixtures(Channels channels, Sources sources, OrganisationDirectory directory) {
        this.channels = channels;
        this.sources = sources;
        this.directory = directory;
    }

    Channel countyChannel(ChannelType type, int patrolsPerDay) {
        Long office = directory.governmentOfficeOf("411526").orElseThrow().id();
        Long monitor = directory.person("jiankong").map(Person::id).orElseThrow();
        return channels.create(new ChannelData("测试渠道" + counter.incrementAndGet(), type, office, null, patrolsPerDay, true,
                Set.of(monitor)), DataScope.installation());
    }

    Channel townshipChannel() {
        Long xuezi = directory.governmentOf("411526107").orElseThrow().id();
        Long monitor = directory.person("jiankong.xuezi").map(Person::id).orElseThrow();
        return channels.create(new ChannelData("踅孜测试渠道" + counter.incrementAndGet(), ChannelType.SERVICE_HALL, xuezi, null,
                1, true, Set.of(monitor)), DataScope.installation());
    }

    Sources.NewApiSource apiSource(Channel channel) {
        return sources.createApi(channel.id(), DataScope.installation(), "测试接口" + counter.incrementAndGet(), 60);
    }
}
