package dev.polyvirt.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.planner.BoundPortfolio;
import dev.polyvirt.planner.Plan;
import dev.polyvirt.planner.Planner;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * report.html's per-host heat map of a datacenter run: its cells are the model's buckets, and each
 * host's buckets add up to the utilisation the hosts table reports. The batch (a 20-minute task
 * every hour from 00:00 on two VMs spread over three hosts) ends before the horizon, so no work
 * falls outside the buckets, and the run ends at the horizon.
 */
class HostHeatMapReportTest {
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
          candidates: [datacenter]
          models:
            datacenter: {vms: 2, vcpus: 2, memory: 2Gi, execution: space-shared}
      """;
  private static Plan plan;
  private static String html;
  private static JsonNode data;

  @BeforeAll
  static void render() throws Exception {
    plan = new Planner(1, s -> {}).plan(BoundPortfolio.parse("heat.yaml", SPEC, Path.of(".")), Set.of());
    html = HtmlReport.render(plan);
    data = Pages.data(html);
  }

  private static ModelResult datacenter() {
    return plan.workloads().get(0).results().stream().filter(r -> r.model().equals("datacenter")).findFirst().orElseThrow();
  }

  @Test
  void theChartCarriesTheModelsBuckets() {
    ModelResult r = datacenter();
    ModelResult.HostHeatMap map = r.hostHeatMap();
    assertThat(map.buckets()).isEqualTo(48);
    assertThat(map.hosts()).hasSize(3);
    assertThat(html).contains("id=\"w-nightly-heat-datacenter\"");
    JsonNode m = data.get("workloads").get(0).get("models").get(0);
    assertThat(m.get("model").stringValue()).isEqualTo("datacenter");
    JsonNode heat = m.get("hostHeatMap");
    assertThat(heat.get("buckets").intValue()).isEqualTo(48);
    assertThat(heat.get("bucketSeconds").doubleValue()).isCloseTo(6 * 3600 / 48.0, within(1e-9));
    for (int h = 0; h < map.hosts().size(); h++) {
      assertThat(heat.get("hosts").get(h).stringValue()).isEqualTo(map.hosts().get(h));
      for (int k = 0; k < 48; k++) {
        // the page keeps six decimals of a share (0.0001 %)
        assertThat(heat.get("utilisation").get(h).get(k).doubleValue()).isCloseTo(map.utilisation().get(h).get(k), within(5e-7));
      }
    }
  }

  @Test
  void eachHostsBucketsAddUpToItsUtilisationInTheHostsTable() {
    ModelResult r = datacenter();
    ModelResult.HostHeatMap map = r.hostHeatMap();
    ModelResult.Table hosts = r.tables().get("hosts");
    assertThat(r.metrics().get("makespanSeconds")).isLessThan(6 * 3600); // the work ends before the horizon: every busy second is in a bucket
    double end = 6 * 3600; // and the run (over which the table's utilisation is a mean) ends at the horizon
    double width = map.bucketNanos() / 1e9; // 450 s, equal buckets (6 h / 48 divides exactly)
    double busyHosts = 0;
    for (int h = 0; h < hosts.rows().size(); h++) {
      List<Double> row = map.utilisation().get(h);
      double mean = row.stream().mapToDouble(u -> u).sum() / row.size();
      // mean over the horizon × horizon = table utilisation (mean over the run) × run end
      assertThat(mean * 6 * 3600).as("host " + h).isCloseTo(hosts.number(h, "utilisation") * end, within(1e-9 * end));
      assertThat(row).allSatisfy(u -> assertThat(u).isBetween(0.0, 1.0));
      if (hosts.number(h, "utilisation") > 0) busyHosts++;
    }
    assertThat(busyHosts).isEqualTo(2); // worst-fit spreads the two VMs
    assertThat(width).isEqualTo(450.0);
  }
}
