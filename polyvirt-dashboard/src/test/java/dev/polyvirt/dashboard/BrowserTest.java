package dev.polyvirt.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser — Debian's headless Chromium driven by Selenium — as a user
 * goes through it: open it, run the bundled Poisson example, see the model table and the charts,
 * have a broken spec's problems shown, run an edited spec, and compare the two runs.
 *
 * <p>The browser and its driver are the system's ({@code .ci/run} installs them); both paths are
 * given explicitly so Selenium never looks for a driver on the network.
 */
class BrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  /** A run of the example simulates one day of Poisson traffic on three models: seconds, but the machine may be busy. */
  static final Duration RUN = Duration.ofMinutes(3);

  @TempDir static Path root;
  @TempDir static Path profile;
  static Dashboard dashboard;
  static WebDriver browser;

  @BeforeAll
  static void start() throws Exception {
    Files.createDirectories(root.resolve("examples"));
    Files.copy(Path.of("..", "examples", "traffic-poisson.yaml"), root.resolve("examples/traffic-poisson.yaml"));
    dashboard = Dashboard.start(new Workspace(root), "127.0.0.1", 0, 2);
    browser = chromium(profile);
  }

  /** Starts the system's headless Chromium through its chromedriver, with its profile in {@code profile}. */
  static WebDriver chromium(Path profile) {
    for (Path p : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(p)) {
        fail(p + " is missing: the browser tests need Debian's chromium and chromium-driver;"
            + " .ci/run installs them (apt-get install -y chromium chromium-driver)");
      }
    }
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1280,1000", "--user-data-dir=" + profile.toAbsolutePath());
    return new ChromeDriver(service, options);
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.quit();
    if (dashboard != null) dashboard.close();
  }

  String url(String path) {
    return "http://127.0.0.1:" + dashboard.port() + path;
  }

  WebDriverWait waiting(Duration d) {
    return new WebDriverWait(browser, d);
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES) // a guard against a hung browser, not a speed check
  void runTheExampleSeeTheTableAndChartsThenCompareTwoRuns() {
    browser.get(url("/"));
    assertThat(browser.findElement(By.cssSelector("p.empty")).getText()).contains("No runs yet");

    // 1. run the bundled example, picked from the workspace's specs
    String first = runFromPicker(spec -> spec);
    WebElement table = browser.findElement(By.cssSelector("table.models"));
    assertThat(table.findElements(By.cssSelector("tbody tr"))).hasSize(3);
    assertThat(table.findElement(By.cssSelector("tr.recommended")).getText()).isNotBlank();
    assertThat(browser.findElement(By.tagName("h2")).getText()).startsWith("thumbnailer → ");
    List<WebElement> bars = browser.findElements(By.cssSelector("svg#cost-chart-0 rect.bar"));
    assertThat(bars).hasSize(3);
    for (WebElement bar : bars) assertThat(bar.getRect().getWidth()).isPositive();

    // the run's own report renders its charts in the frame
    browser.switchTo().frame(browser.findElement(By.id("report")));
    waiting(Duration.ofSeconds(30)).until(d -> d.findElements(By.cssSelector("svg, canvas")).stream()
        .anyMatch(e -> e.getRect().getWidth() > 0 && e.getRect().getHeight() > 0));
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("thumbnailer");
    browser.switchTo().defaultContent();

    // 2. a broken spec: the loader's file:line:column problems appear in the page, nothing runs
    browser.get(url("/new"));
    setSpec("apiVersion: polyvirt/v1\nkind: Portfolio\nname: broken\nworkloads: 3\n");
    browser.findElement(By.id("run")).click();
    WebElement problems = waiting(Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(By.id("problems")));
    assertThat(problems.getText()).containsPattern("dashboard\\.yaml:\\d+:\\d+: error: ").contains("nothing was run");
    assertThat(browser.findElement(By.id("status")).getText()).contains("HTTP 400");

    // 3. edit the example (another seed) and run it again
    String second = runFromPicker(spec -> spec.replace("seed: 1", "seed: 2"));
    assertThat(second).isNotEqualTo(first);

    // 4. compare the two runs from the front page
    browser.get(url("/"));
    assertThat(browser.findElements(By.cssSelector("table#runs tbody tr"))).hasSize(2);
    new Select(browser.findElement(By.id("compare-a"))).selectByValue(first);
    new Select(browser.findElement(By.id("compare-b"))).selectByValue(second);
    browser.findElement(By.id("compare")).click();
    WebElement comparison = waiting(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("comparison")));
    List<WebElement> cells = comparison.findElements(By.cssSelector("tbody tr:first-child td"));
    assertThat(cells.get(0).getText()).isEqualTo("thumbnailer");
    assertThat(cells.get(1).getText()).isIn("vm", "container", "faas");
    assertThat(cells.get(3).getText()).startsWith("$");
    assertThat(cells.get(4).getText()).startsWith("$");
    assertThat(browser.findElements(By.cssSelector("table#comparison-models tbody tr"))).hasSize(3);
  }

  /** Picks the example on the New run page, edits its text, runs it and waits for the run's page; returns the run id. */
  String runFromPicker(java.util.function.UnaryOperator<String> edit) {
    browser.get(url("/new"));
    new Select(browser.findElement(By.id("picker"))).selectByValue("examples/traffic-poisson.yaml");
    waiting(Duration.ofSeconds(30)).until(d -> d.findElement(By.id("spec")).getDomProperty("value").contains("poisson-example"));
    setSpec(edit.apply(browser.findElement(By.id("spec")).getDomProperty("value")));
    // every text the status line shows is kept in sessionStorage, which outlives the move to the run's page
    ((JavascriptExecutor) browser).executeScript("""
        sessionStorage.setItem('shown', '');
        new MutationObserver(records => records.forEach(r => r.addedNodes.forEach(n =>
            sessionStorage.setItem('shown', sessionStorage.getItem('shown') + n.textContent + '\\n'))))
          .observe(document.getElementById('status'), {childList: true});""");
    browser.findElement(By.id("run")).click();
    waiting(RUN).until(ExpectedConditions.urlMatches("/runs/[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8}"));
    // the progress went by, one line per finished simulation (workload × model), before the page moved
    String shown = (String) ((JavascriptExecutor) browser).executeScript("return sessionStorage.getItem('shown');");
    assertThat(shown).contains("0 / 3", "3 / 3 simulations — last: thumbnailer on ", "done: run ");
    String path = browser.getCurrentUrl().substring(browser.getCurrentUrl().indexOf("/runs/") + "/runs/".length());
    waiting(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.models")));
    return path;
  }

  void setSpec(String text) {
    ((JavascriptExecutor) browser).executeScript("document.getElementById('spec').value = arguments[0];", text);
  }

}
