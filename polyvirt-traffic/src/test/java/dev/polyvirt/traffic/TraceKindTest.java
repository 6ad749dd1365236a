package dev.polyvirt.traffic;

import static dev.polyvirt.traffic.SpecText.bind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.spec.Problem;
import dev.polyvirt.traffic.trace.TraceTraffic;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** {@code traffic: {trace: {...}}} in a spec: keys, paths relative to the spec, and problems at their marks. */
class TraceKindTest {
  static Path resources() {
    try {
      return Path.of(TraceKindTest.class.getResource("/traces").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void pathIsRelativeToTheSpecFolder() {
    // A trace path is resolved against the spec file's folder, and the trace brings its day as its span.
    Traffic t = bind("{trace: {format: azure-functions-2019, path: traces/azure-functions-2019/1_invocations.csv, "
        + "function: 063ba6f3c1d4, day: 1, spread: uniform}}", resources()).get();
    assertThat(t.spanNanos()).isEqualTo(OptionalLong.of(86_400_000_000_000L));
    assertThat(t.duration()).isPresent();
    assertThat(t.carriesDurations()).isTrue();
    assertThat(t.memoryBytes()).hasValue(232L << 20);
    assertThat(t.describe()).isEqualTo("azure-functions-2019 1_invocations.csv: function 063ba6f3c1d4 (event), 20820188 requests in 1d"
        + " (uniform within each minute)");
  }

  @Test
  void bindWithoutAFolderResolvesAgainstTheCurrentDirectory() {
    // The old bind(Node, Problems) keeps working: absolute paths bind, relative ones are looked up in the current directory.
    Path file = resources().resolve("traces/azure-functions-2021/Azure2021_200.csv");
    assertThat(bind("{trace: {format: azure-functions-2021, path: \"" + file + "\"}}").get().spanNanos()).isPresent();
    assertThat(bind("{trace: {format: azure-functions-2021, path: nowhere.csv}}").onlyProblem().message())
        .isEqualTo("no such trace file: nowhere.csv");
  }

  @Test
  void unknownFormatSuggestsAndListsTheFormats() {
    // A misspelt format is reported at its value with a did-you-mean and the registered formats.
    Problem p = bind("{trace: {format: azure-functions-2020, path: x.csv}}").onlyProblem();
    assertThat(p.message()).isEqualTo("unknown trace format 'azure-functions-2020'");
    assertThat(p.hint()).isEqualTo("did you mean 'azure-functions-2021'? valid formats: azure-functions-2019, azure-functions-2021, csv, swf");
    assertThat(p.where().column()).isEqualTo(27);
  }

  @Test
  void keysOfOtherFormatsAreRefused() {
    // A key the chosen format does not read is reported at the key, listing the format's keys.
    Problem p = bind("{trace: {format: csv, path: x.csv, trigger: http}}", resources()).problems().get(0);
    assertThat(p.message()).isEqualTo("'trigger' does not apply to format csv");
    assertThat(p.hint()).isEqualTo("keys of csv: format, path, function, app");
    assertThat(p.where().column()).isEqualTo(45);
  }

  @Test
  void misspeltKeysAndValuesGetSuggestions() {
    // Typos in keys and in the spread are caught with the closest valid word; a day must be 1 or more.
    assertThat(bind("{trace: {format: csv, path: x.csv, fucntion: api}}").onlyProblem().hint()).isEqualTo("did you mean 'function'?");
    assertThat(bind("{trace: {format: azure-functions-2019, path: x.csv, spread: poison}}").onlyProblem().hint())
        .isEqualTo("did you mean 'poisson'?");
    assertThat(bind("{trace: {format: azure-functions-2019, path: x.csv, day: 0}}").onlyProblem().message())
        .isEqualTo("'day' must be between 1 and 99, found 0");
    assertThat(bind("{trace: {path: x.csv}}").onlyProblem().message()).isEqualTo("traffic.trace needs 'format'");
  }

  @Test
  void unknownFunctionIsReportedAtTheFunctionValue() {
    // A function id the trace does not hold points at the id in the spec, with ids of the file as a hint.
    Problem p = bind("{trace: {format: azure-functions-2021, path: traces/azure-functions-2021/Azure2021_200.csv, function: e3cdb4ff}}",
        resources()).onlyProblem();
    assertThat(p.where().file()).isEqualTo("spec.yaml");
    assertThat(p.where().column()).isEqualTo(112);
    assertThat(p.message()).startsWith("no function 'e3cdb4ff' in ");
    assertThat(p.hint()).startsWith("ids starting like 'e3cdb4': e3cdb48830f66eb8");
  }

  @Test
  void everyFunctionBindsOneTrafficToSplit() throws Exception {
    // function: "*" binds the trace's functions together and marks them for one workload each.
    TraceTraffic t = (TraceTraffic) bind("{trace: {format: azure-functions-2021, path: traces/azure-functions-2021/Azure2021_200.csv,"
        + " function: \"*\"}}", resources()).get();
    assertThat(t.perFunction()).isTrue();
    assertThat(t.split()).hasSize(31).allSatisfy(f -> assertThat(f.functions()).hasSize(1));
  }

  @Test
  void syntheticKindsSupplyNothingATraceWould() {
    // Synthetic traffic records no durations, memory or span: the workload's request settings and the spec's horizon apply.
    Traffic t = bind("{poisson: {ratePerSecond: 1}}").get();
    assertThat(t.duration()).isEmpty();
    assertThat(t.memoryBytes()).isEmpty();
    assertThat(t.spanNanos()).isEmpty();
    assertThat(t.carriesDurations()).isFalse();
    assertThat(t.arrivals(SpecText.rng(1), 1_000_000_000_000L).durationNanos()).isEqualTo(-1);
  }
}
