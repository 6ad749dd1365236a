package dev.polyvirt.spec;

import static dev.polyvirt.spec.PortfolioLoaderTest.MODELS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.polyvirt.spec.yaml.Mark;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A workload's dataTransfer: section — its defaults, and bad values reported at their line and column. */
class DataTransferSpecTest {
  private final Problems problems = new Problems();

  private Optional<Portfolio> parse(String dataTransfer) {
    String text = """
        apiVersion: polyvirt/v1
        kind: Portfolio
        name: shop
        workloads:
          - name: api
            traffic: {poisson: {ratePerSecond: 1}}
            request: {duration: 120ms}
        %s""".formatted(dataTransfer);
    return PortfolioLoader.parse("shop.yaml", text, Path.of("."), MODELS, problems);
  }

  @Test
  void withoutTheSectionAWorkloadMovesNoData() {
    // The default keeps every existing spec's results: no bytes, so no data transfer cost.
    Workload w = parse("").orElseThrow().workloads().get(0);
    assertThat(problems.all()).isEmpty();
    assertThat(w.dataTransfer()).isEqualTo(DataTransfer.NONE);
    assertThat(w.dataTransfer().none()).isTrue();
  }

  @Test
  void sizesTakeKubernetesUnitsAndSharesDefaultToAllInternetNoCrossZone() {
    Workload w = parse("    dataTransfer: {responseSize: 20Ki, requestSize: 2Ki}\n").orElseThrow().workloads().get(0);
    assertThat(problems.all()).isEmpty();
    assertThat(w.dataTransfer()).isEqualTo(new DataTransfer(20 * 1024, 2 * 1024, 1.0, 0.0));
  }

  @Test
  void badValuesAreReportedAtTheirLineAndColumn() {
    // line 8 holds the section: a share above 1, a size without a valid suffix, an unknown key
    parse("    dataTransfer: {responseSize: 20KB, internetShare: 1.5, crossZone: 0.5}\n");
    assertThat(problems.all()).extracting(Problem::where, Problem::message).containsExactly(
        tuple(new Mark("shop.yaml", 8, 34), "'responseSize' has a bad value '20KB'"),
        tuple(new Mark("shop.yaml", 8, 55), "'internetShare' must be between 0.0 and 1.0, found 1.5"),
        tuple(new Mark("shop.yaml", 8, 60), "unknown key 'crossZone' in workload 'api' dataTransfer"));
  }
}
