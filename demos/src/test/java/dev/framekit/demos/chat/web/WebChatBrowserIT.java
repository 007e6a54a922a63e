package dev.framekit.demos.chat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
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
        new WebDriverWait(driver, Duration.ofSeconds(20)).withMessage(() -> "the roster never was " + names + "; it is: "
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
