package cn.yuqing.intake;

import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.Person;
import cn.yuqing.organisation.Role;
import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.NotFound;

/** Channels as data: kind, owning unit, URL or place, patrols per working day, assigned monitors. */
@Service
@Transactional
public class Channels {

    private final ChannelRepository channels;
    private final OrganisationDirectory directory;
    private final ApplicationEventPublisher events;

    Channels(ChannelRepository channels, OrganisationDirectory directory, ApplicationEventPublisher events) {
        this.channels = channels;
        this.directory = directory;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<Channel> visible(DataScope scope) {
        return scope.installationWide() ? channels.findAll() : channels.findInUnits(scope.queryIds());
    }

    @Transactional(readOnly = true)
    public Channel require(Long id, DataScope scope) {
        return channels.findById(id).filter(c -> scope.covers(c.unitId())).orElseThrow(() -> new NotFound("渠道"));
    }

    public Channel create(ChannelData data, DataScope scope) {
        check(data, scope);
        Channel channel = channels.save(new Channel(data));
        events.publishEvent(IntakeAudited.of("intake:channel:create", "channel/" + channel.id(), channel.snapshot()));
        return channel;
    }

    public Channel update(Long id, long expectedVersion, ChannelData data, DataScope scope) {
        Channel channel = require(id, scope);
        if (channel.version() != expectedVersion) {
            throw new DomainRuleViolation("该渠道已被他人修改，请刷新后重新编辑");
        }
        check(data, scope);
        Map<String, Object> before = channel.snapshot();
        channel.apply(data);
        events.publishEvent(new IntakeAudited("intake:channel:update", "channel/" + id, before, channel.snapshot()));
        return channel;
    }

    private void check(ChannelData data, DataScope scope) {
        if (data.unitId() != null && (directory.unit(data.unitId()).isEmpty() || !scope.covers(data.unitId()))) {
            throw new DomainRuleViolation("只能为您管理范围内的单位设置渠道");
        }
        for (Long monitorId : data.monitorIds()) {
            Person p = directory.person(monitorId).orElseThrow(() -> new DomainRuleViolation("监控人员不存在"));
            if (!p.roles().contains(Role.MONITOR)) {
                throw new DomainRuleViolation("4.1", p.fullName() + "不是监控人员");
            }
        }
    }

    /** People who may be assigned to patrol channels in this scope. */
    @Transactional(readOnly = true)
    public List<Person> monitorsIn(DataScope scope) {
        return directory.peopleWithRole(Role.MONITOR).stream()
                .filter(p -> p.unit() != null && scope.covers(p.unit().id())).toList();
    }
}
