package cn.yuqing.intake;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;

import cn.yuqing.shared.DomainRuleViolation;

/** A platform monitors look at: online (portal, Weibo …) or offline (service hall, mailbox …). */
@Entity
public class Channel {

    /** The standard lost the number of patrols per day ("每天…次"); a setting per channel, within reason. */
    static final int MAX_PATROLS_PER_DAY = 12;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private String kind;

    @Enumerated(EnumType.STRING)
    private ChannelType type;

    private Long unitId;

    /** A URL for online platforms, a place for offline ones. */
    private String location;

    private int patrolsPerDay;

    private boolean active = true;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "channel_monitor", joinColumns = @JoinColumn(name = "channel_id"))
    @Column(name = "person_id")
    private Set<Long> monitorIds = new HashSet<>();

    @Version
    private long version;

    protected Channel() {
    }

    Channel(ChannelData data) {
        apply(data);
    }

    void apply(ChannelData data) {
        if (data.name() == null || data.name().isBlank() || data.name().strip().length() > 100) {
            throw new DomainRuleViolation("渠道名称不能为空，且不超过100字");
        }
        if (data.type() == null) {
            throw new DomainRuleViolation("4.1", "请选择渠道类型（线上或线下平台）");
        }
        if (data.unitId() == null) {
            throw new DomainRuleViolation("渠道必须属于某一单位");
        }
        if (data.patrolsPerDay() < 1 || data.patrolsPerDay() > MAX_PATROLS_PER_DAY) {
            throw new DomainRuleViolation("4.1", "每个工作日巡查次数应为1至" + MAX_PATROLS_PER_DAY + "次");
        }
        if (data.location() != null && data.location().strip().length() > 500) {
            throw new DomainRuleViolation("网址或地点不超过500字");
        }
        this.name = data.name().strip();
        this.type = data.type();
        this.kind = data.type().online() ? "ONLINE" : "OFFLINE";
        this.unitId = data.unitId();
        this.location = data.location() == null || data.location().isBlank() ? null : data.location().strip();
        this.patrolsPerDay = data.patrolsPerDay();
        this.active = data.active();
        this.monitorIds = new HashSet<>(data.monitorIds());
    }

    Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("type", type.name());
        s.put("unit", unitId);
        s.put("location", location);
        s.put("patrolsPerDay", patrolsPerDay);
        s.put("active", active);
        s.put("monitors", monitorIds.stream().sorted().toList());
        return s;
    }

    public Long id() { return id; }
    public String name() { return name; }
    public ChannelType type() { return type; }
    public boolean online() { return type.online(); }
    public Long unitId() { return unitId; }
    public String location() { return location; }
    public int patrolsPerDay() { return patrolsPerDay; }
    public boolean active() { return active; }
    public Set<Long> monitorIds() { return Set.copyOf(monitorIds); }
    public long version() { return version; }
}
