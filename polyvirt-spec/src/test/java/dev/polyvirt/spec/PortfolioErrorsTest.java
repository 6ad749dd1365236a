package dev.polyvirt.spec;

import static dev.polyvirt.spec.PortfolioLoaderTest.MODELS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.tuple;

import dev.polyvirt.spec.yaml.Mark;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortfolioErrorsTest {
  /** A spec with one mistake per kind, line numbers on the right. */
  private static final String MANY_MISTAKES = """
      apiVersion: polyvirt/v2
      name: shop
      workloads:
        - name: api
          runtime: pyton
          traffic: {poisson: {ratePerSecond: 1}}
          requst: {duration: 120ms}
        - runtime: go
          traffic: {poisson: {ratePerSecond: 1}}
          request: {duration: 120ms}
        - name: web
          traffic: {poisson: {ratePerSecond: 1}}
          request: {duration: 120}
          requirements: {isolation: hardwre}
          candidates: [vm, containr]
          models: {fass: {memorySize: 512}}
        - name: dup
          traffic: {poisson: {ratePerSecond: 1}}
          request: {duration: 1s}
        - name: dup
          traffic: {poisson: {ratePerSecond: 1}}
          request: {duration: 2s}
      """;
  //  1 apiVersion        (wrong version)         2 name       3 workloads
  //  4 - name: api       5 runtime: pyton        7 requst:
  //  8 - runtime: go     (no name)
  // 11 - name: web      13 duration: 120        14 isolation: hardwre   15 containr   16 fass
  // 17 - name: dup      20 - name: dup          (duplicate)

  private final Problems problems = new Problems();

  private List<Problem> parse(String text) {
    PortfolioLoader.parse("shop.yaml", text, Path.of("."), MODELS, problems);
    return problems.all();
  }

  private static Mark at(int line, int column) {
    return new Mark("shop.yaml", line, column);
  }

  @Test
  void everyMistakeIsReportedInOnePassAtItsLineAndColumn() {
    // One pass reports each mistake of the file, in file order, at the line:column of the offending key or value.
    List<Problem> all = parse(MANY_MISTAKES);
    assertThat(all).extracting(Problem::where, Problem::message).containsExactly(
        tuple(at(1, 1), "the spec needs 'kind: Portfolio'"),
        tuple(at(1, 13), "apiVersion must be polyvirt/v1, found 'polyvirt/v2'"),
        tuple(at(4, 5), "workload 'api' needs a 'request' with its 'duration'"),
        tuple(at(5, 14), "'runtime' must be one of java, java-native, python, node, go, dotnet, ruby, container-image, wasm, found 'pyton'"),
        tuple(at(7, 5), "unknown key 'requst' in a workload"),
        tuple(at(8, 5), "a workload needs a 'name'"),
        tuple(at(13, 25), "request duration has a bad value '120'"),
        tuple(at(14, 31), "'isolation' must be one of shared-kernel, sandboxed, hardware, found 'hardwre'"),
        tuple(at(15, 22), "unknown compute model 'containr'"),
        tuple(at(16, 14), "unknown compute model 'fass' under models"),
        tuple(at(20, 5), "workload name 'dup' is used twice (first at line 17)"));
  }

  @Test
  void hintsSuggestTheClosestName() {
    // Misspellings come with "did you mean" and the nearest valid name; a bare number names units.
    List<Problem> all = parse(MANY_MISTAKES);
    assertThat(hintAt(all, 1, 13)).contains("polyvirt/v1");
    assertThat(hintAt(all, 5, 14)).isEqualTo("did you mean 'python'?");
    assertThat(hintAt(all, 7, 5)).isEqualTo("did you mean 'request'?");
    assertThat(hintAt(all, 8, 5)).contains("name:");
    assertThat(hintAt(all, 13, 25)).contains("120ms");
    assertThat(hintAt(all, 14, 31)).isEqualTo("did you mean 'hardware'?");
    assertThat(hintAt(all, 15, 22)).startsWith("did you mean 'container'?").contains("models: vm, container, faas");
    assertThat(hintAt(all, 16, 14)).startsWith("did you mean 'faas'?");
    assertThat(hintAt(all, 20, 5)).contains("unique");
  }

  private static String hintAt(List<Problem> all, int line, int column) {
    return all.stream().filter(p -> p.where().line() == line && p.where().column() == column)
        .findFirst().orElseThrow().hint();
  }

  @Test
  void everyProblemCarriesAHint() {
    // Problem/SpecException promise file, line, column and a hint for every problem, so each must have one.
    List<Problem> all = parse(MANY_MISTAKES.replace("isolation: hardwre", "isolation: maximum"));
    assertThat(all).isNotEmpty();
    assertThat(all).filteredOn(p -> p.hint() == null || p.hint().isBlank())
        .extracting(Problem::format).isEmpty();
  }

  @Test
  void missingTopLevelFieldsAreReportedTogether() {
    // Missing apiVersion and workloads and a misspelt top-level key are all reported, with hints.
    List<Problem> all = parse("""
        kind: Portfolio
        name: shop
        seeed: 3
        """);
    assertThat(all).extracting(Problem::where, Problem::message).containsExactlyInAnyOrder(
        tuple(at(1, 1), "the spec needs 'apiVersion: polyvirt/v1'"),
        tuple(at(1, 1), "the spec needs 'workloads'"),
        tuple(at(3, 1), "unknown key 'seeed' in the spec"));
    assertThat(hintAt(all, 3, 1)).isEqualTo("did you mean 'seed'?");
    assertThat(all).allSatisfy(p -> assertThat(p.hint()).isNotBlank());
  }

  @Test
  void problemsFormatAsFileLineColumn() {
    // The user sees "file:line:col: error: message" and the hint on the next line.
    Problem p = parse(MANY_MISTAKES).stream().filter(x -> x.where().line() == 7).findFirst().orElseThrow();
    assertThat(p.format()).isEqualTo("shop.yaml:7:5: error: unknown key 'requst' in a workload\n    hint: did you mean 'request'?");
  }

  @Test
  void throwIfAnyCarriesEveryProblemInFileOrder() {
    // The exception thrown at the end of the pass holds every problem, sorted by position.
    parse(MANY_MISTAKES);
    try {
      problems.throwIfAny();
      throw new AssertionError("expected a SpecException");
    } catch (SpecException e) {
      assertThat(e.problems()).hasSize(11).isSortedAccordingTo((a, b) -> a.where().line() != b.where().line()
          ? Integer.compare(a.where().line(), b.where().line()) : Integer.compare(a.where().column(), b.where().column()));
      assertThat(e.getMessage()).contains("shop.yaml:14:31: error:");
    }
  }

  @Test
  void workloadsMustBeANonEmptyList() {
    // An empty or scalar 'workloads' is one problem at its value.
    assertThat(parse("apiVersion: polyvirt/v1\nkind: Portfolio\nname: x\nworkloads: []\n"))
        .extracting(Problem::where, Problem::message)
        .containsExactly(tuple(at(4, 12), "'workloads' must be a non-empty list"));
  }

  @Test
  void anEmptyCandidateListIsReportedEvenWhenOtherProblemsExist() {
    // 'candidates: []' is a mistake of its own: it must be reported whether or not the file has other mistakes.
    List<Problem> all = parse("""
        apiVersion: polyvirt/v2
        kind: Portfolio
        name: x
        workloads:
          - name: api
            traffic: {poisson: {ratePerSecond: 1}}
            request: {duration: 1s}
            candidates: []
        """);
    assertThat(all).extracting(Problem::message).contains("'candidates' is empty");
  }

  @Test
  void anEmptyCandidateListAloneIsReported() {
    // With no other mistake, 'candidates: []' is reported at the list.
    List<Problem> all = parse("""
        apiVersion: polyvirt/v1
        kind: Portfolio
        name: x
        workloads:
          - name: api
            traffic: {poisson: {ratePerSecond: 1}}
            request: {duration: 1s}
            candidates: []
        """);
    assertThat(all).extracting(Problem::where, Problem::message).containsExactly(tuple(at(8, 17), "'candidates' is empty"));
  }

  @Test
  void aHugeRequestDurationIsAProblemNotACrash() {
    // A duration too large for the clock is reported like any other bad value, not thrown out of the loader.
    String text = """
        apiVersion: polyvirt/v1
        kind: Portfolio
        name: x
        workloads:
          - name: api
            traffic: {poisson: {ratePerSecond: 1}}
            request: {duration: 99999999999d}
        """;
    assertThatCode(() -> parse(text)).doesNotThrowAnyException();
    assertThat(problems.all()).extracting(Problem::where).contains(at(7, 25));
  }

  @Test
  void otherFieldMistakesAreCollectedToo() {
    // Bad seed, horizon, cpu, memory, gpu and workload-name characters are each reported at their value.
    List<Problem> all = parse("""
        apiVersion: polyvirt/v1
        kind: Portfolio
        name: x
        seed: forty-two
        horizon: 0s
        workloads:
          - name: my api
            traffic: {poisson: {ratePerSecond: 1}}
            request: {duration: 1s, cpu: 2cores, memory: 512MB}
            requirements: {gpu: 99, state: stateles}
        """);
    assertThat(all).extracting(Problem::where).containsExactly(
        at(4, 7), at(5, 1), at(7, 11), at(9, 34), at(9, 50), at(10, 25), at(10, 36));
    assertThat(hintAt(all, 9, 50)).contains("Mi");
    assertThat(hintAt(all, 10, 36)).isEqualTo("did you mean 'stateless'?");
  }
}
