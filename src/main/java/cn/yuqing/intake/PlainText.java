package cn.yuqing.intake;

import org.springframework.web.util.HtmlUtils;

/** HTML from outside becomes text: scripts and tags dropped, entities decoded. It is never rendered as HTML. */
final class PlainText {

    private PlainText() {
    }

    static String fromHtml(String html) {
        if (html == null) {
            return "";
        }
        String v = html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("(?i)<br\\s*/?>|</p>", "\n")
                .replaceAll("<[^>]+>", "");
        return tidy(HtmlUtils.htmlUnescape(v));
    }

    /** Nothing a person could read: only format characters (zero-width, bidi controls, BOM) and spaces. */
    static boolean invisible(String text) {
        return text.codePoints().allMatch(c -> Character.getType(c) == Character.FORMAT || Character.isWhitespace(c)
                || Character.isSpaceChar(c));
    }

    static String tidy(String text) {
        return text.replaceAll("[ \\t\\x0B\\f]+", " ").replaceAll("\\n\\s*\\n+", "\n").strip();
    }
}
