package cn.yuqing.responsibility;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an event is mainly about (a matter category, 谁主管谁负责 decides by it) and the secondary
 * matters really at stake; confirmed by the analyst at verification, or suggested from the text's
 * cue words. {@code cues} are the words each category rests on, for the explanation.
 */
public record MainMatter(String main, List<String> others, boolean confirmed, Map<String, Set<String>> cues) {

    public MainMatter {
        others = others == null ? List.of() : List.copyOf(others.stream().filter(o -> !o.equals(main)).distinct().toList());
        cues = cues == null ? Map.of() : Map.copyOf(cues);
    }

    public static MainMatter none() {
        return new MainMatter(null, List.of(), false, Map.of());
    }

    /** As the analyst confirmed it at verification (4.2). */
    public static MainMatter confirmed(String main, List<String> others) {
        return new MainMatter(main, others, true, Map.of());
    }

    public boolean known() {
        return main != null;
    }

    /** "研判确认" or the cue words: why this is the main matter. */
    String basis(String category) {
        if (confirmed) {
            return "研判确认";
        }
        Set<String> words = cues.get(category);
        return words == null || words.isEmpty() ? "文本提示" : "文本提示：" + String.join("、", words);
    }
}
