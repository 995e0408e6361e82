package cn.yuqing.audit;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.yuqing.shared.Times;

/**
 * The chain's head written down outside the database (a line of the anchor file): whoever later
 * rewrites the chain with access to the database cannot make it lead to this hash at this number
 * again. One line per anchor, tab-separated, so that an operator can read it and a script split it:
 * {@code 2027-07-12T18:10:00Z	523	3f5a…	每日}.
 */
record Anchor(Instant at, long seq, String hash, String reason) {

    static final String DAILY = "每日";
    static final String BACKUP = "备份";

    /** The first lines of a new anchor file, for whoever opens it. */
    static final String FILE_HEADER = """
            # 操作日志链尾锚点：记下时间（UTC）、序号、哈希、原因，每行一条。
            # 请定期把本文件复制到数据库所在机器以外的地方；核对方法见 docs/audit-keeping.md。
            """;

    private static final Pattern LINE = Pattern.compile("(\\S+)\t(\\d+)\t([0-9a-f]{64})\t(.*)");

    String line() {
        return at + "\t" + seq + "\t" + hash + "\t" + reason;
    }

    public String atText() {
        return Times.format(at);
    }

    /** A line of the anchor file as an anchor; comments, blank and damaged lines are none. */
    static Optional<Anchor> parse(String line) {
        Matcher m = LINE.matcher(line.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Anchor(Instant.parse(m.group(1)), Long.parseLong(m.group(2)), m.group(3), m.group(4)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
