package dev.polyvirt.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.planner.BoundPortfolio;
import dev.polyvirt.planner.Plan;
import dev.polyvirt.planner.Planner;
import dev.polyvirt.report.HtmlReport;
import dev.polyvirt.report.JsonReport;
import dev.polyvirt.results.RunId;
import dev.polyvirt.results.RunSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A datacenter run's page shows its per-host heat map, read back from the {@code host_heat} table,
 * in a real browser (the same headless Chromium as {@link BrowserTest}). The run is a 20-minute
 * batch task every hour on two VMs that worst-fit spreads over two of three hosts, over 6 h: two
 * hosts have busy cells, the third none.
 */
class HostHeatBrowserTest {
  private static final String SPEC = """
      apiVersion: polyvirt/v1
      kind: Portfolio
      name: heat
      seed: 3
      horizon: 6h
      priceBook: aws-us-east-1
      infrastructure:
        hostModels:
          - {name: small, cores: 4, mipsPerCore: 2000, memory: 16Gi, bandwidthMbps: 1000, powerWatts: [50, 150], costPerMonth: 50}
        datacenters:
          - name: dc1
            zones:
              - {name: a, hostModel: small, hosts: 3}
        placement: worst-fit
      workloads:
        - name: nightly
          kind: job
          runtime: java
          traffic:
            schedule: {cron: "0 * * * *"}
          request:
            duration: 20m
            cpu: "1"
            memory: 1Gi
          candidates: [datacenter, container]
          models:
            datacenter: {vms: 2, vcpus: 2, memory: 2Gi, execution: space-shared}
      """;

  @TempDir static Path root;
  @TempDir static Path profile;
  static Dashboard dashboard;
  static WebDriver browser;
  static RunId run;

  @BeforeAll
  static void start() throws Exception {
    Workspace workspace = new Workspace(root);
    Plan plan = new Planner(1, s -> {}).plan(BoundPortfolio.parse("heat.yaml", SPEC, root), Set.of());
    run = workspace.results().store(plan, new RunSource("heat.yaml", SPEC, "test"),
        Map.of("results.json", JsonReport.render(plan), "report.html", HtmlReport.render(plan)));
    dashboard = Dashboard.start(workspace, "127.0.0.1", 0, 1);
    browser = BrowserTest.chromium(profile);
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.quit();
    if (dashboard != null) dashboard.close();
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES) // a guard against a hung browser, not a speed check
  void theRunPageDrawsOneCellPerHostAndInterval() {
    browser.get("http://127.0.0.1:" + dashboard.port() + "/runs/" + run.value());
    assertThat(browser.findElement(By.tagName("h3")).getText()).isEqualTo("datacenter · host utilisation over time");
    WebElement chart = browser.findElement(By.cssSelector("svg#heat-0-datacenter"));
    assertThat(chart.getRect().getWidth()).isGreaterThan(48 * 12);
    List<WebElement> cells = chart.findElements(By.cssSelector("rect.cell"));
    assertThat(cells).hasSize(3 * 48);
    for (WebElement c : cells) assertThat(c.getRect().getWidth()).isPositive();
    // the labels name each host with its zone; the container result has no heat map
    assertThat(chart.getText()).contains("dc1/a · host 0", "dc1/a · host 1", "dc1/a · host 2", "hours");
    assertThat(browser.findElements(By.cssSelector("svg.heat"))).hasSize(1);
    // two hosts run the batch, one stays idle: per row, busy cells are coloured away from 0 %'s grey
    int busyHosts = 0;
    for (int h = 0; h < 3; h++) {
      List<WebElement> row = cells.subList(48 * h, 48 * (h + 1));
      long busy = 0;
      for (WebElement c : row) {
        double u = Double.parseDouble(c.getDomAttribute("data-u"));
        boolean grey = c.getDomAttribute("fill").equals(HostHeatChart.colour(0));
        // 1 % moves each colour channel by over 2 units, so any cell from 1 % up is visibly tinted
        if (u == 0 || u >= 0.01) assertThat(grey).as("host " + h + " at " + u).isEqualTo(u == 0);
        if (u > 0) busy++;
      }
      if (busy > 0) busyHosts++;
    }
    assertThat(busyHosts).isEqualTo(2);
    // a cell's title tells host, hardware model, interval and share, as report.html's tooltip does
    assertThat(cells.get(0).findElement(By.tagName("title")).getDomProperty("textContent")).matches("host 0 \\(small\\), 0–0.125 hours: \\d+(\\.\\d)? %");
  }
}
