package cn.yuqing.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.yuqing.shared.GovernmentDocument;

/**
 * A report as .docx (parts, chart image, tables, issuer) and its figures as .xlsx. Every cell is
 * written as text or a number, never as a formula: collected titles beginning with “=” stay text.
 */
public final class ReportFiles {

    private ReportFiles() {
    }

    public static byte[] docx(Report report) {
        try (GovernmentDocument doc = new GovernmentDocument()) {
            doc.title(report.title()).centred(report.subtitle());
            for (Report.Part part : report.parts()) {
                doc.heading(part.heading()).body(part.body());
            }
            if (report.chart() != null) {
                Report.Chart c = report.chart();
                doc.image(ChartImages.barsWithShare(c.title(), c.labels(), c.items(), c.share(), "信息量（条）", "负面占比"),
                        ChartImages.WIDTH, ChartImages.HEIGHT, c.title());
            }
            for (Report.Table table : report.tables()) {
                doc.heading(table.name());
                if (table.rows().isEmpty()) {
                    doc.body("无。");
                } else {
                    doc.table(table.header(), table.rows());
                }
            }
            return doc.signature(report.issuer(), report.date()).toBytes();
        }
    }

    public static byte[] xlsx(Report report) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            List<Report.Table> sheets = new ArrayList<>(report.tables());
            if (report.chart() != null) {
                Report.Chart c = report.chart();
                List<List<String>> rows = new ArrayList<>();
                for (int i = 0; i < c.labels().size(); i++) {
                    rows.add(List.of(c.labels().get(i), String.valueOf(c.items().get(i)), String.valueOf(c.share().get(i))));
                }
                sheets.add(0, new Report.Table("信息量", List.of("时间", "信息量（条）", "负面占比（%）"), rows));
            }
            for (Report.Table table : sheets) {
                Sheet sheet = book.createSheet(safeSheetName(table.name()));
                write(sheet.createRow(0), table.header());
                for (int i = 0; i < table.rows().size(); i++) {
                    write(sheet.createRow(i + 1), table.rows().get(i));
                }
                for (int col = 0; col < table.header().size(); col++) {
                    sheet.setColumnWidth(col, 20 * 256);
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Numbers as numbers, everything else as text (so a leading “=” is never a formula). */
    private static void write(Row row, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String value = cells.get(i);
            if (value != null && value.matches("-?\\d{1,12}(\\.\\d+)?")) {
                row.createCell(i).setCellValue(Double.parseDouble(value));
            } else {
                row.createCell(i).setCellValue(value == null ? "" : value);
            }
        }
    }

    private static String safeSheetName(String name) {
        String cleaned = name.replaceAll("[\\\\/?*\\[\\]:]", "").strip();
        return cleaned.isEmpty() ? "表" : cleaned.length() > 31 ? cleaned.substring(0, 31) : cleaned;
    }
}
