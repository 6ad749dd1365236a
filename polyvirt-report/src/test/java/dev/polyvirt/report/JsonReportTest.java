package dev.polyvirt.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.planner.WorkloadPlan;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON result against SPEC.md §3. */
class JsonReportTest {
  /** The fields SPEC.md §3 gives a simulated result, in the contract's order. */
  private static final List<String> RESULT_FIELDS = List.of("model", "feasible", "infeasibleReasons", "requests", "completed",
      "failed", "throttled", "timedOut", "coldStarts", "coldStartRate", "latencyMs", "avgInstances", "peakInstances",
      "utilization", "costUsd", "costUsdPerMonth", "energyKwh", "co2eKg");
  private static final List<String> FIGURES = RESULT_FIELDS.subList(3, RESULT_FIELDS.size());

  private static String json;
  private static JsonNode root;

  @BeforeAll
  static void render() {
    json = JsonReport.render(Plans.plan());
    root = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build().readTree(json);
  }

  private static List<JsonNode> results() {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode w : root.get("workloads")) for (JsonNode r : w.get("results")) out.add(r);
    return out;
  }

  private static List<JsonNode> feasible() {
    return results().stream().filter(r -> r.get("feasible").booleanValue()).toList();
  }

  @Test
  void topLevelCarriesTheContractFields() {
    // The document names the version, spec, seed and dated price book, then one entry per workload with its name and recommendation.
    assertThat(root.propertyNames()).containsSubsequence("polyvirt", "spec", "seed", "priceBook", "workloads");
    assertThat(root.get("polyvirt").stringValue()).isEqualTo("1.0.0");
    assertThat(root.get("spec").stringValue()).isEqualTo(Plans.NAME);
    assertThat(root.get("seed").longValue()).isEqualTo(5);
    assertThat(root.get("priceBook").stringValue()).isEqualTo("aws-us-east-1@2025-10-01");
    assertThat(root.get("workloads")).hasSize(2);
    JsonNode w = root.get("workloads").get(0);
    assertThat(w.get("name").stringValue()).isEqualTo("api");
    assertThat(w.get("recommendation").get("model").isString()).isTrue();
    assertThat(w.get("recommendation").get("rationale").isArray()).isTrue();
    assertThat(w.get("recommendation").get("rationale")).isNotEmpty();
    assertThat(root.get("workloads").get(1).get("name").stringValue()).isEqualTo("batch.job_2");
  }

  @Test
  void feasibleResultHasEveryContractFieldInOrder() {
    // A simulated result has every SPEC.md §3 field, in the contract's order, with latencyMs and costUsd broken down as specified.
    assertThat(feasible()).hasSizeGreaterThanOrEqualTo(3);
    for (JsonNode r : feasible()) {
      assertThat(r.propertyNames()).as(r.get("model").stringValue()).containsSubsequence(RESULT_FIELDS);
      assertThat(r.get("latencyMs").propertyNames()).containsExactly("mean", "p50", "p95", "p99", "max");
      assertThat(r.get("costUsd").propertyNames()).containsExactly("total", "compute", "requests", "idle", "other");
      assertThat(r.get("infeasibleReasons")).isEmpty();
      for (String k : List.of("requests", "completed", "failed", "throttled", "timedOut", "coldStarts", "peakInstances")) {
        assertThat(r.get(k).isIntegralNumber()).as(k).isTrue();
      }
    }
  }

  @Test
  void infeasibleResultHasItsReasonsAndNoFigures() {
    // An infeasible model appears with feasible false and its reasons, and none of the figures.
    List<JsonNode> infeasible = results().stream().filter(r -> !r.get("feasible").booleanValue()).toList();
    assertThat(infeasible).extracting(r -> r.get("model").stringValue()).containsExactly("vm", "unikernel");
    for (JsonNode r : infeasible) {
      assertThat(r.get("infeasibleReasons")).isNotEmpty();
      for (String k : FIGURES) assertThat(r.has(k)).as("%s has %s", r.get("model").stringValue(), k).isFalse();
    }
    assertThat(infeasible.get(0).get("infeasibleReasons").get(0).stringValue()).contains(Plans.BAD_TYPE);
    assertThat(infeasible.get(1).get("infeasibleReasons").get(0).stringValue()).isEqualTo("not modelled in this version");
  }

  @Test
  void costTotalIsTheSumOfItsParts() {
    // costUsd.total equals compute + requests + idle + other: exactly in the model, and to the 1e-6 USD the JSON prints.
    for (WorkloadPlan w : Plans.plan().workloads()) {
      for (ModelResult r : w.results()) {
        r.figures().ifPresent(f -> assertThat(f.costUsd().total()).as(r.model())
            .isEqualByComparingTo(f.costUsd().compute().add(f.costUsd().requests()).add(f.costUsd().idle()).add(f.costUsd().other())));
      }
    }
    for (JsonNode r : feasible()) {
      JsonNode c = r.get("costUsd");
      BigDecimal parts = c.get("compute").decimalValue().add(c.get("requests").decimalValue()).add(c.get("idle").decimalValue())
          .add(c.get("other").decimalValue());
      // each of the five amounts is rounded to 1e-6 on its own, so they may disagree by the rounding of the parts
      assertThat(c.get("total").decimalValue()).as(r.get("model").stringValue()).isCloseTo(parts, within(new BigDecimal("0.0000025")));
    }
  }

  @Test
  void coldStartRateIsColdStartsOverRequests() {
    // coldStartRate = coldStarts / requests (to the 6 decimals printed).
    for (JsonNode r : feasible()) {
      double expected = r.get("coldStarts").doubleValue() / r.get("requests").doubleValue();
      assertThat(r.get("coldStartRate").doubleValue()).as(r.get("model").stringValue()).isCloseTo(expected, within(5e-7));
    }
    JsonNode batchFaas = root.get("workloads").get(1).get("results").get(0);
    assertThat(batchFaas.get("model").stringValue()).isEqualTo("faas");
    assertThat(batchFaas.get("coldStartRate").doubleValue()).as("keep-alive none").isEqualTo(1.0);
  }

  @Test
  void perMonthScalesTheSpanTo730Hours() {
    // costUsdPerMonth is the horizon's cost scaled to 730 hours (the horizon here is 1 h).
    for (JsonNode r : feasible()) {
      assertThat(r.get("costUsdPerMonth").doubleValue()).isCloseTo(730 * r.get("costUsd").get("total").doubleValue(), within(1e-3));
    }
  }

  @Test
  void renderingIsStable() {
    // Rendering the same plan twice gives byte-identical JSON ending in a newline.
    assertThat(JsonReport.render(Plans.plan())).isEqualTo(json).endsWith("}\n");
  }

  @Test
  void breakEvenListsTheSearchsSteps() {
    // recommendation.breakEven.steps holds every simulated multiplier of the search, in order, with both bills.
    int searched = 0;
    for (int i = 0; i < Plans.plan().workloads().size(); i++) {
      var b = Plans.plan().workloads().get(i).assessment().breakEven();
      JsonNode rec = root.get("workloads").get(i).get("recommendation");
      if (b.isEmpty()) {
        assertThat(rec.has("breakEven")).isFalse();
        continue;
      }
      searched++;
      JsonNode steps = rec.get("breakEven").get("steps");
      assertThat(steps).hasSize(b.get().steps().size());
      for (int k = 0; k < steps.size(); k++) {
        var s = b.get().steps().get(k);
        JsonNode n = steps.get(k);
        assertThat(n.propertyNames()).containsExactly("trafficMultiplier", "ratePerSecond", "faasUsdPerMonth", "alwaysOn",
            "alwaysOnUsdPerMonth", "sustained");
        assertThat(n.get("ratePerSecond").doubleValue()).isCloseTo(s.ratePerSecond(), within(1e-6));
        assertThat(n.get("faasUsdPerMonth").doubleValue()).isCloseTo(s.faasUsdPerMonth(), within(1e-4));
        assertThat(n.get("alwaysOnUsdPerMonth").doubleValue()).isCloseTo(s.alwaysOnUsdPerMonth(), within(1e-4));
        assertThat(n.get("alwaysOn").stringValue()).isEqualTo(s.alwaysOn());
      }
    }
    assertThat(searched).isPositive();
  }
}
