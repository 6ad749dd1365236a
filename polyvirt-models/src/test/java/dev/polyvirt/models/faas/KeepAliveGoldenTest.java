package dev.polyvirt.models.faas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.RunContext;
import dev.polyvirt.models.Runs;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Before/after: a single keep-alive policy gives, byte for byte, the result JSON it gave before
 * keep-alive lists existed (the golden strings below were rendered by the code before the change).
 */
class KeepAliveGoldenTest {
  private static final FaasModel FAAS = new FaasModel();

  /** The faas settings of each golden case, on the same workload. */
  static final List<String> CASES = List.of("{}", "{keepAlive: hybrid}", "{keepAlive: {fixed: 20m}, pings: {every: 10m}}", "{keepAlive: aws, memorySize: 512}");

  static RunContext context(String faas) {
    return FaasRuns.context("3h", 11, "{poisson: {ratePerSecond: 0.02}}", "{duration: {lognormal: {p50: 120ms, p99: 1s}}, cpu: 250m, memory: 256Mi}", faas);
  }

  @Test
  void singlePolicyGivesTheSameJsonAsBeforeLists() throws Exception {
    // A keepAlive that is one policy (or absent) renders the same JSON, byte for byte, as before keepAlive lists existed, and carries no tables.
    List<String> now = new ArrayList<>();
    for (String c : CASES) now.add(json(Runs.run(FAAS, context(c))));
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/keepalive-golden.txt"), String.join("\n", now) + "\n");
    assertThat(now).containsExactlyElementsOf(GOLDEN.lines().toList());
    assertThat(now).allSatisfy(j -> assertThat(j).contains("\"tables\":{}"));
  }

  /** Renders a value as JSON: records as objects of their components, in order; Optional as its value or null. */
  static String json(Object v) {
    if (v == null) return "null";
    if (v instanceof Optional<?> o) return json(o.orElse(null));
    if (v instanceof String s) return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    if (v instanceof BigDecimal d) return d.toPlainString();
    if (v instanceof Number || v instanceof Boolean) return v.toString();
    if (v instanceof List<?> l) return "[" + String.join(",", l.stream().map(KeepAliveGoldenTest::json).toList()) + "]";
    if (v instanceof Map<?, ?> m) {
      List<String> parts = new ArrayList<>();
      m.forEach((k, x) -> parts.add(json(String.valueOf(k)) + ":" + json(x)));
      return "{" + String.join(",", parts) + "}";
    }
    if (v.getClass().isRecord()) {
      List<String> parts = new ArrayList<>();
      for (RecordComponent rc : v.getClass().getRecordComponents()) {
        // the time series, latency CDF and host heat map came after these golden strings; SeriesTest and HostHeatTest guard them
        if (v instanceof dev.polyvirt.models.ModelResult && (rc.getName().equals("series") || rc.getName().equals("latencyCdf")
            || rc.getName().equals("hostHeatMap"))) continue;
        try {
          parts.add(json(rc.getName()) + ":" + json(rc.getAccessor().invoke(v)));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
      return "{" + String.join(",", parts) + "}";
    }
    return json(v.toString());
  }

  private static final String GOLDEN = """
      {"model":"faas","feasible":true,"infeasibleReasons":[],"figures":{"requests":207,"completed":207,"failed":0,"throttled":0,"timedOut":0,"coldStarts":1,"latencyMs":{"mean":199.5418818164251,"p50":126.335,"p95":609.279,"p99":1270.783,"max":1797.637657},"avgInstances":0.9998754773833333,"peakInstances":1,"utilization":0.003825029037439383,"costUsd":{"total":0.00034000019029814453125,"compute":0.00029860019029814453125,"requests":0.00004140,"idle":0.0000000000,"other":0},"costUsdPerMonth":0.08273337963921518,"energyKwh":1.3511233454937063E-5,"co2eKg":5.121689754529537E-6},"notes":["443 MB x86_64, keep-alive 10m, cold start lognormal(p50 215ms, p99 432ms)","idle instance memory 1.29 GB-h (instances alive and serving nothing × 443 MB)"],"metrics":{"idleMemoryGbHours":1.2927262488846494},"tables":{}}
      {"model":"faas","feasible":true,"infeasibleReasons":[],"figures":{"requests":207,"completed":207,"failed":0,"throttled":0,"timedOut":0,"coldStarts":3,"latencyMs":{"mean":201.20160920772946,"p50":127.615,"p95":609.279,"p99":1270.783,"max":1797.637657},"avgInstances":0.9871740930123148,"peakInstances":1,"utilization":0.003906468173930669,"costUsd":{"total":0.000342473323499609375,"compute":0.000301073323499609375,"requests":0.00004140,"idle":0.0000000000,"other":0},"costUsdPerMonth":0.08333517538490495,"energyKwh":1.3623139210980905E-5,"co2eKg":5.164109757567321E-6},"notes":["443 MB x86_64, keep-alive hybrid histogram (4h in 1m bins, pre-warm p5, keep-alive p99, margin 0.1, CV >= 2, >= 10 idle times), cold start lognormal(p50 215ms, p99 432ms)","hybrid keep-alive windows: 197 from the histogram, 10 standard (4h), 0 forecast; idle times 206 within 4h, 0 beyond","idle instance memory 1.28 GB-h (instances alive and serving nothing × 443 MB)"],"metrics":{"idleMemoryGbHours":1.2762004508035374},"tables":{}}
      {"model":"faas","feasible":true,"infeasibleReasons":[],"figures":{"requests":207,"completed":207,"failed":0,"throttled":0,"timedOut":0,"coldStarts":0,"latencyMs":{"mean":198.37638695652174,"p50":126.335,"p95":609.279,"p99":1209.343,"max":1797.637657},"avgInstances":1.0,"peakInstances":1,"utilization":0.0038022140833333337,"costUsd":{"total":0.00034372997571396484375,"compute":0.00029872997571396484375,"requests":0.00004500,"idle":0.0000000000,"other":0},"costUsdPerMonth":0.08364096075706479,"energyKwh":1.3517106060210503E-5,"co2eKg":5.123915877137935E-6},"notes":["443 MB x86_64, keep-alive 20m, cold start lognormal(p50 215ms, p99 432ms)","idle instance memory 1.29 GB-h (instances alive and serving nothing × 443 MB)","keep-warm pings: 18 (1 every 10m, 1ms each), 1 cold, 0 throttled, $0.00000547 (in the bill, not in requests)"],"metrics":{"idleMemoryGbHours":1.2928856976713192,"pings":18.0,"pingCostUsd":5.474678228515625E-6},"tables":{}}
      {"model":"faas","feasible":true,"infeasibleReasons":[],"figures":{"requests":207,"completed":207,"failed":0,"throttled":0,"timedOut":0,"coldStarts":1,"latencyMs":{"mean":199.5418818164251,"p50":126.335,"p95":609.279,"p99":1270.783,"max":1797.637657},"avgInstances":0.9998754773833333,"peakInstances":1,"utilization":0.003825029037439383,"costUsd":{"total":0.00038650902355,"compute":0.00034510902355,"requests":0.00004140,"idle":0.0000000000,"other":0},"costUsdPerMonth":0.09405052906383334,"energyKwh":1.4328684361507934E-5,"co2eKg":5.431560052232451E-6},"notes":["512 MB x86_64, keep-alive 10m (aws), cold start lognormal(p50 215ms, p99 432ms)","idle instance memory 1.49 GB-h (instances alive and serving nothing × 512 MB)"],"metrics":{"idleMemoryGbHours":1.4940763869727776},"tables":{}}
      """;
}
