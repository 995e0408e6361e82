package cn.yuqing.intake;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.Person;
import cn.yuqing.organisation.Role;
import cn.yuqing.shared.NotFound;
import cn.yuqing.shared.NotificationRequested;

/** Automatic sources: their creation, API keys, delivery bookkeeping and silence alerts. */
@Service
@Transactional
public class Sources {

    private static final String KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final SourceRepository sources;
    private final ChannelRepository channels;
    private final OrganisationDirectory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Sources(SourceRepository sources, ChannelRepository channels, OrganisationDirectory directory,
            ApplicationEventPublisher events, Clock clock) {
        this.sources = sources;
        this.channels = channels;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    public record NewApiSource(IntakeSource source, String apiKey) {
    }

    /** The key is shown once; only its hash is kept. */
    public NewApiSource createApi(Long channelId, DataScope scope, String name, Integer expectedMinutes) {
        requireChannel(channelId, scope);
        StringBuilder key = new StringBuilder("yq_");
        for (int i = 0; i < 40; i++) {
            key.append(KEY_ALPHABET.charAt(random.nextInt(KEY_ALPHABET.length())));
        }
        IntakeSource source = sources.save(IntakeSource.api(channelId, name, UrlKeys.sha256(key.toString()),
                key.substring(0, 8), expectedMinutes, clock.instant()));
        audit("intake:source:create", source);
        return new NewApiSource(source, key.toString());
    }

    public IntakeSource createFeed(Long channelId, DataScope scope, String name, String url, int pollMinutes,
            Integer expectedMinutes) {
        requireChannel(channelId, scope);
        IntakeSource source = sources.save(IntakeSource.feed(channelId, name, url, pollMinutes, expectedMinutes,
                clock.instant()));
        audit("intake:source:create", source);
        return source;
    }

    public IntakeSource createMailbox(Long channelId, DataScope scope, String name, String host, int port, boolean ssl,
            String username, String password, String folder, int pollMinutes, Integer expectedMinutes) {
        requireChannel(channelId, scope);
        IntakeSource source = sources.save(IntakeSource.mailbox(channelId, name, host, port, ssl, username, password,
                folder, pollMinutes, expectedMinutes, clock.instant()));
        audit("intake:source:create", source);
        return source;
    }

    public IntakeSource createImport(Long channelId, DataScope scope, String name) {
        requireChannel(channelId, scope);
        IntakeSource source = sources.save(IntakeSource.imports(channelId, name, clock.instant()));
        audit("intake:source:create", source);
        return source;
    }

    private void audit(String action, IntakeSource source) {
        events.publishEvent(IntakeAudited.of(action, "source/" + source.id(), Map.of("name", source.name(), "kind",
                source.kind().name(), "channel", source.channelId())));
    }

    private Channel requireChannel(Long channelId, DataScope scope) {
        return channels.findById(channelId == null ? -1L : channelId).filter(c -> scope.covers(c.unitId()))
                .orElseThrow(() -> new NotFound("渠道"));
    }

    @Transactional(readOnly = true)
    public Optional<IntakeSource> byApiKey(String key) {
        if (key == null || !key.startsWith("yq_") || key.length() > 100) {
            return Optional.empty();
        }
        return sources.findByApiKeyHash(UrlKeys.sha256(key)).filter(IntakeSource::active);
    }

    @Transactional(readOnly = true)
    public List<IntakeSource> visible(List<Channel> channelsInScope) {
        if (channelsInScope.isEmpty()) {
            return List.of();
        }
        return sources.findForChannels(channelsInScope.stream().map(Channel::id).toList());
    }

    @Transactional(readOnly = true)
    public IntakeSource require(Long id, DataScope scope) {
        IntakeSource source = sources.findById(id).orElseThrow(() -> new NotFound("来源"));
        requireChannel(source.channelId(), scope);
        return source;
    }

    @Transactional(readOnly = true)
    public List<IntakeSource> active(SourceKind kind) {
        return sources.findActive(kind);
    }

    /** Bookkeeping after a delivery or a poll, in its own transaction so that a failed batch still leaves its trace. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void delivered(Long sourceId, int created) {
        sources.delivered(sourceId, created, clock.instant());
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(Long sourceId, String error) {
        sources.failed(sourceId, error == null ? "未知错误" : error.length() > 1000 ? error.substring(0, 1000) : error,
                clock.instant());
    }

    /** Raises each silence once: to the channel's monitors and the administrators who may see it. */
    public int alertSilentSources() {
        Instant now = clock.instant();
        int alerts = 0;
        for (IntakeSource source : sources.findAllActive()) {
            if (!source.silentSince(now)) {
                continue;
            }
            Channel channel = channels.findById(source.channelId()).orElseThrow();
            Set<Long> recipients = new HashSet<>(channel.monitorIds());
            for (Person admin : directory.peopleWithRole(Role.ADMINISTRATOR)) {
                if (directory.scopeOf(admin).covers(channel.unitId())) {
                    recipients.add(admin.id());
                }
            }
            events.publishEvent(new NotificationRequested(recipients, "采集来源沉默：" + source.name(),
                    "“" + source.name() + "”已超过" + source.expectedIntervalMinutes() + "分钟没有送来新信息（最后一次："
                            + source.lastDeliveredText() + "）。请检查来源是否正常。", "/intake/sources", false));
            source.silenceAlerted(now);
            alerts++;
        }
        return alerts;
    }
}
