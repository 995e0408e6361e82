package cn.yuqing.shared;

/**
 * What a person typed into a search box, bounded: a search engine turns each word into a clause,
 * and a pasted page of text (25,000 characters, found by HostileInputTests) overflowed Lucene's
 * 1,024 clauses into a server error. A search of a few words is what the box is for.
 */
public final class SearchText {

    public static final int MAX = 100;

    private SearchText() {
    }

    /** The text stripped, or null when blank; refused in Chinese when longer than {@value #MAX} characters. */
    public static String of(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > MAX) {
            throw new DomainRuleViolation("检索词最多" + MAX + "字，请缩短后再查");
        }
        return stripped;
    }
}
