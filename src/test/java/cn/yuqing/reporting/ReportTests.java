package cn.yuqing.reporting;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.yuqing.opinion.EventFixtures;
import cn.yuqing.opinion.MatterKind;
import cn.yuqing.opinion.OpinionEvent;
import cn.yuqing.opinion.OpinionManagement;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.SignedInPerson;
import cn.yuqing.response.Release;
import cn.yuqing.response.ReleaseKind;
import cn.yuqing.response.Releases;
import cn.yuqing.support.As;
import cn.yuqing.support.MutableClock;
import cn.yuqing.support.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Reports as Word and Excel, read back with POI; their charts drawn in a CJK font that has every glyph. */
@WebTest
class ReportTests {

    @Autowired
    Reports reports;
    @Autowired
    OpinionManagement opinions;
    @Autowired
    Releases releases;
    @Autowired
    EventFixtures fixtures;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    Accounts accounts;
    @Autowired
    MutableClock clock;
    @Autowired
    MockMvc mvc;

    @Test
    void theChartFontHasAGlyphForEveryCharacterNeverABox() throws Exception {
        Font font = ChartImages.chineseFont(13f);
        // the font that comes with the application, not whatever the machine has (issue 21: a bare machine draws Chinese)
        assertThat(font.getFamily(java.util.Locale.ROOT)).isEqualTo("Noto Sans SC");
        String text = ChartImages.SAMPLE + "近天舆情信息量与负面占比（条）按小时走势专报关于的";
        var glyphs = font.createGlyphVector(new FontRenderContext(null, true, true), text);
        for (int i = 0; i < glyphs.getNumGlyphs(); i++) {
            assertThat(glyphs.getGlyphCode(i)).as("glyph of %s in %s", text.charAt(i), font.getFamily())
                    .isNotEqualTo(font.getMissingGlyphCode());
        }
        byte[] png = ChartImages.barsWithShare("近7天舆情信息量与负面占比", List.of("01-12", "01-13"), List.of(3, 5), List.of(33.3, 60.0),
                "信息量（条）", "负面占比");
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "screenshots", "report-chart.png"), png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(ChartImages.WIDTH);
        int dark = 0;
        for (int x = 250; x < 650; x++) {
            for (int y = 8; y < 32; y++) {
                dark += (image.getRGB(x, y) & 0xFF) < 128 ? 1 : 0;
            }
        }
        assertThat(dark).as("the title is drawn").isGreaterThan(100);
    }

    @Test
    void theDailyAndSpecialReportsCarryTheRecordAsWordAndExcel() throws Exception {
        SignedInPerson analyst = accounts.loadUserByUsername("yanpan");
        DataScope scope = directory.scopeOf(directory.person("yanpan").orElseThrow());
        Instant t0 = Instant.parse("2028-01-18T01:00:00Z");
        clock.set(t0);
        OpinionEvent e = fixtures.verifiedEvent("=1+1 城北低洼路段积水", "城北低洼路段积水严重，车辆熄火。", MatterKind.DIFFICULTY);
        e = opinions.judge(e.id(), e.version(), scope, analyst, true, Set.of("b"), "ORDINARY", false, "影响出行");
        clock.set(t0.plus(Duration.ofHours(2)));
        Release r = releases.firstDraft(e.id(), scope, analyst, ReleaseKind.PORTAL_NOTICE);
        SignedInPerson office = accounts.loadUserByUsername("zhengfuban");
        DataScope officeScope = directory.scopeOf(directory.person("zhengfuban").orElseThrow());
        r = releases.review(r.id(), r.version(), officeScope, office, "同意");
        r = releases.signOff(r.id(), r.version(), officeScope, office);
        releases.publish(r.id(), r.version(), officeScope, office);

        Report daily = reports.daily(LocalDate.parse("2028-01-18"), scope, analyst);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(ReportFiles.docx(daily)))) {
            List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(paragraphs.get(0)).isEqualTo("舆情日报");
            assertThat(paragraphs).anyMatch(p -> p.contains("新立舆情事件1件") && p.contains("发布回应1次"))
                    .contains("潢川县人民政府办公室", "近7天舆情信息量与负面占比");
            assertThat(doc.getAllPictures()).hasSize(1);
            assertThat(doc.getTables()).hasSize(2);
            assertThat(doc.getTables().get(0).getRow(1).getCell(0).getText()).isEqualTo("=1+1 城北低洼路段积水");
            assertThat(doc.getTables().get(1).getRow(1).getCell(2).getText()).isEqualTo("政府网站公告");
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(ReportFiles.xlsx(daily)))) {
            assertThat(book.getSheetName(0)).isEqualTo("信息量");
            assertThat(book.getSheet("信息量").getPhysicalNumberOfRows()).isEqualTo(8);
            var cell = book.getSheet("新立舆情事件").getRow(1).getCell(0);
            assertThat(cell.getCellType()).as("a collected title is never a formula").isEqualTo(CellType.STRING);
            assertThat(cell.getStringCellValue()).isEqualTo("=1+1 城北低洼路段积水");
        }

        Report special = reports.special(e.id(), scope, analyst);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(ReportFiles.docx(special)))) {
            List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(paragraphs.get(0)).isEqualTo("关于=1+1 城北低洼路段积水的专报");
            assertThat(paragraphs).contains("一、基本情况", "二、处置情况", "三、回应效果", "四、待办事项")
                    .anyMatch(p -> p.contains("回应") && p.contains("政府网站公告《"));
            assertThat(doc.getAllPictures()).hasSize(1);
            assertThat(doc.getTables().get(0).getRow(1).getCell(3).getText()).isEqualTo("按时完成");
        }

        mvc.perform(get("/reports/daily").param("day", "2028-01-18").param("format", "xlsx").with(As.person(accounts, "yanpan")))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", containsString("spreadsheetml")));
        mvc.perform(get("/reports/weekly").param("day", "2028-01-19").with(As.person(accounts, "yanpan")))
                .andExpect(status().isOk()).andExpect(header().string("Content-Disposition", containsString("2028-01-17")));
        mvc.perform(get("/reports/daily").param("day", "昨天").with(As.person(accounts, "yanpan")))
                .andExpect(status().isUnprocessableEntity()).andExpect(content().string(containsString("请选择日期")));
        mvc.perform(get("/reports/daily").param("day", "2028-01-18").param("format", "pdf").with(As.person(accounts, "yanpan")))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(get("/reports/events/{id}", e.id()).with(As.person(accounts, "xuezi.huiying")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/reports").with(As.person(accounts, "yanpan")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("=1+1 城北低洼路段积水")));
    }
}
