package dev.threadlint.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The generated site in a real browser: headless Chromium driven by Selenium opens the index from
 * file://, searches and filters, follows a pitfall, and finds the bug and fix code and the
 * compiler's warning on the page. Screenshots go to target/screenshots for people to look at.
 * Skipped, with a message saying how to install them, only where Chromium or its driver is missing.
 */
class SiteInBrowserTest {
  private static final Dimension WIDE = new Dimension(1440, 900);
  private static final Dimension PHONE = new Dimension(390, 844);

  private static WebDriver driver;
  private static Path profile;
  private static Path site;
  private static Path screenshots;

  /** Why the browser could not start, or null. */
  private static String skipped;

  @BeforeAll
  static void startBrowser() throws IOException {
    Optional<Path> chromium = executable("chromium", "chromium-browser", "google-chrome");
    Optional<Path> chromedriver = executable("chromedriver");
    if (chromium.isEmpty() || chromedriver.isEmpty()) {
      skipped =
          "Skipped: the browser test needs Chromium and its driver ("
              + (chromium.isPresent() ? "" : "no chromium on PATH; ")
              + (chromedriver.isPresent() ? "" : "no chromedriver on PATH; ")
              + "on Debian: apt-get install chromium chromium-driver)";
      System.err.println("[SiteInBrowserTest] " + skipped);
      return;
    }
    site = Path.of(System.getProperty("threadlint.site", "target/site")).toAbsolutePath();
    screenshots = Path.of(System.getProperty("threadlint.screenshots", "target/screenshots")).toAbsolutePath();
    assertTrue(Files.isRegularFile(site.resolve("index.html")), "the site was not generated: " + site);
    Files.createDirectories(screenshots);
    profile = Files.createTempDirectory("threadlint-chromium");

    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.get().toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
        "--force-color-profile=srgb",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.get().toFile()).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  @AfterAll
  static void stopBrowser() throws IOException {
    if (driver != null) {
      driver.quit();
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  @BeforeEach
  void wideWindow() {
    assumeTrue(skipped == null, skipped);
    driver.manage().window().setSize(WIDE);
  }

  @Test
  void searchFilterAndFollowAPitfall() throws IOException {
    open("index.html");
    assertEquals("Threadlint pitfall catalogue", driver.getTitle());
    assertTrue(text("#result-count").matches("\\d+ checks? · \\d+ examples?"), text("#result-count"));
    assertEquals(3, visible(".family").size(), "the three families");
    assertTrue(visible(".family.coming").isEmpty(), "every family has checks, none shows as coming");
    screenshot("index.png", true);

    // An API name finds the example whose warning names it.
    WebElement search = driver.findElement(By.id("search"));
    search.sendKeys("getAllByName");
    assertEquals("1 check · 1 example match", text("#result-count"));
    List<WebElement> cards = visible(".check-card");
    assertEquals(1, cards.size());
    assertEquals("BlockingCallInEventLoop", cards.get(0).findElement(By.cssSelector(".check-link")).getText());
    List<WebElement> examples = visible(".example-item a");
    assertEquals(1, examples.size());
    assertTrue(examples.get(0).getAttribute("href").endsWith("pitfalls/BlockingCallInEventLoop.html#NettyAdminAllowList"));
    screenshot("index-search.png", true);

    search.clear();
    search.sendKeys("zzz no such pitfall");
    assertTrue(driver.findElement(By.id("no-results")).isDisplayed(), "an empty result says so");
    driver.findElement(By.id("clear-filters")).click();
    assertTrue(search.getAttribute("value").isEmpty());

    driver.findElement(By.cssSelector("[data-filter=framework] .chip[data-value=Swing]")).click();
    assertEquals(List.of("BlockingCallOnUiThread"), visibleCheckNames());
    assertEquals("1 check · 1 example match", text("#result-count"));
    driver.findElement(By.cssSelector("[data-filter=framework] .chip[data-value='']")).click();
    driver.findElement(By.cssSelector("[data-filter=family] .chip[data-value=eventloop]")).click();
    assertEquals(List.of("BlockingCallInEventLoop", "BlockingCallOnUiThread"), visibleCheckNames());
    driver.findElement(By.cssSelector("[data-filter=family] .chip[data-value='']")).click();

    search.sendKeys("getAllByName");
    visible(".example-item a").get(0).click();
    assertTrue(driver.getCurrentUrl().endsWith("pitfalls/BlockingCallInEventLoop.html#NettyAdminAllowList"), driver.getCurrentUrl());
    assertEquals("BlockingCallInEventLoop", text("h1"));
    WebElement example = driver.findElement(By.id("NettyAdminAllowList"));
    WebElement bug = example.findElement(By.cssSelector(".panel-bug .code"));
    WebElement fix = example.findElement(By.cssSelector(".panel-fix .code"));
    assertTrue(bug.isDisplayed() && fix.isDisplayed(), "the bug and the fix are shown");
    assertTrue(bug.getText().contains("allowList.allows(callerOf(ctx))"), bug.getText());
    assertTrue(fix.getText().contains("lookups.execute("), fix.getText());
    assertFalse(bug.getText().contains("BUG: Diagnostic contains"), "test markers are not shown");
    assertTrue(bug.findElements(By.cssSelector(".line.flagged")).size() >= 1, "the reported line is marked");
    assertTrue(fix.findElements(By.cssSelector(".line.flagged")).isEmpty(), "the fix has no warning");
    assertTrue(bug.findElements(By.cssSelector(".tok-k")).size() > 3, "the code is highlighted");
    WebElement bugTop = example.findElement(By.cssSelector(".panel-bug"));
    WebElement fixTop = example.findElement(By.cssSelector(".panel-fix"));
    assertEquals(bugTop.getRect().getY(), fixTop.getRect().getY(), "bug and fix side by side on a wide screen");
    WebElement warning = example.findElement(By.cssSelector(".warnings .terminal"));
    assertTrue(warning.isDisplayed());
    assertTrue(
        warning.getText().contains("NettyAdminAllowList.java:")
            && warning.getText().contains("warning: [BlockingCallInEventLoop]")
            && warning.getText().contains("InetAddress.getAllByName()"),
        warning.getText());
    elementScreenshot(example, "pitfall-example.png");
    screenshot("pitfall.png", true);
    bug.findElement(By.cssSelector(".flag")).click();
    assertTrue(driver.getCurrentUrl().endsWith("#NettyAdminAllowList-w1"), "the marked line links to its warning");

    driver.findElement(By.cssSelector(".topnav a[href='../index.html']")).click();
    assertTrue(driver.getCurrentUrl().endsWith("index.html"), "the top bar leads back to the index: " + driver.getCurrentUrl());
    driver.navigate().back();
    ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
    driver.findElement(By.cssSelector(".crumbs a")).click();
    assertTrue(driver.getCurrentUrl().endsWith("index.html"), "the breadcrumb leads back to the index: " + driver.getCurrentUrl());
  }

  @Test
  void everyCheckOnTheIndexHasAPageWithItsExamples() {
    open("index.html");
    List<String> pages = new ArrayList<>();
    for (WebElement link : driver.findElements(By.cssSelector(".check-link"))) {
      pages.add(link.getAttribute("href"));
    }
    assertFalse(pages.isEmpty());
    for (String page : pages) {
      driver.get(page);
      assertFalse(driver.findElements(By.cssSelector(".example .panel-bug .line.flagged")).isEmpty(), page);
      assertFalse(driver.findElements(By.cssSelector(".example .warnings .terminal")).isEmpty(), page);
      assertFalse(driver.findElements(By.id("related-rules-in-other-tools")).isEmpty(), page + " lists related rules");
    }
  }

  @Test
  void readableOnAPhone() throws IOException {
    driver.manage().window().setSize(PHONE);
    open("index.html");
    assertNoHorizontalScroll("index");
    screenshot("index-phone.png", true);

    open("pitfalls/BlockingCallOnUiThread.html");
    assertNoHorizontalScroll("pitfall page");
    WebElement example = driver.findElement(By.cssSelector(".example"));
    int bugBottom = example.findElement(By.cssSelector(".panel-bug")).getRect().getY()
        + example.findElement(By.cssSelector(".panel-bug")).getRect().getHeight();
    assertTrue(bugBottom <= example.findElement(By.cssSelector(".panel-fix")).getRect().getY(), "bug and fix stack on a phone");
    screenshot("pitfall-phone.png", false);
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", example);
    screenshot("pitfall-phone-example.png", false);
  }

  @Test
  void conceptsPageMapsPythonPitfalls() throws IOException {
    open("concepts.html");
    assertTrue(text("h1").startsWith("Concepts"));
    String body = driver.findElement(By.cssSelector("article")).getText();
    assertTrue(body.contains("time.sleep(1)") && body.contains("Thread.sleep(1000)"), "the asyncio mapping is there");
    driver.findElement(By.linkText("Catalogue")).click();
    assertTrue(driver.getCurrentUrl().endsWith("index.html"));
    open("concepts.html");
    screenshot("concepts.png", true);
  }

  private static void open(String page) {
    driver.get(site.resolve(page).toUri().toString());
  }

  private static String text(String css) {
    return driver.findElement(By.cssSelector(css)).getText().strip();
  }

  private static List<WebElement> visible(String css) {
    return driver.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).toList();
  }

  private static List<String> visibleCheckNames() {
    return visible(".check-card .check-link").stream().map(WebElement::getText).toList();
  }

  private static void assertNoHorizontalScroll(String what) {
    Object overflow =
        ((JavascriptExecutor) driver)
            .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertTrue(((Number) overflow).longValue() <= 0, what + " scrolls sideways by " + overflow + "px on a phone");
  }

  /** A screenshot of the viewport, or of the whole page (the window grown to its height). */
  private static void screenshot(String name, boolean fullPage) throws IOException {
    Dimension before = driver.manage().window().getSize();
    if (fullPage) {
      Number height = (Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight;");
      driver.manage().window().setSize(new Dimension(before.getWidth(), Math.min(height.intValue() + 120, 12000)));
    }
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), screenshots.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    if (fullPage) {
      driver.manage().window().setSize(before);
    }
  }

  /** A screenshot of one element, whole: the window is grown to the page's height first. */
  private static void elementScreenshot(WebElement element, String name) throws IOException {
    Dimension before = driver.manage().window().getSize();
    Number height = (Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight;");
    driver.manage().window().setSize(new Dimension(before.getWidth(), Math.min(height.intValue() + 120, 12000)));
    File shot = element.getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), screenshots.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    driver.manage().window().setSize(before);
  }

  private static Optional<Path> executable(String... names) {
    List<Path> dirs = new ArrayList<>();
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        dirs.add(Path.of(dir));
      }
    }
    dirs.add(Path.of("/usr/lib/chromium"));
    for (String name : names) {
      for (Path dir : dirs) {
        Path candidate = dir.resolve(name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }
}
