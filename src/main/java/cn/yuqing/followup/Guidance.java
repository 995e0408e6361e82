package cn.yuqing.followup;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.Times;

/**
 * 4.5: guidance asked of or given by superiors and the publicity department, or an expert's
 * interpretation; 3.1.1: the principal leader's guidance on an especially major event.
 */
@Entity
public class Guidance {

    public enum Kind {
        /** 3.1.1: for an especially major event the principal leader of the level guides, coordinates and chases. */
        PRINCIPAL_LEADER_GUIDANCE("主要负责同志指导意见", "负责同志姓名、职务"),
        REQUEST_TO_SUPERIOR("向上级请示", "请示对象"), SUPERIOR_GUIDANCE("上级指导意见", "指导单位"),
        PUBLICITY_GUIDANCE("宣传部门指导意见", "指导单位"), EXPERT_INTERPRETATION("专家解读", "专家姓名、职称");

        private final String label;
        private final String sourceLabel;

        Kind(String label, String sourceLabel) {
            this.label = label;
            this.sourceLabel = sourceLabel;
        }

        public String label() {
            return label;
        }

        public String sourceLabel() {
            return sourceLabel;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long eventId;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private String source;

    private Instant givenAt;

    private String content;

    private String channel;

    private String recordedBy;

    private Instant recordedAt;

    protected Guidance() {
    }

    Guidance(Long eventId, Kind kind, String source, Instant givenAt, String content, String channel, String by, Instant now) {
        if (kind == null) {
            throw new DomainRuleViolation("4.5", "请选择记录类别");
        }
        if (source == null || source.isBlank() || source.strip().length() > 200) {
            throw new DomainRuleViolation("4.5", "请填写" + kind.sourceLabel() + "（200字以内）");
        }
        if (givenAt == null || givenAt.isAfter(now)) {
            throw new DomainRuleViolation("4.5", "请填写时间，且不能晚于现在");
        }
        if (content == null || content.isBlank() || content.strip().length() > 4000) {
            throw new DomainRuleViolation("4.5", "请填写内容（4000字以内）");
        }
        if (channel != null && channel.strip().length() > 300) {
            throw new DomainRuleViolation("4.5", "发布渠道请控制在300字以内");
        }
        this.eventId = eventId;
        this.kind = kind;
        this.source = source.strip();
        this.givenAt = givenAt;
        this.content = content.strip();
        this.channel = channel == null || channel.isBlank() ? null : channel.strip();
        this.recordedBy = by;
        this.recordedAt = now;
    }

    public Long id() { return id; }
    public Long eventId() { return eventId; }
    public Kind kind() { return kind; }
    public String source() { return source; }
    public Instant givenAt() { return givenAt; }
    public String givenAtText() { return Times.format(givenAt); }
    public String content() { return content; }
    public String channel() { return channel; }
    public String recordedBy() { return recordedBy; }
    public String recordedAtText() { return Times.format(recordedAt); }
}
