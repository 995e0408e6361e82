package cn.yuqing.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import cn.yuqing.shared.DomainRuleViolation;

/**
 * An uploaded sheet as rows of text: the first row is the header. Excel (.xlsx, first sheet) or
 * CSV in UTF-8 or GBK/GB18030 (what office software in China writes by default), detected by
 * trying UTF-8 strictly first.
 */
public record Table(List<String> header, List<List<String>> rows, String format, String charset) {

    static final int MAX_ROWS = 100_000;
    private static final Charset GB18030 = Charset.forName("GB18030");

    static {
        // a zip bomb in an .xlsx is refused before it is inflated
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(200L * 1024 * 1024);
    }

    static Table read(byte[] bytes) {
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            return excel(bytes);
        }
        if (bytes.length >= 8 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF) {
            throw new DomainRuleViolation("不支持旧版 Excel（.xls）文件，请另存为 .xlsx 或 CSV 后重试");
        }
        return csv(bytes);
    }

    private static Table csv(byte[] bytes) {
        String charset = "UTF-8";
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            try {
                text = GB18030.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
                charset = "GB18030";
            } catch (CharacterCodingException neither) {
                throw new DomainRuleViolation("无法识别文件编码（既不是UTF-8也不是GBK），请另存为UTF-8编码的CSV后重试");
            }
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.indexOf('\u0000') >= 0) {
            throw new DomainRuleViolation("文件不是文本格式的CSV，也不是.xlsx");
        }
        try (Reader reader = new java.io.StringReader(text);
                CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get().parse(reader)) {
            List<List<String>> all = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (all.size() > MAX_ROWS) {
                    throw new DomainRuleViolation("文件超过" + MAX_ROWS + "行，请拆分后导入");
                }
                List<String> row = new ArrayList<>();
                record.forEach(row::add);
                all.add(row);
            }
            return fromRows(all, "CSV", charset);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new DomainRuleViolation("CSV文件格式不正确：引号未闭合或结构损坏");
        }
    }

    private static Table excel(byte[] bytes) {
        DataFormatter formatter = new DataFormatter();
        DateTimeFormatter dateTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new DomainRuleViolation("Excel文件中没有工作表");
            }
            Sheet sheet = workbook.getSheetAt(0);
            if (sheet.getLastRowNum() > MAX_ROWS) {
                throw new DomainRuleViolation("文件超过" + MAX_ROWS + "行，请拆分后导入");
            }
            List<List<String>> all = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : text(cell, formatter, dateTime));
                }
                if (cells.stream().anyMatch(s -> !s.isBlank())) {
                    all.add(cells);
                }
            }
            return fromRows(all, "XLSX", null);
        } catch (DomainRuleViolation e) {
            throw e;
        } catch (Exception | OutOfMemoryError e) {
            throw new DomainRuleViolation("Excel文件无法读取（文件损坏、加密或压缩比异常）");
        }
    }

    /** Dates as dates, formulas by their cached result: a formula from outside is never evaluated. */
    private static String text(Cell cell, DataFormatter formatter, DateTimeFormatter dateTime) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().format(dateTime)
                    : formatter.formatRawCellContents(cell.getNumericCellValue(), -1, "General");
            case STRING -> cell.getRichStringCellValue().getString();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            default -> "";
        };
    }

    private static Table fromRows(List<List<String>> all, String format, String charset) {
        if (all.isEmpty()) {
            throw new DomainRuleViolation("文件是空的");
        }
        List<String> header = all.get(0).stream().map(String::strip).toList();
        if (header.stream().allMatch(String::isBlank)) {
            throw new DomainRuleViolation("第一行应为列名");
        }
        return new Table(header, all.subList(1, all.size()), format, charset);
    }

    public String cell(List<String> row, Integer column) {
        return column == null || column >= row.size() ? null : row.get(column);
    }

}
