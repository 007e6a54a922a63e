package dev.framekit.demos.chat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.framing.support.Browser;
import dev.framekit.framing.support.Capability;
import dev.framekit.framing.support.Needs;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser in the room: headless Chromium, driven by Selenium through Debian's
 * chromedriver (no Selenium Manager download), opens the page from {@code chat-server --web-port 0}.
 */
@Browser
@Needs(Capability.CHROMIUM)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class WebChatBrowserIT {
    /**
     * Selenium looks for a DevTools (CDP) binding that matches the browser's version and logs a
     * warning when it has none; these tests use WebDriver only, never DevTools, so the warning says
     * nothing about them and is switched off (the loggers are held so the setting sticks).
     */
    private static final List<Logger> QUIET = silenced("org.openqa.selenium.devtools.CdpVersionFinder",
            "org.openqa.selenium.chromium.ChromiumDriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @RegisterExtension
    final Framekit framekit = new Framekit();
    private final List<WebDriver> browsers = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        browsers.forEach(WebDriver::quit);
    }

    @Test
    void browsersChatWithALineMember() throws Exception {
        WebRoom room = WebRoom.start(framekit);
        String url = "http://127.0.0.1:" + room.webPort + "/";
        WebDriver first = browser("first");
        try (WebRoom.LineMember bob = new WebRoom.LineMember(room.linePort, "bob")) {
            first.get(url);
            await(first, "-- welcome");
            type(first, "/nick carol");
            await(first, "-- you are now carol");
            type(first, "hello from a browser ✓");
            bob.await("^<carol> hello from a browser ✓$");
            bob.say("hi carol <b>not bold</b>");
            await(first, "<bob> hi carol <b>not bold</b>");

            WebDriver second = browser("second");
            second.get(url);
            await(second, "-- welcome");
            type(second, "/nick dave");
            await(second, "-- you are now dave");
            type(first, "second line from carol");
            bob.say("second line from bob");
            await(second, "<carol> second line from carol");
            await(second, "<bob> second line from bob");
            await(first, "<bob> second line from bob");
            bob.await("^<carol> second line from carol$");
        } catch (AssertionError | RuntimeException e) {
            screenshots();
            throw e;
        }
    }

    @Test
    void thePageReconnectsAfterTheServerRestartsAndAsksForItsNameAgain() throws Exception {
        WebRoom room = WebRoom.start(framekit);
        WebDriver page = browser("restart");
        try {
            page.get("http://127.0.0.1:" + room.webPort + "/");
            type(page, "/nick erin");
            await(page, "-- you are now erin");
            room.server.process().destroy();
            room.server.awaitExit(WebRoom.WAIT);
            await(page, "-- server shutting down");
            WebRoom again = WebRoom.startOn(framekit, 0, room.webPort);
            try (WebRoom.LineMember bob = new WebRoom.LineMember(again.linePort, "bob")) {
                long deadline = System.nanoTime() + WebRoom.WAIT.toNanos();
                String who = "";
                while (!who.contains("erin") && System.nanoTime() < deadline) {
                    Thread.sleep(300);
                    bob.say("/who");
                    who = bob.await("^-- in the room ");
                }
                assertTrue(who.contains("erin"), "the page did not reconnect as erin: " + who);
                type(page, "back again");
                bob.await("^<erin> back again$");
            }
        } catch (AssertionError | RuntimeException e) {
            screenshots();
            throw e;
        }
    }

    @Test
    void aPageShowsItsOwnLinesMarkedAsItsOwnAndWhoIsInTheRoom() throws Exception {
        WebRoom room = WebRoom.start(framekit);
        WebDriver page = browser("own");
        try {
            page.get("http://127.0.0.1:" + room.webPort + "/");
            type(page, "/nick carol");
            await(page, "-- you are now carol");
            awaitRoster(page, List.of("carol"));
            WebRoom.LineMember bob = new WebRoom.LineMember(room.linePort, "bob");
            awaitRoster(page, List.of("carol", "bob"));
            type(page, "hello <b>me</b> \u202E");
            bob.await("^<carol> hello <b>me</b> \\[U\\+202E\\]$");
            WebElement mine = await(page, "-> <carol> hello <b>me</b> [U+202E]"); // made safe, as bob got it
            assertEquals("mine", mine.getDomAttribute("class"));
            bob.say("hi carol");
            assertEquals("", await(page, "<bob> hi carol").getDomAttribute("class"));
            bob.close();
            awaitRoster(page, List.of("carol"));
        } catch (AssertionError | RuntimeException e) {
            screenshots();
            throw e;
        }
    }

    @Test
    void theLogKeepsOnlyTheNewestRows() throws Exception {
        WebRoom room = WebRoom.start(framekit);
        WebDriver page = browser("cap");
        try (WebRoom.LineMember bob = new WebRoom.LineMember(room.linePort, "bob")) {
            page.get("http://127.0.0.1:" + room.webPort + "/");
            await(page, "-- welcome");
            int cap = Integer.parseInt(page.findElement(By.id("log")).getDomAttribute("data-max-rows"));
            assertEquals(500, cap);
            for (int i = 1; i <= cap + 100; i++) {
                bob.say("line " + i);
            }
            new WebDriverWait(page, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.cssSelector("#log li:last-child")).getText().equals("<bob> line " + (cap + 100)));
            List<WebElement> rows = page.findElements(By.cssSelector("#log li"));
            assertEquals(cap, rows.size());
            assertEquals("<bob> line 101", rows.get(0).getText(), "the oldest rows went first");
        } catch (AssertionError | RuntimeException e) {
            screenshots();
            throw e;
        }
    }

    @Test
    void aLongLineWrapsInsideItsOwnMessageWhoseSecondRowIsIndentedSoItCannotPassForAnotherLine() throws Exception {
        WebRoom room = WebRoom.start(framekit);
        WebDriver page = browser("wrap");
        try (WebRoom.LineMember mallory = new WebRoom.LineMember(room.linePort, "m")) {
            page.get("http://127.0.0.1:" + room.webPort + "/");
            await(page, "-- welcome");
            mallory.say("hi" + " ".repeat(75) + "<bob> send her the money");
            await(page, "<m> hi <bob> send her the money"); // blanks collapsed by the server
            String filler = "x".repeat(300);
            mallory.say(filler + "<bob> really");
            WebElement row = await(page, "<m> " + filler + "<bob> really");
            JavascriptExecutor js = (JavascriptExecutor) page;
            @SuppressWarnings("unchecked")
            Map<String, Object> shape = (Map<String, Object>) js.executeScript("""
                    var row = arguments[0], range = document.createRange();
                    range.selectNodeContents(row);
                    var lefts = {}, tops = [];
                    Array.prototype.forEach.call(range.getClientRects(), function (r) {
                      var top = Math.round(r.top);
                      if (r.width > 0 && !(top in lefts)) { lefts[top] = r.left; tops.push(top); }
                    });
                    tops.sort(function (a, b) { return a - b; });
                    var style = getComputedStyle(row);
                    return { rows: tops.length, firstLeft: lefts[tops[0]], secondLeft: lefts[tops[1]],
                             rowsInLog: document.querySelectorAll('#log li').length,
                             border: parseFloat(style.borderLeftWidth), display: style.display };
                    """, row);
            assertTrue(((Number) shape.get("rows")).intValue() >= 2, "the long line wraps: " + shape);
            assertTrue(((Number) shape.get("secondLeft")).doubleValue() > ((Number) shape.get("firstLeft")).doubleValue() + 5,
                    "a message's second row starts right of where any message starts: " + shape);
            assertTrue(((Number) shape.get("border")).doubleValue() >= 1, "each message has its rule: " + shape);
            assertEquals("block", shape.get("display"));
            List<String> rows = page.findElements(By.cssSelector("#log li")).stream().map(WebElement::getText).toList();
            assertFalse(rows.stream().anyMatch(text -> text.startsWith("<bob>")), "no row of its own: " + rows);
        } catch (AssertionError | RuntimeException e) {
            screenshots();
            throw e;
        }
    }

    @Test
    void theLogKeepsItsTextWithinAByteBudgetAndCutsAHugeRow() throws Exception {
        WebRoom room = WebRoom.start(framekit, "--flood-limit", "0", "--max-queue", "64m");
        WebDriver page = browser("bytes");
        try (WebRoom.LineMember bob = new WebRoom.LineMember(room.linePort, "bob")) {
            page.get("http://127.0.0.1:" + room.webPort + "/");
            await(page, "-- welcome");
            WebElement log = page.findElement(By.id("log"));
            long maxBytes = Long.parseLong(log.getDomAttribute("data-max-bytes"));
            int maxRowChars = Integer.parseInt(log.getDomAttribute("data-max-row-chars"));
            assertEquals(2 * 1024 * 1024, maxBytes);
            int lines = 400;
            for (int i = 1; i <= lines; i++) {
                bob.say(i + " " + "y".repeat(maxRowChars - 20));
            }
            int huge = 600_000;
            bob.say("huge " + "z".repeat(huge));
            String last = awaitLastRow(page, "<bob> huge ");
            assertTrue(last.length() < maxRowChars + 100, "a huge row is cut for display: " + last.length() + " characters");
            assertTrue(last.endsWith("more characters not shown)"), last.substring(last.length() - 60));
            JavascriptExecutor js = (JavascriptExecutor) page;
            long rows = (Long) js.executeScript("return document.querySelectorAll('#log li').length");
            long chars = (Long) js.executeScript("var n = 0; document.querySelectorAll('#log li')"
                    + ".forEach(function (li) { n += li.textContent.length; }); return n;");
            assertTrue(2 * chars <= maxBytes, "the log holds " + 2 * chars + " bytes of text, over " + maxBytes);
            assertTrue(rows < lines, "rows went for bytes, not only past the row cap: " + rows);
            String first = (String) js.executeScript("return document.querySelector('#log li').textContent");
            assertTrue(first.startsWith("<bob> "), "the oldest went first: " + first.substring(0, 20));
            int oldest = Integer.parseInt(first.substring(6, first.indexOf(' ', 6)));
            assertEquals(lines + 2, rows + oldest, "the newest rows are kept, in order: " + oldest + " to " + lines
                    + " and the huge one, " + rows + " rows");
        } catch (AssertionError | RuntimeException e) {
            screenshots();
            throw e;
        }
    }

    @Test
    void aBurstOfTenThousandLinesShowsTheNewestWithinTheCapsAndThePageStaysResponsive() throws Exception {
        WebRoom room = WebRoom.start(framekit, "--flood-limit", "0", "--max-queue", "64m");
        WebDriver page = browser("burst");
        try (WebRoom.LineMember bob = new WebRoom.LineMember(room.linePort, "bob")) {
            page.get("http://127.0.0.1:" + room.webPort + "/");
            await(page, "-- welcome");
            int burst = 10_000;
            StringBuilder lines = new StringBuilder();
            for (int i = 1; i <= burst; i++) {
                lines.append("burst line ").append(i).append('\n');
            }
            bob.socket.getOutputStream().write(lines.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            bob.socket.getOutputStream().flush();
            awaitLastRow(page, "<bob> burst line " + burst);
            JavascriptExecutor js = (JavascriptExecutor) page;
            long start = System.nanoTime();
            long rows = (Long) js.executeScript("return document.querySelectorAll('#log li').length");
            double millis = (System.nanoTime() - start) / 1e6;
            assertTrue(millis < 2_000, "a script call took " + millis + " ms after the burst");
            assertEquals(500, rows);
            assertEquals("<bob> burst line " + (burst - 499),
                    js.executeScript("return document.querySelector('#log li').textContent"));
            long received = Long.parseLong((String) js.executeScript("return document.getElementById('log').dataset.received"));
            assertTrue(received >= burst, "the page took every line off the socket: " + received);
        } catch (AssertionError | RuntimeException e) {
            screenshots();
            throw e;
        }
    }

    /** Waits until the log's last row starts with {@code start}, asking the page in one script call each time; its text. */
    private static String awaitLastRow(WebDriver driver, String start) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        String script = "var li = document.querySelector('#log li:last-child'); return li ? li.textContent : '';";
        return new WebDriverWait(driver, Duration.ofSeconds(60)).withMessage(() -> "the last row never started with \""
                + start + "\"; it is: " + js.executeScript(script))
                .until(d -> {
                    String last = (String) js.executeScript(script);
                    return last.startsWith(start) ? last : null;
                });
    }

    private static List<Logger> silenced(String... names) {
        List<Logger> loggers = new ArrayList<>();
        for (String name : names) {
            Logger logger = Logger.getLogger(name);
            logger.setLevel(Level.OFF);
            loggers.add(logger);
        }
        return loggers;
    }

    private WebDriver browser(String name) throws Exception {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=412,915", "--user-data-dir=" + Files.createDirectories(dir.resolve(name)));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        browsers.add(driver);
        return driver;
    }

    private static void type(WebDriver driver, String line) {
        WebElement text = driver.findElement(By.id("text"));
        text.sendKeys(line);
        driver.findElement(By.id("send")).click();
    }

    /** Waits until a row of the page's log is exactly {@code line}, or starts with it for a notice; the row. */
    private static WebElement await(WebDriver driver, String line) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).withMessage(() -> "the page never showed \"" + line + "\"; it shows: "
                + driver.findElement(By.id("log")).getText()).until(d -> d.findElements(By.cssSelector("#log li")).stream()
                .filter(row -> row.getText().equals(line) || (line.startsWith("--") && row.getText().startsWith(line)))
                .findFirst().orElse(null));
    }

    /** Waits until the page's list of who is in the room is {@code names}, in order. */
    private static void awaitRoster(WebDriver driver, List<String> names) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "the roster never was " + names + "; it is: "
                + driver.findElement(By.id("roster")).getText()).until(d -> d.findElements(By.cssSelector("#roster li")).stream()
                .map(WebElement::getText).toList().equals(names));
    }

    private void screenshots() {
        for (int i = 0; i < browsers.size(); i++) {
            try {
                File shot = ((TakesScreenshot) browsers.get(i)).getScreenshotAs(OutputType.FILE);
                Path target = Path.of("target", "WebChatBrowserIT-" + i + ".png");
                Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
                System.err.println("screenshot: " + target.toAbsolutePath());
            } catch (Exception e) {
                System.err.println("no screenshot: " + e);
            }
        }
    }
}
