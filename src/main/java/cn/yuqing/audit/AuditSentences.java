package cn.yuqing.audit;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

import org.springframework.core.io.ClassPathResource;

/**
 * An audit entry as a person reads it: "王磊（研判） 于 2027-07-12 06:50 将事件研判为重点回应（事件#5）".
 * The phrases are data (audit/actions.properties); the raw record stays one click away.
 */
final class AuditSentences {

    /** Record kinds by the start of the subject. */
    static final Map<String, String> RECORDS = new LinkedHashMap<>();

    static {
        for (String[] r : new String[][] {{"event/", "事件"}, {"candidate/", "候选事件"}, {"item/", "信息"}, {"unit/", "单位"},
                {"person/", "人员"}, {"account/", "账户"}, {"channel/", "渠道"}, {"source/", "信息来源"}, {"scheme/", "监测方案"},
                {"release-template/", "发布稿模板"}, {"release/", "发布稿"}, {"template/", "模板"}, {"notice/", "考核通报"}, {"clock-policy/", "时限规则"},
                {"clock-rule/", "时限规则条目"}, {"deadline/", "回应时限"}, {"calendar/", "工作日历"}, {"region/", "区划"},
                {"category/", "事项类别"}, {"context-word/", "仅作背景的词："}, {"backup/", "备份"}, {"clock/", "演示时钟"},
                {"threshold/", "考核标准"}, {"measure/", "整改措施"}, {"import/", "导入任务"}, {"audit-period/", "时段："},
                {"audit-archive/", "归档文件："}, {"proofreading-term/", "校对名单条目"}}) {
            RECORDS.put(r[0], r[1]);
        }
    }

    private final Map<String, String> phrases = new LinkedHashMap<>();

    AuditSentences() {
        Properties p = new Properties();
        try (var in = new InputStreamReader(new ClassPathResource("audit/actions.properties").getInputStream(),
                StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("audit/actions.properties missing from the jar", e);
        }
        p.forEach((k, v) -> phrases.put(((String) k).replace('.', ':'), (String) v));
    }

    boolean knows(String action) {
        return phrases.containsKey(action);
    }

    String phrase(String action) {
        return phrases.getOrDefault(action, "进行了操作");
    }

    /** "事件#5"; a subject of a kind not listed reads as itself. */
    static String record(String subject) {
        if (subject == null || subject.isBlank()) {
            return "";
        }
        for (Map.Entry<String, String> r : RECORDS.entrySet()) {
            if (subject.startsWith(r.getKey())) {
                String rest = subject.substring(r.getKey().length());
                int nested = rest.indexOf('/');
                if (nested > 0) {
                    // event/5/release/7: the event, then its release
                    return record(r.getKey() + rest.substring(0, nested)) + " " + record(rest.substring(nested + 1));
                }
                return r.getValue().endsWith("：") || rest.equals("*") ? r.getValue() + (rest.equals("*") ? "" : rest)
                        : r.getValue() + "#" + rest;
            }
        }
        return subject;
    }

    /** “POST /x from 10.0.0.8” → “提交 /x，地址 10.0.0.8”: the request's address stays, the method reads as a word. */
    static String origin(String origin) {
        if (origin == null) {
            return null;
        }
        if (origin.equals("system")) {
            return "系统任务";
        }
        origin = origin.replace(" from ", "，地址 ");
        for (String[] m : new String[][] {{"POST ", "提交 "}, {"GET ", "访问 "}, {"PUT ", "修改 "}, {"DELETE ", "删除 "}}) {
            if (origin.startsWith(m[0])) {
                return m[1] + origin.substring(m[0].length());
            }
        }
        return origin;
    }

    String sentence(AuditEntry e, Function<String, String> nameOf) {
        String who = "system".equals(e.actor()) ? "系统" : nameOf.apply(e.actor());
        String what = record(e.subject());
        return who + " 于 " + e.recordedAtText() + " " + phrase(e.action()) + (what.isEmpty() ? "" : "（" + what + "）");
    }
}
