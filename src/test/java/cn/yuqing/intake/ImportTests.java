package cn.yuqing.intake;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.support.As;
import cn.yuqing.support.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Excel/CSV imports of hotline exports: mapping, progress, row report, no duplicates on re-import. */
@WebTest
class ImportTests {

    static final String HOTLINE_CSV = """
            工单编号,受理时间,来电人,诉求标题,诉求内容
            HC202707001,2027-07-10 09:12,张先生,路灯不亮,"春申街道某路段路灯连续一周不亮，
            夜间出行不便"
            HC202707002,2027/7/10 10:30,李女士,噪音扰民,工地夜间施工噪音大
            HC202707003,不是时间,王先生,时间写错,这一行的时间无法识别
            HC202707004,2027-07-10 11:00,赵先生,缺正文,
            HC202707005,2027-07-10 15:45,=cmd|' /C calc'!A0,公式注入,内容以等号开头的来电人也照原样保存
            """;

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    IntakeFixtures fixtures;
    @Autowired
    Sources sources;
    @Autowired
    JdbcTemplate jdbc;

    private Long importSource(Channel channel) {
        return sources.createImport(channel.id(), DataScope.installation(), "12345导出" + channel.id()).id();
    }

    private Long upload(Long source, String name, byte[] bytes) throws Exception {
        String location = mvc.perform(multipart("/intake/imports").file(new MockMultipartFile("file", name, "text/csv", bytes))
                        .param("sourceId", source.toString()).with(As.person(accounts, "jiankong")).with(csrf()))
                .andExpect(redirectedUrlPattern("/intake/imports/*")).andReturn().getResponse().getRedirectedUrl();
        return Long.valueOf(location.substring(location.lastIndexOf('/') + 1));
    }

    private void runWithSuggestedMapping(Long job) throws Exception {
        mvc.perform(post("/intake/imports/" + job + "/start").with(As.person(accounts, "jiankong")).with(csrf())
                        .param("column_EXTERNAL_ID", "0").param("column_PUBLISHED_AT", "1").param("column_AUTHOR", "2")
                        .param("column_TITLE", "3").param("column_TEXT", "4"))
                .andExpect(redirectedUrlPattern("/intake/imports/*"));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select status from import_job where id = ?", String.class, job).matches("DONE|FAILED"));
    }

    private long items(Channel channel) {
        return jdbc.queryForObject("select count(*) from opinion_item where channel_id = ?", Long.class, channel.id());
    }

    @Test
    void aHotlineExportIsMappedImportedAndReportedRowByRow() throws Exception {
        Channel hotline = fixtures.countyChannel(ChannelType.HOTLINE, 1);
        Long source = importSource(hotline);
        Long job = upload(source, "12345工单.csv", HOTLINE_CSV.getBytes(StandardCharsets.UTF_8));
        mvc.perform(get("/intake/imports/" + job).with(As.person(accounts, "jiankong")))
                .andExpect(content().string(containsString("共 5 行数据")))
                .andExpect(content().string(containsString("路灯不亮")));
        assertThat(Imports.suggest(java.util.List.of("工单编号", "受理时间", "来电人", "诉求标题", "诉求内容")))
                .containsEntry(ImportJob.Field.EXTERNAL_ID, 0).containsEntry(ImportJob.Field.PUBLISHED_AT, 1)
                .containsEntry(ImportJob.Field.AUTHOR, 2).containsEntry(ImportJob.Field.TITLE, 3)
                .containsEntry(ImportJob.Field.TEXT, 4);

        runWithSuggestedMapping(job);
        var row = jdbc.queryForMap("select * from import_job where id = ?", job);
        assertThat(row.get("status")).isEqualTo("DONE");
        assertThat(row.get("created_count")).isEqualTo(3);
        assertThat(row.get("rejected_count")).isEqualTo(2);
        assertThat((String) row.get("report")).contains("第4行：无法识别的时间格式：不是时间").contains("第5行：正文不能为空");
        assertThat(items(hotline)).isEqualTo(3);
        assertThat(jdbc.queryForObject("select body from opinion_item where channel_id = ? and external_id = 'HC202707001'",
                String.class, hotline.id())).isEqualTo("春申街道某路段路灯连续一周不亮，\n夜间出行不便");
        mvc.perform(get("/intake/imports/" + job + "/progress").with(As.person(accounts, "jiankong")))
                .andExpect(content().string(containsString("新增 3，重复 0，有误 2")))
                .andExpect(content().string(containsString("导入完成")));

        Long again = upload(source, "12345工单.csv", HOTLINE_CSV.getBytes(StandardCharsets.UTF_8));
        runWithSuggestedMapping(again);
        assertThat(jdbc.queryForObject("select duplicate_count from import_job where id = ?", Integer.class, again)).isEqualTo(3);
        assertThat(items(hotline)).isEqualTo(3);
    }

    @Test
    void aGbkCsvWithoutAnIdColumnIsDecodedAndReimportsWithoutDuplicates() throws Exception {
        Channel hotline = fixtures.countyChannel(ChannelType.HOTLINE, 1);
        Long source = importSource(hotline);
        byte[] gbk = "来电时间,反映内容\n2027-07-11 08:00,隆古乡自来水浑浊\n2027-07-11 09:00,谈店乡道路积水\n"
                .getBytes(Charset.forName("GBK"));
        for (int round = 0; round < 2; round++) {
            Long job = upload(source, "gbk.csv", gbk);
            mvc.perform(post("/intake/imports/" + job + "/start").with(As.person(accounts, "jiankong")).with(csrf())
                    .param("column_PUBLISHED_AT", "0").param("column_TEXT", "1"));
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                    "select status from import_job where id = ?", String.class, job).equals("DONE"));
            assertThat(jdbc.queryForObject("select charset from import_job where id = ?", String.class, job)).isEqualTo("GB18030");
        }
        assertThat(jdbc.queryForList("select body from opinion_item where channel_id = ? order by body", String.class,
                hotline.id())).containsExactly("谈店乡道路积水", "隆古乡自来水浑浊");
    }

    @Test
    void anExcelWorkbookIsReadWithItsDatesAndFormulasAreNeverEvaluated() throws Exception {
        Channel hotline = fixtures.countyChannel(ChannelType.HOTLINE, 1);
        Long source = importSource(hotline);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var sheet = wb.createSheet("工单");
            var header = sheet.createRow(0);
            String[] names = {"工单编号", "受理时间", "来电人", "诉求标题", "诉求内容"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            var style = wb.createCellStyle();
            style.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            var r = sheet.createRow(1);
            r.createCell(0).setCellValue(20270712001L);
            var date = r.createCell(1);
            date.setCellValue(java.time.LocalDateTime.of(2027, 7, 12, 6, 10));
            date.setCellStyle(style);
            r.createCell(2).setCellValue("周先生");
            r.createCell(3).setCellValue("校车");
            r.createCell(4).setCellFormula("\"校车\"&\"超载\"");
            wb.write(out);
        }
        Long job = upload(source, "工单.xlsx", out.toByteArray());
        runWithSuggestedMapping(job);
        var item = jdbc.queryForMap("select external_id, published_at, body from opinion_item where channel_id = ?", hotline.id());
        assertThat(item.get("external_id")).isEqualTo("20270712001");
        assertThat(((java.time.OffsetDateTime) item.get("published_at")).toInstant())
                .isEqualTo(java.time.Instant.parse("2027-07-11T22:10:00Z"));
        // a formula from outside is read by its cached result, never computed here
        assertThat(item.get("body")).isNotEqualTo("校车超载");
    }

    @Test
    void filesThatAreNotSheetsAreRefusedAtUpload() throws Exception {
        Channel hotline = fixtures.countyChannel(ChannelType.HOTLINE, 1);
        Long source = importSource(hotline);
        mvc.perform(multipart("/intake/imports").file(new MockMultipartFile("file", "x.xls", "application/vnd.ms-excel",
                        new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1}))
                        .param("sourceId", source.toString()).with(As.person(accounts, "jiankong")).with(csrf()))
                .andExpect(status().is(422)).andExpect(content().string(containsString("不支持旧版 Excel")));
        mvc.perform(multipart("/intake/imports").file(new MockMultipartFile("file", "broken.xlsx", "application/zip",
                        new byte[] {'P', 'K', 3, 4, 1, 2, 3}))
                        .param("sourceId", source.toString()).with(As.person(accounts, "jiankong")).with(csrf()))
                .andExpect(status().is(422)).andExpect(content().string(containsString("Excel文件无法读取")));
        mvc.perform(multipart("/intake/imports").file(new MockMultipartFile("file", "empty.csv", "text/csv", new byte[0]))
                        .param("sourceId", source.toString()).with(As.person(accounts, "jiankong")).with(csrf()))
                .andExpect(status().is(422)).andExpect(content().string(containsString("请选择要导入的文件")));
        assertThat(jdbc.queryForObject("select count(*) from import_job where source_id = ?", Long.class, source)).isZero();
    }
}
