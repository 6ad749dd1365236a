package dev.polyvirt.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.polyvirt.engine.dist.Distribution;
import dev.polyvirt.engine.dist.Empirical;
import dev.polyvirt.engine.dist.Exponential;
import dev.polyvirt.engine.dist.Fixed;
import dev.polyvirt.engine.dist.LogNormal;
import dev.polyvirt.engine.dist.Uniform;
import dev.polyvirt.spec.yaml.Mark;
import dev.polyvirt.spec.yaml.Node;
import dev.polyvirt.spec.yaml.YamlTree;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DistributionSpecTest {
  private static final long MS = 1_000_000L;
  private final Problems problems = new Problems();

  /** Binds the YAML value written after "d: " on line 1. */
  private Optional<Distribution> bind(String value) {
    Node.MapNode root = (Node.MapNode) YamlTree.parse("s.yaml", "d: " + value + "\n", problems).orElseThrow();
    return DistributionSpec.bind(root.entries().get("d").value(), "request duration", problems);
  }

  private Distribution ok(String value) {
    Optional<Distribution> d = bind(value);
    assertThat(problems.all()).isEmpty();
    return d.orElseThrow();
  }

  private Problem onlyProblem(String value) {
    assertThat(bind(value)).isEmpty();
    assertThat(problems.all()).hasSize(1);
    return problems.all().get(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"120ms", "'120ms'", "{fixed: 120ms}", "{fixed: {fixed: 120ms}}"})
  void aBareOrFixedDurationIsFixed(String value) {
    // A duration written alone, quoted or under fixed: is a fixed distribution of that length.
    assertThat(ok(value)).isEqualTo(new Fixed(120 * MS));
  }

  @Test
  void exponentialTakesItsMean() {
    // {exponential: {mean: 2s}} is an exponential with mean 2 s.
    assertThat(ok("{exponential: {mean: 2s}}")).isEqualTo(new Exponential(2e9));
  }

  @Test
  void lognormalFromP50AndP99ReproducesThem() {
    // {lognormal: {p50, p99}} is the log-normal through those two quantiles.
    Distribution d = ok("{lognormal: {p50: 80ms, p99: 900ms}}");
    assertThat(d).isInstanceOf(LogNormal.class);
    assertThat(d.quantileNanos(0.5)).isCloseTo(80e6, withinPercentage(1e-10));
    assertThat(d.quantileNanos(0.99)).isCloseTo(900e6, withinPercentage(1e-10));
  }

  @Test
  void lognormalFromMeanAndSdReproducesThem() {
    // {lognormal: {mean, sd}} is the log-normal with that mean and standard deviation.
    LogNormal d = (LogNormal) ok("{lognormal: {mean: 1s, sd: 2s}}");
    double s2 = d.sigma() * d.sigma();
    assertThat(d.meanNanos()).isCloseTo(1e9, withinPercentage(1e-10));
    assertThat(Math.sqrt((Math.exp(s2) - 1) * Math.exp(2 * d.mu() + s2))).isCloseTo(2e9, withinPercentage(1e-10));
  }

  @Test
  void uniformTakesMinAndMax() {
    // {uniform: {min, max}} spreads evenly between them; min == max is allowed.
    assertThat(ok("{uniform: {min: 1s, max: 3s}}")).isEqualTo(new Uniform(1_000 * MS, 3_000 * MS));
    assertThat(ok("{uniform: {min: 1s, max: 1s}}")).isEqualTo(new Uniform(1_000 * MS, 1_000 * MS));
  }

  @Test
  void empiricalTakesPercentilesInAnyOrder() {
    // {empirical: {p0, ..., p100}} keeps every given percentile, fractional ones too, sorted by probability.
    Empirical d = (Empirical) ok("{empirical: {p100: 2s, p0: 5ms, p99.9: 1s, p50: 80ms}}");
    assertThat(d.probabilities()).containsExactly(new double[] {0, 0.5, 0.999, 1}, within(1e-12));
    assertThat(d.valuesNanos()).containsExactly(5 * MS, 80 * MS, 1_000 * MS, 2_000 * MS);
    assertThat(ok("{empirical: {p0: 5ms, p50: 80ms, p99: 700ms, p100: 2s}}")).isEqualTo(
        new Empirical(new double[] {0, 0.5, 0.99, 1}, new long[] {5 * MS, 80 * MS, 700 * MS, 2_000 * MS}));
  }

  @Test
  void p99AtOrBelowP50IsReportedAtP99() {
    // A log-normal needs p99 > p50; the problem points at the p99 key.
    Problem p = onlyProblem("{lognormal: {p50: 900ms, p99: 80ms}}");
    assertThat(p.where()).isEqualTo(new Mark("s.yaml", 1, 29));
    assertThat(p.message()).contains("'p99' must be above 'p50'");
    assertThat(p.hint()).isNotBlank();
  }

  @Test
  void equalP50AndP99AreRejected() {
    // p99 == p50 describes no spread and is refused like p99 < p50.
    assertThat(onlyProblem("{lognormal: {p50: 80ms, p99: 80ms}}").message()).contains("'p99' must be above 'p50'");
  }

  @Test
  void maxBelowMinIsReportedAtMax() {
    // A uniform needs min <= max; the problem points at the max key and says what to do.
    Problem p = onlyProblem("{uniform: {min: 3s, max: 1s}}");
    assertThat(p.where()).isEqualTo(new Mark("s.yaml", 1, 24));
    assertThat(p.message()).contains("'max' is below 'min'");
    assertThat(p.hint()).isNotBlank();
  }

  @Test
  void unknownKindSuggestsTheClosest() {
    // A misspelt kind is reported at its key, with the closest known kind.
    Problem p = onlyProblem("{expontial: {mean: 2s}}");
    assertThat(p.where()).isEqualTo(new Mark("s.yaml", 1, 5));
    assertThat(p.message()).contains("unknown distribution 'expontial'");
    assertThat(p.hint()).isEqualTo("did you mean 'exponential'?");
  }

  @Test
  void unknownKindFarFromAnyListsThemAll() {
    // With no close kind, the hint lists every kind.
    Problem p = onlyProblem("{gamma: {shape: 2}}");
    assertThat(p.hint()).contains("fixed", "exponential", "lognormal", "uniform", "empirical");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{empirical: {p50: 80ms, p100: 2s}}", "{empirical: {p0: 5ms, p50: 80ms}}", "{empirical: {p0: 5ms}}"})
  void empiricalWithoutP0OrP100IsReported(String value) {
    // The interpolated inverse CDF needs both ends.
    Problem p = onlyProblem(value);
    assertThat(p.message()).contains("p0 and p100");
    assertThat(p.hint()).isNotBlank();
  }

  @Test
  void empiricalWithDecreasingValuesIsAProblemNotAnException() {
    // Percentile values must not decrease; the loader reports it instead of throwing.
    Problem p = onlyProblem("{empirical: {p0: 5ms, p50: 3s, p100: 2s}}");
    assertThat(p.message()).contains("request duration").contains("decrease");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{lognormal: {p50: 80ms}}",
      "{lognormal: {mean: 1s}}",
      "{exponential: {}}",
      "{uniform: {min: 1s}}",
      "{exponential: {mean: 0s}}",
      "{lognormal: {mean: 0s, sd: 1s}}",
      "{exponential: {mean: 2}}",
      "{exponential: {mean: 2s, meen: 3s}}",
      "{exponential: {mean: 2s}, uniform: {min: 1s, max: 2s}}",
      "{}",
      "[1s, 2s]",
      "",
      "120",
  })
  void otherMistakesAreReportedNotThrown(String value) {
    // Every malformed distribution yields problems with a message, never an exception or silence.
    bind(value);
    assertThat(problems.all()).isNotEmpty().allSatisfy(p -> assertThat(p.message()).isNotBlank());
  }

  @Test
  void aBareNumberSaysWhichUnitsToUse() {
    // "120" has no unit: the hint offers 120ms, 120s and 120m.
    Problem p = onlyProblem("120");
    assertThat(p.where()).isEqualTo(new Mark("s.yaml", 1, 4));
    assertThat(p.message()).isEqualTo("request duration has a bad value '120'");
    assertThat(p.hint()).contains("120ms", "120s");
  }

  @ParameterizedTest
  @ValueSource(strings = {"99999999999d", "{fixed: 99999999999d}"})
  void aDurationTooLargeForALongIsAProblemNotACrash(String value) {
    // An absurdly long duration is a user mistake: it must become a problem, not an escaping exception.
    assertThatCode(() -> bind(value)).doesNotThrowAnyException();
    assertThat(problems.isEmpty()).isFalse();
  }
}
