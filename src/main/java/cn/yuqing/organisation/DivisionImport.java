package cn.yuqing.organisation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import cn.yuqing.shared.DomainRuleViolation;

/**
 * Plans an import of official division codes: checks every row against the file and the stored
 * tree, so that the whole file is either taken or rejected with every error listed.
 */
public final class DivisionImport {

    public static final int MAX_ROWS = 200_000;

    public record Row(int line, String code, String name, RegionLevel level, String parent) {
    }

    public record Result(int rows, int created) {
    }

    /** The file was refused; nothing was stored. */
    public static final class Rejected extends DomainRuleViolation {
        private final List<String> errors;

        Rejected(List<String> errors) {
            super("区划文件有" + errors.size() + "处错误，未导入任何数据");
            this.errors = List.copyOf(errors);
        }

        public List<String> errors() {
            return errors;
        }
    }

    private final List<String> errors = new ArrayList<>();
    private final List<Row> newRows = new ArrayList<>();

    DivisionImport(List<Row> rows, Function<String, Optional<Region>> stored) {
        Map<String, Row> inFile = new HashMap<>();
        for (Row row : rows) {
            if (inFile.putIfAbsent(row.code(), row) != null) {
                errors.add("第" + row.line() + "行：区划代码重复 " + row.code());
            }
        }
        for (Row row : rows) {
            Optional<Region> existing = stored.apply(row.code());
            if (existing.isPresent()) {
                continue;
            }
            RegionLevel parentLevel = null;
            if (row.parent() != null) {
                Row parentRow = inFile.get(row.parent());
                if (parentRow != null) {
                    parentLevel = parentRow.level();
                } else {
                    parentLevel = stored.apply(row.parent()).map(Region::level).orElse(null);
                    if (parentLevel == null) {
                        errors.add("第" + row.line() + "行：上级区划 " + row.parent() + " 不存在");
                        continue;
                    }
                }
            }
            if (parentLevel == null && row.level() != RegionLevel.PROVINCE) {
                errors.add("第" + row.line() + "行：" + row.name() + " 缺少上级区划");
            } else if (parentLevel != null && parentLevel.below() != row.level()) {
                errors.add("第" + row.line() + "行：" + row.name() + " 的上级区划必须恰好高一级");
            } else {
                newRows.add(row);
            }
        }
        // parents before children, so that each insert finds its parent
        newRows.sort((a, b) -> Integer.compare(a.level().ordinal(), b.level().ordinal()));
    }

    List<String> errors() {
        return errors;
    }

    List<Row> newRows() {
        return newRows;
    }

    private static final Map<String, RegionLevel> LEVELS = new LinkedHashMap<>();

    static {
        for (RegionLevel level : RegionLevel.values()) {
            LEVELS.put(level.name().toLowerCase(Locale.ROOT), level);
        }
    }

    /**
     * Parses a UTF-8 CSV with the header {@code code,name,level,parent}. Bytes that are not UTF-8
     * (a GBK export, say) are refused with a message rather than stored as mojibake.
     */
    public static List<Row> parse(InputStream in) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<Row> rows = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder))) {
            String header = reader.readLine();
            if (header == null || !header.replace("\uFEFF", "").strip().equals("code,name,level,parent")) {
                throw new DomainRuleViolation("区划文件的第一行应为 code,name,level,parent");
            }
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                if (rows.size() >= MAX_ROWS) {
                    throw new DomainRuleViolation("区划文件超过" + MAX_ROWS + "行");
                }
                String[] f = line.split(",", -1);
                if (f.length != 4) {
                    errors.add("第" + number + "行：应有4列");
                    continue;
                }
                String code = f[0].strip();
                String name = unquote(f[1]);
                RegionLevel level = LEVELS.get(f[2].strip().toLowerCase(Locale.ROOT));
                String parent = f[3].strip().isEmpty() ? null : f[3].strip();
                if (!code.matches("\\d{2,12}")) {
                    errors.add("第" + number + "行：区划代码应为2至12位数字");
                } else if (name.isEmpty() || name.length() > 100) {
                    errors.add("第" + number + "行：名称不能为空，且不超过100字");
                } else if (level == null) {
                    errors.add("第" + number + "行：层级应为 province、city、county、township 或 village");
                } else {
                    rows.add(new Row(number, code, name, level, parent));
                }
            }
        } catch (CharacterCodingException e) {
            throw new DomainRuleViolation("区划文件不是UTF-8编码，请另存为UTF-8后重试");
        } catch (IOException e) {
            throw new DomainRuleViolation("无法读取区划文件");
        }
        if (!errors.isEmpty()) {
            throw new Rejected(errors);
        }
        return rows;
    }

    private static String unquote(String s) {
        String t = s.strip();
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            t = t.substring(1, t.length() - 1);
        }
        return t.strip();
    }
}
