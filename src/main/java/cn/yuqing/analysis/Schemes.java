package cn.yuqing.analysis;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.NotFound;

/** Monitoring schemes, edited by administrators; the matcher is rebuilt when one changes. */
@Service
@Transactional
public class Schemes {

    private final SchemeRepository schemes;
    private final ApplicationEventPublisher events;

    Schemes(SchemeRepository schemes, ApplicationEventPublisher events) {
        this.schemes = schemes;
        this.events = events;
    }

    record SchemeChanged(String action, String subject, Map<String, ?> before, Map<String, ?> after)
            implements cn.yuqing.shared.AuditedChange {
    }

    @Transactional(readOnly = true)
    public List<MonitoringScheme> all() {
        return schemes.findAll(org.springframework.data.domain.Sort.by("name"));
    }

    @Transactional(readOnly = true)
    public MonitoringScheme require(Long id) {
        return schemes.findById(id).orElseThrow(() -> new NotFound("监测方案"));
    }

    public MonitoringScheme create(String name, String include, String exclude, Set<Long> channels, Set<Long> units) {
        MonitoringScheme s = schemes.save(new MonitoringScheme(name, include, exclude, channels, units));
        events.publishEvent(new SchemeChanged("analysis:scheme:create", "scheme/" + s.id(), Map.of(), s.snapshot()));
        return s;
    }

    public MonitoringScheme update(Long id, long version, String name, String include, String exclude, Set<Long> channels,
            Set<Long> units, boolean active) {
        MonitoringScheme s = require(id);
        if (s.version() != version) {
            throw new DomainRuleViolation("该方案已被他人修改，请刷新后重新编辑");
        }
        Map<String, Object> before = s.snapshot();
        s.apply(name, include, exclude, channels, units, active);
        events.publishEvent(new SchemeChanged("analysis:scheme:update", "scheme/" + id, before, s.snapshot()));
        return s;
    }
}
