package io.qexec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report of the TVD scenario, rendered by headless Chromium as a person would open it: the DOM after
 * rendering has the expected sections, and the screenshot shows the histogram bars. Skipped (with a message)
 * when {@code /usr/bin/chromium} is not installed. The screenshot stays in {@code target/report-screenshot.png}.
 */
class ReportInBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path REPORT = Path.of("target", "report-scenario2.html").toAbsolutePath();
    private static final Path SCREENSHOT = Path.of("target", "report-screenshot.png").toAbsolutePath();

    @TempDir
    static Path profile;

    @BeforeAll
    static void renderReport() throws IOException {
        Files.createDirectories(REPORT.getParent());
        MainTest.Run r = MainTest.run("run", ExamplesTest.EXAMPLES.resolve("scenario2-tvd.yaml").toString(), "-q",
                "-o", Path.of("target", "scenario2.txt").toString(), "--report", REPORT.toString());
        assertThat(r.code()).as(r.err()).isZero();
    }

    private static String chromium(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void theRenderedPageHasEverySection() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "skipped: " + CHROMIUM + " is not installed (apt-get install chromium)");
        String dom = chromium("--dump-dom", REPORT.toUri().toString());
        assertThat(dom).contains("<h1>scenario2-tvd</h1>").contains("12 completed").contains("id=\"merged\"")
                .contains("tvd_check").contains("verdict");
        assertThat(count(dom, "<svg class=\"histogram\"")).isEqualTo(3);
        assertThat(count(dom, "<rect class=\"bar\"")).isGreaterThan(3 * 4 * 2);
        assertThat(count(dom, "<li><span class=\"swatch\"")).isEqualTo(3 * 4);
        assertThat(count(dom, "<span class=\"badge completed\">completed</span>")).isEqualTo(12);
        assertThat(dom).contains("outcome (classical bit 0 rightmost)").contains(">probability</text>");
    }

    @Test
    void theScreenshotShowsTheBarsInEachBackendsColour() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "skipped: " + CHROMIUM + " is not installed (apt-get install chromium)");
        Files.deleteIfExists(SCREENSHOT);
        chromium("--window-size=1200,2600", "--hide-scrollbars", "--screenshot=" + SCREENSHOT, REPORT.toUri().toString());
        BufferedImage image = ImageIO.read(SCREENSHOT.toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
        for (int colour : new int[] {0x4269d0, 0xefb118, 0xff725c, 0x6cc5b0}) {
            assertThat(pixels(image, colour)).as("pixels of colour %06x", colour).isGreaterThan(2000);
        }
    }

    private static int pixels(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y) & 0xffffff;
                if (Math.abs((p >> 16) - (rgb >> 16)) < 8 && Math.abs(((p >> 8) & 0xff) - ((rgb >> 8) & 0xff)) < 8
                        && Math.abs((p & 0xff) - (rgb & 0xff)) < 8) {
                    n++;
                }
            }
        }
        return n;
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
