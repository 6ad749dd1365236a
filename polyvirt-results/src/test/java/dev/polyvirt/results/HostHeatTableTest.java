package dev.polyvirt.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.planner.BoundPortfolio;
import dev.polyvirt.planner.Plan;
import dev.polyvirt.planner.Planner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code host_heat} read back through SQL: the datacenter result's own cells, and per host the busy
 * time the hosts table reports (the same batch as the report's HostHeatMapReportTest: a 20-minute
 * task every hour on two VMs spread over three hosts, ending before the 6 h horizon).
 */
class HostHeatTableTest {
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
  private static Plan plan;

  @TempDir
  Path out;

  @BeforeAll
  static void simulate() throws Exception {
    plan = new Planner(1, s -> {}).plan(BoundPortfolio.parse("heat.yaml", SPEC, Path.of(".")), Set.of());
  }

  private ResultsDatabase db() throws Exception {
    ResultsDatabase db = new ResultsDatabase(out, Clock.fixed(ResultsDatabaseTest.START, ZoneOffset.UTC), RunTables.all());
    db.store(plan, new RunSource("heat.yaml", SPEC, "1.0.0"), Map.of());
    return db;
  }

  @Test
  void everyCellOfTheHeatMapIsARow() throws Exception {
    ResultsDatabase db = db();
    ModelResult.HostHeatMap map = plan.workloads().get(0).results().stream()
        .filter(r -> r.model().equals("datacenter")).findFirst().orElseThrow().hostHeatMap();
    QueryResult q = db.query("SELECT host_index, host, bucket, start_s, bucket_s, utilization, zone, host_model FROM host_heat"
        + " WHERE workload = 'nightly' AND model = 'datacenter' ORDER BY host_index, bucket");
    assertThat(q.rows()).hasSize(3 * 48);
    for (List<Object> row : q.rows()) {
      int h = (Integer) row.get(0);
      int k = (Integer) row.get(2);
      assertThat(row.get(1)).isEqualTo(map.hosts().get(h));
      // 6 h / 48 = 450 s exactly: the intervals tile the horizon
      assertThat((Double) row.get(3)).isEqualTo(450.0 * k);
      assertThat((Double) row.get(4)).isEqualTo(450.0);
      assertThat(row.get(5)).isEqualTo(map.utilisation().get(h).get(k));
      assertThat(row.subList(6, 8)).containsExactly("dc1/a", "small"); // the spec's only zone (datacenter/zone) and host model
    }
    // the container result has no heat map, so no rows
    assertThat(db.query("SELECT count(*) AS n FROM host_heat WHERE model <> 'datacenter'").rows().get(0).get(0)).isEqualTo(0L);
  }

  @Test
  void eachHostsBusyTimeIsTheHostsTablesUtilisationOverTheRun() throws Exception {
    // sum(utilization × bucket_s) is a host's busy seconds within the horizon; the hosts table
    // (model_tables) gives its utilisation over the run, which lasts to the horizon (the tasks end
    // before it): the 48 intervals of one host tile exactly that span.
    QueryResult q = db().query("""
        WITH heat AS (SELECT host_index, sum(utilization * bucket_s) AS busy_s FROM host_heat
                      WHERE workload = 'nightly' AND model = 'datacenter' GROUP BY host_index),
             hosts AS (SELECT row_index AS host_index, number AS utilisation FROM model_tables
                       WHERE workload = 'nightly' AND model = 'datacenter' AND table_name = 'hosts' AND column_name = 'utilisation'),
             run AS (SELECT sum(bucket_s) AS end_s FROM host_heat WHERE workload = 'nightly' AND model = 'datacenter' AND host_index = 0)
        SELECT heat.host_index, busy_s, utilisation * end_s AS expected_s
        FROM heat JOIN hosts USING (host_index), run ORDER BY heat.host_index""");
    assertThat(q.rows()).hasSize(3);
    int busy = 0;
    for (List<Object> row : q.rows()) {
      double expected = (Double) row.get(2);
      assertThat((Double) row.get(1)).as("host " + row.get(0)).isCloseTo(expected, within(1e-6));
      if (expected > 0) busy++;
    }
    assertThat(busy).isEqualTo(2); // worst-fit spreads the two VMs over two of the three hosts
  }
}
