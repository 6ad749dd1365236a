package dev.polyvirt.models.faas.keepalive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.models.Runs;
import dev.polyvirt.models.faas.FaasModel;
import dev.polyvirt.models.faas.FaasSettings;
import dev.polyvirt.spec.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Binding {@code models.faas.keepAlive}: every spelling, the provider presets, hybrid settings, and the problems of bad ones. */
class KeepAlivePoliciesTest {

  private static String spec(String keepAlive) {
    return Runs.spec("1h", """
        runtime: python
        traffic: {poisson: {ratePerSecond: 1}}
        request: {duration: 10ms, cpu: 100m, memory: 128Mi}
        candidates: [faas]
        models:
          faas:
            memorySize: 256
            keepAlive: %s
        """.formatted(keepAlive));
  }

  private static KeepAlivePolicy bound(String keepAlive) {
    FaasSettings s = Runs.settings(new FaasModel(), Runs.context(spec(keepAlive)));
    return s.keepAlive();
  }

  @ParameterizedTest(name = "keepAlive: {0} -> {1} min")
  @CsvSource({"aws, 10", "azure, 20", "huawei, 1"})
  void providerPresetsResolveToTheirPublishedKeepAlive(String preset, long minutes) {
    // A provider preset is a fixed keep-alive of the figure figures.md gives for that provider: AWS 10 min, Azure 20 min, Huawei 1 min.
    KeepAlivePolicy p = bound(preset);
    assertThat(p.name()).isEqualTo(preset);
    assertThat(p.constantKeepAliveNanos()).isEqualTo(minutes * SimTime.NANOS_PER_MINUTE);
    KeepAliveWindows w = p.newRun();
    w.invoked(0);
    w.ended(SimTime.NANOS_PER_SECOND);
    assertThat(w.preWarmNanos()).isZero();
    assertThat(w.keepAliveNanos()).isEqualTo(minutes * SimTime.NANOS_PER_MINUTE);
    assertThat(p.describe()).isEqualTo(minutes + "m (" + preset + ")");
  }

  @ParameterizedTest(name = "keepAlive: {0}")
  @CsvSource(delimiter = ';', value = {"{fixed: 10m}; 600000000000; 10m", "{fixed: 90s}; 90000000000; 90s",
      "{fixed: 0s}; 0; none", "none; 0; none", "forever; 9223372036854775807; forever", "{none: }; 0; none"})
  void fixedSpellingsKeepWorking(String keepAlive, long nanos, String described) {
    // The spellings SPEC.md documents ({fixed: d}, none, forever) bind to constant policies with that window and no pre-warm.
    KeepAlivePolicy p = bound(keepAlive);
    assertThat(p.constantKeepAliveNanos()).isEqualTo(nanos);
    assertThat(p.newRun().preWarmNanos()).isZero();
    assertThat(p.describe()).isEqualTo(described);
  }

  @Test
  void hybridTakesThePapersDefaultsAndEachSetting() {
    // Bare hybrid is the paper's settings; each key overrides one, and a hybrid policy is adaptive (no constant window).
    assertThat(bound("hybrid")).isEqualTo(HybridHistogramPolicy.DEFAULT);
    assertThat(bound("{hybrid: {}}")).isEqualTo(HybridHistogramPolicy.DEFAULT);
    assertThat(HybridHistogramPolicy.DEFAULT.bins()).isEqualTo(240);
    KeepAlivePolicy p = bound("{hybrid: {range: 2h, bin: 30s, headPercentile: 10, tailPercentile: 95, margin: 0.2, cvThreshold: 1.5, minSamples: 20}}");
    assertThat(p).isEqualTo(new HybridHistogramPolicy(2 * SimTime.NANOS_PER_HOUR, 30 * SimTime.NANOS_PER_SECOND, 10, 95, 0.2, 1.5, 20));
    assertThat(p.constantKeepAliveNanos()).isEqualTo(KeepAlivePolicy.ADAPTIVE);
    assertThat(p.newRun()).isInstanceOf(HybridHistogram.class).isNotSameAs(p.newRun());
  }

  @ParameterizedTest(name = "keepAlive: {0}")
  @CsvSource(delimiter = ';', value = {
      "azur; unknown keep-alive policy 'azur'; did you mean 'azure'?",
      "aws2; unknown keep-alive policy 'aws2'; did you mean 'aws'?",
      "hybird; unknown keep-alive policy 'hybird'; did you mean 'hybrid'?",
      "{fixd: 10m}; unknown keep-alive policy 'fixd'; did you mean 'fixed'?",
      "{forevr: }; unknown keep-alive policy 'forevr'; did you mean 'forever'?",
      "10m; unknown keep-alive policy '10m'; write keepAlive: {fixed: 10m}",
      "{aws: 5m}; keepAlive 'aws' takes no value; write keepAlive: aws",
      "fixed; keepAlive 'fixed' needs a duration; write keepAlive: {fixed: 10m}",
      "{fixed: soon}; keepAlive 'fixed' has a bad value 'soon'; ",
      "{fixed: 10m, aws: }; keepAlive must hold exactly one policy, found 2: fixed, aws; policies: fixed, none, forever, aws, azure, huawei, hybrid",
      "{hybrid: {tailPercentil: 95}}; unknown key 'tailPercentil' in keepAlive.hybrid; did you mean 'tailPercentile'?",
      "{hybrid: {range: 4h, bin: 7m}}; must be a whole number of 7m bins; e.g. range: 4h, bin: 1m",
      "{hybrid: {headPercentile: 50, tailPercentile: 40}}; headPercentile (50) exceeds tailPercentile (40); ",
      "{hybrid: {margin: 1.5}}; 'margin' must be between 0.0 and 0.99; "})
  void badPoliciesAreOneProblemAtTheirLineWithAHint(String keepAlive, String message, String hint) {
    // A bad keepAlive yields exactly one problem on the keepAlive line, naming what is wrong and, for a misspelt name, the closest policy.
    String yaml = spec(keepAlive);
    List<Problem> problems = Runs.bindProblems(new FaasModel(), yaml);
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.message()).contains(message);
      if (hint != null) assertThat(p.hint()).contains(hint);
      assertThat(p.where().line()).isEqualTo(Runs.lineOf(yaml, "keepAlive:"));
      assertThat(p.where().file()).isEqualTo("t.yaml");
    });
  }

  @Test
  void registryListsEveryPolicyOnce() {
    // Each policy is registered under one name, in the order the documentation lists them.
    assertThat(KeepAlivePolicies.names()).containsExactly("fixed", "none", "forever", "aws", "azure", "huawei", "hybrid");
  }
}
