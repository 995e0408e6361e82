package cn.yuqing.assessment;

import java.time.LocalDate;
import java.util.List;

import cn.yuqing.shared.GovernmentDocument;

/** A notice as a Word document: addressees, the four sections, the figures table, the issuing office. */
public final class NoticeDocument {

    public static final List<String> HEADER = List.of("名次", "单位", "事件数", "加权按时率", "超时完成", "超时未完成", "回应用时中位数",
            "未回应", "巡查（完成/应巡查）", "回应指数（均值）", "群众满意率");

    private NoticeDocument() {
    }

    static byte[] write(Notice notice, String summary, List<NoticeRow> rows, String issuer, LocalDate date) {
        try (GovernmentDocument doc = new GovernmentDocument()) {
            return doc.title(notice.title())
                    .line("")
                    .line("各乡镇人民政府、街道办事处，县政府各部门：")
                    .body("按照《舆情回应发布规范》（Q/HCGK YX4—2018）第4.6条，现将" + notice.period().label() + "政务舆情回应工作情况通报如下。")
                    .heading("一、总体情况").body(summary)
                    .heading("二、通报表扬").body(notice.praise())
                    .heading("三、通报批评").body(notice.criticism())
                    .heading("四、工作要求").body(notice.closing())
                    .heading("附：" + notice.period().label() + "各单位政务舆情回应考核情况表")
                    .table(HEADER, rows.stream().map(NoticeRow::cells).toList())
                    .signature(issuer, date)
                    .toBytes();
        }
    }
}
