package cn.yuqing.shared;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * A Word document in the usual government layout (GB/T 9704 in spirit): the title in 小标宋 二号
 * centred, the body in 仿宋 三号 indented two characters, headings in 黑体, tables and charts, the
 * issuing office and date at the foot. Fonts are named, not embedded: the offices' machines have them.
 */
public final class GovernmentDocument implements AutoCloseable {

    public static final org.springframework.http.MediaType MEDIA_TYPE = org.springframework.http.MediaType
            .parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private static final String BODY = "仿宋_GB2312";
    private static final int BODY_SIZE = 16;
    private static final int INDENT = 640;

    private final XWPFDocument doc = new XWPFDocument();

    public GovernmentDocument title(String text) {
        paragraph(text, "方正小标宋简体", 22, true, ParagraphAlignment.CENTER);
        return this;
    }

    public GovernmentDocument centred(String text) {
        paragraph(text, BODY, BODY_SIZE, false, ParagraphAlignment.CENTER);
        return this;
    }

    public GovernmentDocument line(String text) {
        paragraph(text, BODY, BODY_SIZE, false, ParagraphAlignment.LEFT);
        return this;
    }

    public GovernmentDocument heading(String text) {
        paragraph(text, "黑体", BODY_SIZE, false, ParagraphAlignment.LEFT).setIndentationFirstLine(INDENT);
        return this;
    }

    /** Body paragraphs keep the author's line breaks, each indented two characters. */
    public GovernmentDocument body(String text) {
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                paragraph(line.strip(), BODY, BODY_SIZE, false, ParagraphAlignment.LEFT).setIndentationFirstLine(INDENT);
            }
        }
        return this;
    }

    public GovernmentDocument table(List<String> header, List<List<String>> rows) {
        XWPFTable table = doc.createTable(rows.size() + 1, header.size());
        table.setWidth("100%");
        fill(table.getRow(0), header, true);
        for (int i = 0; i < rows.size(); i++) {
            fill(table.getRow(i + 1), rows.get(i), false);
        }
        return this;
    }

    /** A PNG image, scaled to the text width (15.5 cm) keeping its proportions. */
    public GovernmentDocument image(byte[] png, int widthPx, int heightPx, String caption) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        try {
            int width = Units.toEMU(15.5 / 2.54 * 72);
            p.createRun().addPicture(new ByteArrayInputStream(png), Document.PICTURE_TYPE_PNG, caption + ".png", width,
                    (int) ((long) width * heightPx / widthPx));
        } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IllegalStateException(e);
        }
        paragraph(caption, BODY, 12, false, ParagraphAlignment.CENTER);
        return this;
    }

    public GovernmentDocument signature(String issuer, LocalDate date) {
        paragraph("", BODY, BODY_SIZE, false, ParagraphAlignment.RIGHT);
        paragraph(issuer, BODY, BODY_SIZE, false, ParagraphAlignment.RIGHT);
        paragraph(date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日", BODY, BODY_SIZE, false,
                ParagraphAlignment.RIGHT);
        return this;
    }

    public byte[] toBytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private XWPFParagraph paragraph(String text, String font, int size, boolean bold, ParagraphAlignment alignment) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(alignment);
        XWPFRun run = p.createRun();
        run.setFontFamily(font);
        run.setFontSize(size);
        run.setBold(bold);
        run.setText(text);
        return p;
    }

    private static void fill(XWPFTableRow row, List<String> cells, boolean bold) {
        for (int i = 0; i < cells.size(); i++) {
            XWPFParagraph p = row.getCell(i).getParagraphs().get(0);
            p.setAlignment(ParagraphAlignment.CENTER);
            XWPFRun run = p.createRun();
            run.setFontFamily(BODY);
            run.setFontSize(10.5);
            run.setBold(bold);
            run.setText(cells.get(i));
        }
    }
}
