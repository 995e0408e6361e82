package cn.yuqing.response;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proofreading before sign-off: one wrong title in a statement becomes the next opinion incident.
 * A release is read against the directory (who holds which post), the lists the government office
 * keeps (sensitive words, officials no longer in office, former unit names), the verified facts
 * (numbers and dates) and the conventions of official writing (截至/其他, full-width punctuation as
 * GB/T 15834 asks). Each finding names what was found, where, and what the record says instead;
 * the same finding on the same release keeps its key, so a reasoned override outlives a re-check.
 */
public final class Proofreading {

    public enum Kind {
        LEADER("领导姓名职务"), FORMER_OFFICIAL("已不在任人员"), SENSITIVE_WORD("敏感词"), UNIT_NAME("单位名称"),
        NUMBER("数字与核实情况"), DATE("日期与核实情况"), WORDING("公文用语"), PUNCTUATION("标点（GB/T 15834）");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** {@code found}: the words as written; {@code context}: the passage around them; {@code advice}: what the record says. */
    public record Finding(Kind kind, String found, String context, String advice) {

        /** What an override is kept under: the kind and the words, not their place (a revision moves them). */
        public String key() {
            return kind.name() + ":" + found;
        }
    }

    /** A person of the directory with a post, and the forms a text names the post by (县长, 潢川县县长). */
    public record Leader(String name, String title, List<String> designations) {
    }

    private static final Pattern COUNTED = Pattern.compile(
            "(?<![第0-9一二两三四五六七八九十百])([0-9]+(?:\\.[0-9]+)?|[二两三四五六七八九十][零一二两三四五六七八九十百]*)\\s*"
            + "(万元|元|人|名|辆|户|起(?!来)|处|间|台|家|栋|座|吨|亩|平方米|米|公里|小时|天)");
    private static final Pattern UNIT = Pattern.compile("[县市]\\p{IsHan}{1,10}?(局|委员会|办公室|中心)");
    private static final Pattern DATE = Pattern.compile("([0-9]{1,2})月([0-9]{1,2})日");
    private static final Pattern DEADLINE_AS_UNTIL = Pattern.compile("截止(?=目前|今日|今天|当前|现在|发稿|记者发稿|到目前|到今)");
    private static final Pattern HALF_WIDTH = Pattern.compile("(?<=\\p{IsHan})[,;:!?](?=\\s*\\p{IsHan}|\\s*$)");
    private static final Pattern HALF_WIDTH_BRACKETS = Pattern.compile("\\((\\p{IsHan}[^()]{0,30})\\)");
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
            + "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴"
            + "莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单"
            + "季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑"
            + "景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";
    private static final String AFTER_NAME = "表示说指强介在一率同带称讲要主出到、，。：；:（ ";

    private Proofreading() {
    }

    /**
     * {@code unitNames}: the full and short names of the directory's units; {@code ignoredDates}
     * ("12月6日"): dates a release may carry that the facts do not, such as its own.
     */
    static List<Finding> check(String text, List<Leader> leaders, List<ProofreadingTerm> terms, String facts,
            List<String> unitNames, Set<String> ignoredDates) {
        List<Finding> findings = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return findings;
        }
        leaders(text, leaders, findings);
        for (ProofreadingTerm t : terms) {
            int at = text.indexOf(t.term());
            if (at < 0) {
                continue;
            }
            String note = t.note() == null ? "" : t.note();
            switch (t.kind()) {
                case SENSITIVE_WORD -> findings.add(new Finding(Kind.SENSITIVE_WORD, t.term(), context(text, at, t.term().length()),
                        "敏感词，请斟酌改写" + (note.isEmpty() ? "" : "（" + note + "）")));
                case FORMER_OFFICIAL -> findings.add(new Finding(Kind.FORMER_OFFICIAL, t.term(), context(text, at, t.term().length()),
                        t.term() + " 已不在任" + (note.isEmpty() ? "" : "：" + note)));
                case FORMER_UNIT_NAME -> findings.add(new Finding(Kind.UNIT_NAME, t.term(), context(text, at, t.term().length()),
                        "单位旧称，现用名称：" + note));
            }
        }
        units(text, unitNames, findings);
        numbers(text, facts, findings);
        dates(text, facts, ignoredDates, findings);
        wording(text, findings);
        return dedupe(findings);
    }

    /** A post named with someone else's name: "县长张三" where the directory's county head is 何明. */
    private static void leaders(String text, List<Leader> leaders, List<Finding> findings) {
        Map<String, Leader> byDesignation = new LinkedHashMap<>();
        for (Leader l : leaders) {
            for (String d : l.designations()) {
                byDesignation.putIfAbsent(d, l);
            }
        }
        List<String> longestFirst = byDesignation.keySet().stream().sorted((a, b) -> b.length() - a.length()).toList();
        Set<Integer> covered = new java.util.HashSet<>();
        for (String d : longestFirst) {
            Leader l = byDesignation.get(d);
            for (int at = text.indexOf(d); at >= 0; at = text.indexOf(d, at + 1)) {
                int end = at + d.length();
                if (covered.contains(end) || (at > 0 && text.charAt(at - 1) == '副')) {
                    continue;
                }
                covered.add(end);
                String after = text.substring(end);
                if (after.startsWith(l.name())) {
                    continue;
                }
                String named = nameAt(after);
                if (named != null) {
                    findings.add(new Finding(Kind.LEADER, d + named, context(text, at, d.length() + named.length()),
                            "名录中的" + d + "是" + l.name()));
                }
            }
        }
    }

    /** A personal name at the start: a common surname and one or two more characters before a verb or a stop. */
    private static String nameAt(String s) {
        if (s.length() < 2 || SURNAMES.indexOf(s.charAt(0)) < 0 || !Character.isIdeographic(s.charAt(1))) {
            return null;
        }
        if (s.length() >= 4 && Character.isIdeographic(s.charAt(2)) && AFTER_NAME.indexOf(s.charAt(3)) >= 0
                && AFTER_NAME.indexOf(s.charAt(2)) < 0) {
            return s.substring(0, 3);
        }
        return s.length() == 2 || AFTER_NAME.indexOf(s.charAt(2)) >= 0 ? s.substring(0, 2) : null;
    }

    /**
     * A unit named as no unit of the directory is named: "县城建局" where the directory knows
     * 潢川县住房和城乡建设局 (short 县住建局). Only names a text writes as a county's or city's unit
     * (县…局, 市…委员会) are read, up to the first 局, 委员会, 办公室 or 中心.
     */
    private static void units(String text, List<String> unitNames, List<Finding> findings) {
        if (unitNames.isEmpty()) {
            return;
        }
        Matcher m = UNIT.matcher(text);
        while (m.find()) {
            String named = m.group();
            boolean known = unitNames.stream().anyMatch(u -> u.equals(named) || u.endsWith(named.substring(1)) && u.length() > named.length());
            if (!known) {
                String closest = unitNames.stream().max(java.util.Comparator.comparingDouble(u -> TalkingPointsCheck.similarity(named, u)))
                        .orElseThrow();
                // only a name close to one the directory holds is a misnamed unit; 市民服务中心 is no unit's
                if (TalkingPointsCheck.similarity(named, closest) >= 0.5) {
                    findings.add(new Finding(Kind.UNIT_NAME, named, context(text, m.start(), named.length()),
                            "名录中没有这个单位名称，是否指“" + closest + "”"));
                }
            }
        }
    }

    /**
     * "3人受伤" where the verified facts say 2人: a counted thing whose number the facts give
     * otherwise. Digits, and Chinese numerals from 二 up (一 is too often "一起", "一处" of plain
     * speech), never an ordinal (第一人民医院).
     */
    private static void numbers(String text, String facts, List<Finding> findings) {
        if (facts == null || facts.isBlank()) {
            return;
        }
        Map<String, Set<String>> inFacts = new LinkedHashMap<>();
        Matcher f = COUNTED.matcher(facts);
        while (f.find()) {
            inFacts.computeIfAbsent(f.group(2), k -> new LinkedHashSet<>()).add(value(f.group(1)));
        }
        Matcher m = COUNTED.matcher(text);
        while (m.find()) {
            Set<String> known = inFacts.get(m.group(2));
            if (known != null && !known.contains(value(m.group(1)))) {
                findings.add(new Finding(Kind.NUMBER, m.group(), context(text, m.start(), m.group().length()),
                        "核实情况中为 " + String.join("、", known.stream().map(v -> v + m.group(2)).toList()) + "，请核对"));
            }
        }
    }

    private static void dates(String text, String facts, Set<String> ignored, List<Finding> findings) {
        if (facts == null || facts.isBlank()) {
            return;
        }
        Set<String> inFacts = new LinkedHashSet<>();
        Matcher f = DATE.matcher(facts);
        while (f.find()) {
            inFacts.add(Integer.parseInt(f.group(1)) + "月" + Integer.parseInt(f.group(2)) + "日");
        }
        if (inFacts.isEmpty()) {
            return;
        }
        Matcher m = DATE.matcher(text);
        while (m.find()) {
            String date = Integer.parseInt(m.group(1)) + "月" + Integer.parseInt(m.group(2)) + "日";
            if (!inFacts.contains(date) && !ignored.contains(date)) {
                findings.add(new Finding(Kind.DATE, m.group(), context(text, m.start(), m.group().length()),
                        "核实情况中的日期为 " + String.join("、", inFacts) + "，请核对"));
            }
        }
    }

    private static void wording(String text, List<Finding> findings) {
        Matcher until = DEADLINE_AS_UNTIL.matcher(text);
        if (until.find()) {
            findings.add(new Finding(Kind.WORDING, "截止", context(text, until.start(), 2),
                    "表示“到某时为止”用“截至”；“截止”指到期停止"));
        }
        int other = text.indexOf("其它");
        if (other >= 0) {
            findings.add(new Finding(Kind.WORDING, "其它", context(text, other, 2), "公文中统一用“其他”"));
        }
        Matcher half = HALF_WIDTH.matcher(text);
        Map<String, Integer> first = new LinkedHashMap<>();
        Map<String, Integer> count = new LinkedHashMap<>();
        while (half.find()) {
            first.putIfAbsent(half.group(), half.start());
            count.merge(half.group(), 1, Integer::sum);
        }
        first.forEach((mark, at) -> findings.add(new Finding(Kind.PUNCTUATION, mark, context(text, at, 1),
                "中文中用了半角“" + mark + "”（" + count.get(mark) + "处），应为全角“" + fullWidth(mark) + "”")));
        Matcher brackets = HALF_WIDTH_BRACKETS.matcher(text);
        if (brackets.find()) {
            findings.add(new Finding(Kind.PUNCTUATION, "()", context(text, brackets.start(), brackets.group().length()),
                    "中文中用了半角括号，应为全角“（）”"));
        }
    }

    private static String fullWidth(String mark) {
        return switch (mark) {
            case "," -> "，";
            case ";" -> "；";
            case ":" -> "：";
            case "!" -> "！";
            default -> "？";
        };
    }

    /** Digits as written, or a small Chinese numeral (两 = 二 = 2, up to 九十九) as digits. */
    static String value(String written) {
        if (Character.isDigit(written.charAt(0))) {
            return written.replaceFirst("\\.0+$", "");
        }
        String digits = "零一二三四五六七八九";
        String w = written.replace('两', '二');
        if (w.contains("百")) {
            return written;
        }
        int ten = w.indexOf('十');
        if (ten < 0) {
            return w.length() == 1 ? String.valueOf(digits.indexOf(w.charAt(0))) : written;
        }
        int tens = ten == 0 ? 1 : digits.indexOf(w.charAt(0));
        int units = ten == w.length() - 1 ? 0 : digits.indexOf(w.charAt(ten + 1));
        return tens < 0 || units < 0 ? written : String.valueOf(tens * 10 + units);
    }

    static String context(String text, int at, int length) {
        int from = Math.max(0, at - 12);
        int to = Math.min(text.length(), at + length + 12);
        return (from > 0 ? "…" : "") + text.substring(from, to).replace('\n', ' ') + (to < text.length() ? "…" : "");
    }

    private static List<Finding> dedupe(List<Finding> findings) {
        Map<String, Finding> once = new LinkedHashMap<>();
        findings.forEach(f -> once.putIfAbsent(f.key(), f));
        return List.copyOf(once.values());
    }
}
