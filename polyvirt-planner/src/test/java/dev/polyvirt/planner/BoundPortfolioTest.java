package dev.polyvirt.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.polyvirt.spec.Problem;
import dev.polyvirt.spec.SpecException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Binding a spec reports every problem of the file in one pass, each with its line. */
class BoundPortfolioTest {

  private static List<Problem> problems(String yaml) {
    SpecException e = catchThrowableOfType(SpecException.class, () -> BoundPortfolio.parse("bad.yaml", yaml, Path.of(".")));
    assertThat(e).as("the spec is rejected").isNotNull();
    return e.problems();
  }

  private static int lineOf(String yaml, String text) {
    List<String> lines = yaml.lines().toList();
    for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
    throw new AssertionError(text);
  }

  @Test
  void trafficAndModelSettingErrorsAreReportedTogether() {
    // A bad traffic kind and a bad model setting of the same spec are both reported, each at its own line.
    String yaml = """
        apiVersion: polyvirt/v1
        kind: Portfolio
        name: bad
        workloads:
          - name: w
            runtime: python
            traffic: {poisson: {ratePerSecnd: 1}}
            request: {duration: 100ms}
            models:
              faas: {memorySize: 64}
              vm: {count: 0}
        """;
    List<Problem> problems = problems(yaml);
    assertThat(problems).extracting(p -> p.where().line())
        .contains(lineOf(yaml, "ratePerSecnd"), lineOf(yaml, "memorySize: 64"), lineOf(yaml, "count: 0"));
    assertThat(problems).allSatisfy(p -> assertThat(p.where().file()).isEqualTo("bad.yaml"));
    assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("memorySize"));
    assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("ratePerSecnd"));
  }

  @Test
  void specTrafficAndModelSettingErrorsAreReportedTogether() {
    // Errors in the shared part of the spec do not hide the traffic and model-setting errors of the same file: all come at once.
    String yaml = """
        apiVersion: polyvirt/v1
        kind: Portfolio
        name: bad
        horizon: 2 days
        workloads:
          - name: w
            runtime: python
            traffic: {poisson: {ratePerSecnd: 1}}
            request: {duration: 100ms}
            requirements: {isolation: strong}
            models:
              faas: {memorySize: 64}
        """;
    List<Problem> problems = problems(yaml);
    assertThat(problems.stream().map(p -> p.where().line()).distinct().toList()).as("lines with problems").containsExactly(
        lineOf(yaml, "horizon: 2 days"), lineOf(yaml, "ratePerSecnd"), lineOf(yaml, "isolation: strong"), lineOf(yaml, "memorySize: 64"));
  }

  @Test
  void problemsOfEveryWorkloadAreReported() {
    // Problems in different workloads are all reported, in file order, with line numbers.
    String yaml = """
        apiVersion: polyvirt/v1
        kind: Portfolio
        name: bad
        workloads:
          - name: a
            runtime: python
            traffic: {bursts: {baseRatePerSecond: 1, burstRatePerSecond: 5, every: 1m, length: 2m}}
            request: {duration: 100ms}
          - name: b
            runtime: python
            traffic: {poisson: {ratePerSecond: 1}}
            request: {duration: 100ms}
            models:
              container: {replicas: 2, loadBalancer: random}
        """;
    List<Problem> problems = problems(yaml);
    assertThat(problems).extracting(p -> p.where().line()).containsExactly(lineOf(yaml, "length: 2m"), lineOf(yaml, "loadBalancer: random"));
    assertThat(problems.get(1).message()).contains("loadBalancer").contains("shared-queue");
  }

  @Test
  void aValidSpecBindsEveryCandidate() {
    // A valid spec binds its price book, traffic and one candidate per listed model.
    assertThatThrownBy(() -> BoundPortfolio.parse("bad.yaml", "apiVersion: polyvirt/v1\nkind: Portfolio\n", Path.of(".")))
        .isInstanceOf(SpecException.class);
    try {
      BoundPortfolio p = BoundPortfolio.parse("ok.yaml", """
          apiVersion: polyvirt/v1
          kind: Portfolio
          name: ok
          workloads:
            - name: w
              runtime: go
              traffic: {poisson: {ratePerSecond: 1}}
              request: {duration: 100ms}
              candidates: [faas, vm]
          """, Path.of("."));
      assertThat(p.priceBook().label()).isEqualTo("aws-us-east-1@2025-10-01");
      assertThat(p.workloads()).singleElement().satisfies(w -> {
        assertThat(w.candidates()).extracting(c -> c.name()).containsExactly("faas", "vm");
        assertThat(w.traffic().describe()).isEqualTo("Poisson 1/s");
      });
    } catch (SpecException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  @org.junit.jupiter.api.Test
  void aTraceExpandedTwiceIsReportedNotSilentlyMerged() {
    // function: "*" names each workload after its function's hash, so replaying one trace in two workloads is a name clash, reported.
    String trace = "{trace: {format: azure-functions-2019, path: traces/azure-functions-2019/5_invocations.csv, function: \"*\"}}";
    String yaml = """
        apiVersion: polyvirt/v1
        kind: Portfolio
        name: clash
        workloads:
          - name: a
            traffic: %s
            candidates: [faas]
          - name: b
            traffic: %s
            candidates: [faas]
        """.formatted(trace, trace);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> BoundPortfolio.parse("clash.yaml", yaml, java.nio.file.Path.of("..", "examples")))
        .isInstanceOf(dev.polyvirt.spec.SpecException.class)
        .hasMessageContaining("clash.yaml:8:5: error: workload name '")
        .hasMessageContaining("is used twice");
  }

  @org.junit.jupiter.api.Test
  void everyFunctionOfATraceBecomesAWorkloadWithTheTracesSpanAndDurations() throws Exception {
    // function: "*" gives one workload per function, named by its hash, over the trace's day, with durations from the trace.
    String yaml = """
        apiVersion: polyvirt/v1
        kind: Portfolio
        name: day
        horizon: 1h
        workloads:
          - name: azure
            traffic: {trace: {format: azure-functions-2019, path: traces/azure-functions-2019/5_invocations.csv, function: "*"}}
            candidates: [faas]
        """;
    BoundPortfolio p = BoundPortfolio.parse("day.yaml", yaml, java.nio.file.Path.of("..", "examples"));
    org.assertj.core.api.Assertions.assertThat(p.workloads()).hasSize(5).allSatisfy(w -> {
      org.assertj.core.api.Assertions.assertThat(w.workload().name()).matches("[0-9a-f]{64}");
      org.assertj.core.api.Assertions.assertThat(w.horizonNanos()).isEqualTo(dev.polyvirt.engine.SimTime.NANOS_PER_DAY);
      org.assertj.core.api.Assertions.assertThat(w.workload().request().durationGiven()).isTrue();
    });
  }
}
