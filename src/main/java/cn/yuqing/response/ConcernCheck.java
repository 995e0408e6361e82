package cn.yuqing.response;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Does the release answer what citizens asked? The event's concerns are the words its items
 * carry most (their keywords, counted by item); a release that mentions none of the main ones, or
 * that reads like a report of meetings (工作动态) while answering nothing, is flagged with what it
 * left out. Words, not meaning: a release may answer in other words, and the reviewer judges.
 */
public final class ConcernCheck {

    /** How many of the event's concerns are looked for; the first is the main one. */
    static final int CONCERNS = 5;

    /** Phrases of a report of meetings, not of an answer. */
    private static final Pattern WORK_NEWS = Pattern.compile("高度重视|召开|专题会|部署|强调|指出|要求各|调度|督导|研究|安排部署|会议");

    /** {@code concerns}: the event's, main first; {@code uncovered}: those the release does not mention. */
    public record Result(List<String> concerns, List<String> uncovered, boolean workNews) {

        public String main() {
            return concerns.isEmpty() ? null : concerns.get(0);
        }

        public boolean flagged() {
            return workNews || (main() != null && uncovered.contains(main()));
        }
    }

    private ConcernCheck() {
    }

    static Result check(List<String> concerns, String text) {
        List<String> looked = List.copyOf(concerns.subList(0, Math.min(CONCERNS, concerns.size())));
        List<String> uncovered = new ArrayList<>();
        String t = text == null ? "" : text;
        for (String c : looked) {
            if (!t.contains(c)) {
                uncovered.add(c);
            }
        }
        int workNews = 0;
        Matcher m = WORK_NEWS.matcher(t);
        while (m.find()) {
            workNews++;
        }
        return new Result(looked, List.copyOf(uncovered), workNews >= 3 && !looked.isEmpty() && uncovered.size() == looked.size());
    }
}
