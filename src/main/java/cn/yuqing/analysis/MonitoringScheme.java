package cn.yuqing.analysis;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import cn.yuqing.shared.DomainRuleViolation;

/** 监测方案: a topic, the words that put a text in it, the words that take it out, and where it applies. */
@Entity
public class MonitoringScheme {

    static final int MAX_WORDS = 5000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private String includeWords;

    private String excludeWords;

    /** Empty: every channel. */
    private String channelIds;

    /** Empty: every unit. */
    private String unitIds;

    private boolean active = true;

    @Version
    private long version;

    protected MonitoringScheme() {
    }

    MonitoringScheme(String name, String include, String exclude, Set<Long> channels, Set<Long> units) {
        apply(name, include, exclude, channels, units, true);
    }

    void apply(String name, String include, String exclude, Set<Long> channels, Set<Long> units, boolean active) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new DomainRuleViolation("方案名称不能为空，且不超过100字");
        }
        Set<String> in = words(include);
        if (in.isEmpty()) {
            throw new DomainRuleViolation("请至少填写一个包含词");
        }
        Set<String> out = words(exclude);
        if (in.size() + out.size() > MAX_WORDS) {
            throw new DomainRuleViolation("每个方案的词语合计不超过" + MAX_WORDS + "个");
        }
        this.name = name.strip();
        this.includeWords = String.join(" ", in);
        this.excludeWords = String.join(" ", out);
        this.channelIds = ids(channels);
        this.unitIds = ids(units);
        this.active = active;
    }

    static Set<String> words(String raw) {
        if (raw == null) {
            return Set.of();
        }
        Set<String> words = new LinkedHashSet<>();
        for (String w : raw.split("[\\s,，、;；|]+")) {
            String t = w.strip();
            if (!t.isEmpty()) {
                if (t.length() > 50) {
                    throw new DomainRuleViolation("词语不超过50字：" + t.substring(0, 20) + "…");
                }
                words.add(t);
            }
        }
        return words;
    }

    private static String ids(Set<Long> ids) {
        return ids == null || ids.isEmpty() ? null : ids.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static Set<Long> parse(String csv) {
        return csv == null || csv.isBlank() ? Set.of()
                : Arrays.stream(csv.split(",")).map(Long::valueOf).collect(Collectors.toSet());
    }

    Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("include", includeWords);
        s.put("exclude", excludeWords);
        s.put("channels", channelIds);
        s.put("units", unitIds);
        s.put("active", active);
        return s;
    }

    public Long id() { return id; }
    public String name() { return name; }
    public Set<String> includeWords() { return words(includeWords); }
    public Set<String> excludeWords() { return words(excludeWords); }
    public Set<Long> channelIds() { return parse(channelIds); }
    public Set<Long> unitIds() { return parse(unitIds); }
    public boolean active() { return active; }
    public long version() { return version; }
}
