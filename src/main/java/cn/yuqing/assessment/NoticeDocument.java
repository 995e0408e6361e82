package cn.yuqing.assessment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * A notice as a Word document in the usual government layout (GB/T 9704 in spirit): the title in
 * 小标宋 二号 centred, the body in 仿宋 三号 with 黑体 headings, the figures table, and the issuing
 * office with the date at the foot. Fonts are named, not embedded: the offices' machines have them.
 */
public final class NoticeDocument {

    public static final List<String> HEADER = List.of("名次", "单位", "事件数", "加权按时率", "超时项数", "回应用时中位数", "未回应", "巡查（完成/应巡查）");

    private NoticeDocument() {
    }

    static byte[] write(Notice notice, String summary, List<NoticeRow> rows, String issuer, LocalDate date) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            paragraph(doc, notice.title(), "方正小标宋简体", 22, true, ParagraphAlignment.CENTER);
            paragraph(doc, "", "仿宋_GB2312", 16, false, ParagraphAlignment.LEFT);
            paragraph(doc, "各乡镇人民政府、街道办事处，县政府各部门：", "仿宋_GB2312", 16, false, ParagraphAlignment.LEFT);
            body(doc, "按照《舆情回应发布规范》（Q/HCGK YX4—2018）第4.6条，现将" + notice.period().label() + "政务舆情回应工作情况通报如下。");
            heading(doc, "一、总体情况");
            body(doc, summary);
            heading(doc, "二、通报表扬");
            body(doc, notice.praise());
            heading(doc, "三、通报批评");
            body(doc, notice.criticism());
            heading(doc, "四、工作要求");
            body(doc, notice.closing());
            paragraph(doc, "附：" + notice.period().label() + "各单位政务舆情回应考核情况表", "黑体", 16, false, ParagraphAlignment.LEFT);
            table(doc, rows);
            paragraph(doc, "", "仿宋_GB2312", 16, false, ParagraphAlignment.RIGHT);
            paragraph(doc, issuer, "仿宋_GB2312", 16, false, ParagraphAlignment.RIGHT);
            paragraph(doc, date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日", "仿宋_GB2312", 16, false,
                    ParagraphAlignment.RIGHT);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void heading(XWPFDocument doc, String text) {
        paragraph(doc, text, "黑体", 16, false, ParagraphAlignment.LEFT).setIndentationFirstLine(640);
    }

    /** Body paragraphs keep the author's line breaks, each indented two characters. */
    private static void body(XWPFDocument doc, String text) {
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                paragraph(doc, line.strip(), "仿宋_GB2312", 16, false, ParagraphAlignment.LEFT).setIndentationFirstLine(640);
            }
        }
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, String text, String font, int size, boolean bold,
            ParagraphAlignment alignment) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(alignment);
        XWPFRun run = p.createRun();
        run.setFontFamily(font);
        run.setFontSize(size);
        run.setBold(bold);
        run.setText(text);
        return p;
    }

    private static void table(XWPFDocument doc, List<NoticeRow> rows) {
        XWPFTable table = doc.createTable(rows.size() + 1, HEADER.size());
        table.setWidth("100%");
        fill(table.getRow(0), HEADER, true);
        for (int i = 0; i < rows.size(); i++) {
            fill(table.getRow(i + 1), rows.get(i).cells(), false);
        }
    }

    private static void fill(XWPFTableRow row, List<String> cells, boolean bold) {
        for (int i = 0; i < cells.size(); i++) {
            XWPFParagraph p = row.getCell(i).getParagraphs().get(0);
            p.setAlignment(ParagraphAlignment.CENTER);
            XWPFRun run = p.createRun();
            run.setFontFamily("仿宋_GB2312");
            run.setFontSize(10.5);
            run.setBold(bold);
            run.setText(cells.get(i));
        }
    }
}
