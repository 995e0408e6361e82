package cn.yuqing.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.Person;
import cn.yuqing.shared.NotFound;
import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.NotificationRequested;

/**
 * E-mail and group-robot deliveries: queued in the transaction that asked for the notice (so none
 * is lost), sent by a poller that claims rows with {@code FOR UPDATE SKIP LOCKED} (so several nodes
 * send each once), retried with growing pauses, and kept with their last error for the administrator.
 */
@Service
@Transactional
public class Deliveries {

    private static final String CLAIM = """
            select id from delivery where status = 'PENDING' and next_attempt_at <= ?
            order by next_attempt_at, id fetch first ? rows only for update skip locked""";

    private final DeliveryRepository deliveries;
    private final PreferenceRepository preferences;
    private final RobotRepository robots;
    private final SmsGatewayRepository gateways;
    private final org.springframework.context.ApplicationEventPublisher publisher;
    private final OrganisationDirectory directory;
    private final Senders senders;
    private final NotificationSettings settings;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    Deliveries(DeliveryRepository deliveries, PreferenceRepository preferences, RobotRepository robots,
            SmsGatewayRepository gateways, OrganisationDirectory directory, Senders senders, NotificationSettings settings,
            JdbcTemplate jdbc, PlatformTransactionManager txManager, Clock clock,
            org.springframework.context.ApplicationEventPublisher publisher) {
        this.gateways = gateways;
        this.publisher = publisher;
        this.deliveries = deliveries;
        this.preferences = preferences;
        this.robots = robots;
        this.directory = directory;
        this.senders = senders;
        this.settings = settings;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
    }

    /** Queues the e-mails and group messages of a request; quiet hours delay all but urgent notices. */
    void enqueue(NotificationRequested request) {
        Instant now = clock.instant();
        String body = request.body() + (request.link() == null ? "" : "\n" + settings.publicUrl() + request.link());
        Set<Long> units = new HashSet<>();
        java.util.Map<Long, NotificationPreference> prefs = new java.util.HashMap<>();
        preferences.findAllById(request.recipients()).forEach(p -> prefs.put(p.personId(), p));
        for (Person person : directory.people(request.recipients())) {
            if (person.unit() != null) {
                units.add(person.unit().id());
            }
            NotificationPreference pref = prefs.getOrDefault(person.id(), new NotificationPreference(person.id()));
            if (senders.mailConfigured() && person.email() != null && !person.email().isBlank() && pref.emailEnabled()) {
                Instant notBefore = request.urgent() ? now : pref.releaseAt(now, clock.getZone());
                deliveries.save(new Delivery(Delivery.Channel.EMAIL, person.id(), null, person.email(), request.title(), body,
                        request.urgent(), notBefore, now));
            }
        }
        if (!units.isEmpty()) {
            for (GroupRobot robot : robots.activeFor(units)) {
                if (!robot.urgentOnly() || request.urgent()) {
                    deliveries.save(new Delivery(robot.kind() == GroupRobot.Kind.WECOM ? Delivery.Channel.WECOM
                            : Delivery.Channel.DINGTALK, null, robot.id(), robot.webhookUrl(), request.title(), body,
                            request.urgent(), now, now));
                }
            }
        }
    }

    /**
     * Queues a message to a citizen (a reply, a survey link): sent by the same poller, with the same
     * retries; refused at once where its way out is not configured, so that nobody believes a
     * citizen was told when they could not be.
     */
    public void send(CitizenMessage request) {
        Instant now = clock.instant();
        Delivery.Channel channel = switch (request.channel()) {
            case SMS -> {
                if (!gateways.current().active()) {
                    throw new DomainRuleViolation("尚未配置短信网关，请系统管理员在“邮件、短信与群机器人”中设置，或改用其他方式答复");
                }
                yield Delivery.Channel.SMS;
            }
            case EMAIL -> {
                if (!senders.mailConfigured()) {
                    throw new DomainRuleViolation("尚未配置邮件服务器，请改用其他方式答复");
                }
                yield Delivery.Channel.EMAIL;
            }
        };
        String body = request.body() + (request.link() == null ? "" : settings.publicUrl() + request.link());
        deliveries.save(new Delivery(channel, null, null, request.address(), request.subject(), body, true, now, now)
                .toCitizen(request.reference()));
    }

    /** How the messages of a reference went out, newest first (the reply page shows it). */
    @Transactional(readOnly = true)
    public List<Delivery> ofReference(String reference) {
        return deliveries.findByReference(reference);
    }

    public boolean smsConfigured() {
        return gateways.current().active();
    }

    @Transactional(readOnly = true)
    public SmsGateway smsGateway() {
        return gateways.current();
    }

    public SmsGateway changeSmsGateway(String url, String account, String secret, String signature, boolean active, String by) {
        SmsGateway g = gateways.current();
        g.change(url, account, secret, signature, active, by, clock.instant());
        g = gateways.save(g);
        publisher.publishEvent(new SmsGatewayChanged(g.url() == null ? null : java.net.URI.create(g.url()).getHost(), g.account(),
                g.signature(), g.active()));
        return g;
    }

    /** Sends what is due; returns how many were attempted. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NEVER)
    public int sendDue() {
        int attempted = 0;
        while (true) {
            Integer n = tx.execute(status -> {
                Instant now = clock.instant();
                List<Long> ids = jdbc.queryForList(CLAIM, Long.class, Timestamp.from(now), settings.batchSize());
                SmsGateway gateway = gateways.current();
                for (Delivery d : deliveries.findAllById(ids)) {
                    try {
                        senders.send(d, d.robotId() == null ? null : robots.findById(d.robotId()).orElse(null), gateway);
                        d.sent(now);
                    } catch (RuntimeException e) {
                        d.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), now);
                    }
                }
                return ids.size();
            });
            if (n == null || n == 0) {
                return attempted;
            }
            attempted += n;
        }
    }

    @Transactional(readOnly = true)
    public List<Delivery> recent() {
        return deliveries.recent(PageRequest.of(0, 200));
    }

    @Transactional(readOnly = true)
    public long failedCount() {
        return deliveries.failedCount();
    }

    public Delivery retry(Long id) {
        Delivery d = deliveries.findById(id).orElseThrow(() -> new NotFound("投递记录"));
        d.retry(clock.instant());
        return d;
    }

    public NotificationPreference preferenceOf(Long personId) {
        return preferences.findById(personId).orElseGet(() -> new NotificationPreference(personId));
    }

    public NotificationPreference changePreference(Long personId, boolean email, java.time.LocalTime from,
            java.time.LocalTime until) {
        NotificationPreference pref = preferenceOf(personId);
        pref.change(email, from, until);
        return preferences.save(pref);
    }

    @Transactional(readOnly = true)
    public List<GroupRobot> robots() {
        return robots.allActive();
    }

    public GroupRobot addRobot(Long unitId, GroupRobot.Kind kind, String name, String url, String secret, boolean urgentOnly) {
        directory.requireUnit(unitId);
        return robots.save(new GroupRobot(unitId, kind, name, url, secret, urgentOnly));
    }

    public void removeRobot(Long id) {
        robots.findById(id).orElseThrow(() -> new NotFound("群机器人")).deactivate();
    }

    public boolean mailConfigured() {
        return senders.mailConfigured();
    }
}
