package cn.yuqing.reporting;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * Charts for the Word reports, drawn with Java2D in a CJK font (headless). The font travels with the
 * application: Noto Sans SC Regular (SIL Open Font License 1.1, from the npm package
 * {@code @expo-google-fonts/noto-sans-sc} 0.4.3; licence in {@code fonts/OFL-NotoSansSC.txt}), so a
 * machine with nothing but a JDK draws Chinese. A system family is used only should the bundled one
 * be unreadable; without either the report says so instead of printing boxes.
 */
public final class ChartImages {

    public static final int WIDTH = 900;
    public static final int HEIGHT = 360;

    static final List<String> FAMILIES = List.of("WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Sans CJK SC", "Noto Sans SC",
            "Source Han Sans SC", "Source Han Sans CN", "SimHei", "Microsoft YaHei", "PingFang SC");

    static final String SAMPLE = "舆情日报周报专报信息量负面占比条月日时乡镇街道潢川县０１２３４５６７８９";

    private ChartImages() {
    }

    private static final Font BUNDLED = bundled();

    private static Font bundled() {
        try (var in = ChartImages.class.getResourceAsStream("/fonts/NotoSansSC-Regular.ttf")) {
            if (in == null) {
                return null;
            }
            Font font = Font.createFont(Font.TRUETYPE_FONT, in);
            GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font);
            return font.canDisplayUpTo(SAMPLE) == -1 ? font : null;
        } catch (IOException | java.awt.FontFormatException e) {
            return null;
        }
    }

    /** The bundled font, else the first installed family that can draw every character of the sample, at the size asked. */
    public static Font chineseFont(float size) {
        if (BUNDLED != null) {
            return BUNDLED.deriveFont(size);
        }
        List<String> installed = Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
        for (String family : FAMILIES) {
            if (installed.contains(family)) {
                Font font = new Font(family, Font.PLAIN, 12).deriveFont(size);
                if (font.canDisplayUpTo(SAMPLE) == -1) {
                    return font;
                }
            }
        }
        throw new cn.yuqing.shared.DomainRuleViolation("服务器缺少中文字体，报告中的图表无法显示汉字。请安装开源字体 fonts-wqy-microhei（Debian/Ubuntu：apt-get install fonts-wqy-microhei）后重试。");
    }

    /** Bars of counts per label with a line of a percentage (0–100) on the right axis. */
    public static byte[] barsWithShare(String title, List<String> labels, List<Integer> bars, List<Double> share, String barName,
            String shareName) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            Font font = chineseFont(13f);
            g.setFont(font.deriveFont(Font.BOLD, 16f));
            g.setColor(new Color(33, 37, 41));
            FontMetrics tm = g.getFontMetrics();
            g.drawString(title, (WIDTH - tm.stringWidth(title)) / 2, 26);
            g.setFont(font);
            int left = 56;
            int right = WIDTH - 56;
            int top = 60;
            int bottom = HEIGHT - 44;
            int max = Math.max(1, bars.stream().mapToInt(Integer::intValue).max().orElse(1));
            int step = niceStep(max);
            int ceiling = ((max + step - 1) / step) * step;
            g.setColor(new Color(222, 226, 230));
            for (int v = 0; v <= ceiling; v += step) {
                int y = bottom - (int) ((bottom - top) * (v / (double) ceiling));
                g.drawLine(left, y, right, y);
                g.setColor(new Color(108, 117, 125));
                g.drawString(String.valueOf(v), left - 8 - g.getFontMetrics().stringWidth(String.valueOf(v)), y + 5);
                g.setColor(new Color(222, 226, 230));
            }
            g.setColor(new Color(108, 117, 125));
            for (int pct = 0; pct <= 100; pct += 25) {
                int y = bottom - (int) ((bottom - top) * (pct / 100.0));
                g.drawString(pct + "%", right + 6, y + 5);
            }
            int n = Math.max(1, labels.size());
            double slot = (right - left) / (double) n;
            int every = Math.max(1, (int) Math.ceil(n / 12.0));
            int[] lineX = new int[n];
            int[] lineY = new int[n];
            for (int i = 0; i < labels.size(); i++) {
                int x = left + (int) (slot * i);
                int h = (int) ((bottom - top) * (bars.get(i) / (double) ceiling));
                g.setColor(new Color(84, 112, 198));
                g.fillRect(x + (int) (slot * 0.15), bottom - h, Math.max(1, (int) (slot * 0.7)), h);
                lineX[i] = x + (int) (slot / 2);
                lineY[i] = bottom - (int) ((bottom - top) * (Math.min(100, share.get(i)) / 100.0));
                if (i % every == 0) {
                    g.setColor(new Color(73, 80, 87));
                    String label = labels.get(i);
                    g.drawString(label, lineX[i] - g.getFontMetrics().stringWidth(label) / 2, bottom + 18);
                }
            }
            g.setColor(new Color(220, 53, 69));
            g.setStroke(new BasicStroke(2f));
            g.drawPolyline(lineX, lineY, labels.size());
            legend(g, barName, shareName, top);
        } finally {
            g.dispose();
        }
        return png(image);
    }

    private static void legend(Graphics2D g, String barName, String shareName, int top) {
        int x = WIDTH / 2 - 110;
        g.setColor(new Color(84, 112, 198));
        g.fillRect(x, top - 24, 14, 10);
        g.setColor(new Color(33, 37, 41));
        g.drawString(barName, x + 20, top - 14);
        x += 40 + g.getFontMetrics().stringWidth(barName);
        g.setColor(new Color(220, 53, 69));
        g.drawLine(x, top - 19, x + 16, top - 19);
        g.setColor(new Color(33, 37, 41));
        g.drawString(shareName, x + 22, top - 14);
    }

    static int niceStep(int max) {
        int rough = Math.max(1, max / 5);
        int magnitude = (int) Math.pow(10, (int) Math.log10(rough));
        for (int m : new int[] {1, 2, 5, 10}) {
            if (m * magnitude >= rough) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static byte[] png(BufferedImage image) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
