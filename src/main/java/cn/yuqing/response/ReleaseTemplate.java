package cn.yuqing.response;

import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.Times;

/**
 * A response template in the usual government wording, per kind of release (or {@code *} for any)
 * and kind of matter (4.4 decides what must be published). Placeholders: {事件} {事实} {口径}
 * {责任单位} {日期}.
 */
@Entity
public class ReleaseTemplate {

    public static final String ANY_KIND = "*";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String kind;

    private String matterKind;

    private String title;

    private String body;

    @Version
    private long version;

    protected ReleaseTemplate() {
    }

    void change(String title, String body) {
        if (title == null || title.isBlank() || title.strip().length() > 300) {
            throw new DomainRuleViolation("请填写模板标题（300字以内）");
        }
        if (body == null || body.isBlank() || body.length() > 20_000) {
            throw new DomainRuleViolation("模板正文不能为空（20000字以内）");
        }
        this.title = title.strip();
        this.body = body.strip();
    }

    String fill(String template, Map<String, String> values) {
        String out = template;
        for (Map.Entry<String, String> v : values.entrySet()) {
            out = out.replace("{" + v.getKey() + "}", v.getValue() == null ? "" : v.getValue());
        }
        return out;
    }

    static Map<String, String> values(String event, String facts, String talkingPoints, String unit, Instant now) {
        return Map.of("事件", subject(event), "事实", facts == null ? "" : facts, "口径", talkingPoints == null ? "" : talkingPoints,
                "责任单位", unit, "日期", Times.format(now).substring(0, 10));
    }

    /**
     * An event's title as the subject of an official text (关于…的情况通报): the netizen's tone goes —
     * topic tags, @mentions, 【】 labels, quotation marks, emoji, exclamation and question marks —
     * and what remains reads as one clause, so that "…有人被困！" does not become "…有人被困！的情况通报"
     * nor "！，" in the body.
     */
    static String subject(String title) {
        if (title == null) {
            return "";
        }
        String s = title.replaceAll("#[^#\\s]{1,30}#", " ")
                .replaceAll("@[\\p{L}\\p{N}_-]{1,30}", " ")
                .replaceAll("【[^】]{0,20}】", " ")
                .replaceAll("^(网友|网传|爆料|求助|急|紧急扩散)[：:]", "")
                .replaceAll("[“”\"「」『』]", "")
                .replaceAll("[\\p{So}\\p{Cs}\uFE0F]", "")
                .replaceAll("[！!？?]+", "，")
                .replaceAll("[.。…~～]{2,}", "，")
                .replaceAll("\\s+", " ")
                .replaceAll("[，,；;、]{2,}", "，")
                .replaceAll("\\s*([，,；;、。])\\s*", "$1")
                .replaceAll("^[，,；;、。]+|[，,；;、。]+$", "").strip();
        return s.isEmpty() ? title.strip() : s;
    }

    public Long id() { return id; }
    public String kind() { return kind; }
    public String matterKind() { return matterKind; }
    public String title() { return title; }
    public String body() { return body; }
    public long version() { return version; }
}
