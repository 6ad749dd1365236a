package dev.polyvirt.traffic;

import static dev.polyvirt.traffic.SpecText.bind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.spec.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrafficKindsTest {
  @Test
  void listsEveryKindInRegistrationOrder() {
    // The registry answers with every kind, synthetic ones first and trace replay last.
    assertThat(TrafficKinds.names()).containsExactly("poisson", "diurnal", "bursts", "schedule", "monthlyRequests", "trace");
    assertThat(TrafficKinds.syntheticNames()).doesNotContain("trace").hasSize(5);
  }

  @Test
  void bindsEachKindToItsTraffic() {
    // Each registered synthetic kind binds its documented example to the matching traffic value.
    assertThat(bind("{poisson: {ratePerSecond: 0.5}}").get().describe()).isEqualTo("Poisson 0.5/s");
    assertThat(bind("{diurnal: {peakPerSecond: 50, troughPerSecond: 1}}").get())
        .isEqualTo(new DiurnalTraffic(50, 1, 86_400_000_000_000L, 14 * 3_600_000_000_000L));
    assertThat(bind("{bursts: {baseRatePerSecond: 1, burstRatePerSecond: 500, every: 1h, length: 2m}}").get().describe())
        .isEqualTo("bursts 1/s, 500/s for 2m every 1h");
    assertThat(bind("{schedule: {cron: \"*/15 * * * *\"}}").get().describe()).isEqualTo("cron '*/15 * * * *' UTC");
    assertThat(bind("{monthlyRequests: 2000000}").get().describe())
        .isEqualTo("2000000 requests/month (Poisson 0.761/s)");
  }

  @Test
  void unknownKindListsTheValidNamesAndSuggestsTheClosest() {
    // A misspelt kind fails at the key's mark with a did-you-mean and the full list of kinds.
    Problem p = bind("{poison: {ratePerSecond: 1}}").onlyProblem();
    assertThat(p.message()).isEqualTo("unknown traffic kind 'poison'");
    assertThat(p.hint()).startsWith("did you mean 'poisson'?")
        .endsWith("valid kinds: poisson, diurnal, bursts, schedule, monthlyRequests, trace");
    assertThat(p.where().line()).isEqualTo(1);
    assertThat(p.where().column()).isEqualTo(11);
  }

  @Test
  void twoKindsAreRejected() {
    // Traffic holds exactly one kind; a second one is reported where it is written.
    Problem p = bind("{poisson: {ratePerSecond: 1}, diurnal: {peakPerSecond: 2, troughPerSecond: 1}}").onlyProblem();
    assertThat(p.message()).contains("exactly one kind").contains("poisson, diurnal");
    assertThat(p.where().column()).isEqualTo(40);
    assertThat(p.hint()).isNotBlank();
  }

  @Test
  void emptyOrScalarTrafficIsRejected() {
    // Traffic must be a mapping with a kind; an empty mapping or a bare name says which kinds exist.
    assertThat(bind("{}").onlyProblem().message()).isEqualTo("traffic names no kind");
    Problem scalar = bind("poisson").onlyProblem();
    assertThat(scalar.message()).contains("must be a mapping");
    assertThat(scalar.hint()).contains("poisson: {ratePerSecond: 0.5}");
  }

  @Test
  void traceNamingAMissingFileIsReportedAtItsPath() {
    // A trace whose file does not exist fails at the path's mark, saying where relative paths are resolved.
    Problem p = bind("{trace: {format: csv, path: x.csv}}").onlyProblem();
    assertThat(p.message()).isEqualTo("no such trace file: x.csv");
    assertThat(p.where().column()).isEqualTo(38);
    assertThat(p.hint()).contains("relative paths are resolved against the spec file's folder");
  }

  @Test
  void negativeRateIsReportedAtTheValue() {
    // Rates below zero are refused at the number's own mark, with a hint showing a valid rate.
    Problem p = bind("{poisson: {ratePerSecond: -1}}").onlyProblem();
    assertThat(p.message()).isEqualTo("'ratePerSecond' must be zero or more requests per second, found -1");
    assertThat(p.where().column()).isEqualTo(36);
    assertThat(p.hint()).contains("write 0");
  }

  @Test
  void zeroRateMeansSilence() {
    // A zero rate is valid and yields no arrivals at all.
    Traffic t = bind("{poisson: {ratePerSecond: 0}}").get();
    assertThat(t.arrivals(SpecText.rng(1), 3_600_000_000_000L).next()).isEqualTo(ArrivalProcess.NONE);
  }

  @Test
  void misspeltFieldGetsASuggestion() {
    // An unknown key inside a kind is reported with the closest known key.
    Problem p = bind("{poisson: {ratePerSecond: 1, ratePerSecnd: 2}}").onlyProblem();
    assertThat(p.message()).contains("unknown key 'ratePerSecnd'");
    assertThat(p.hint()).isEqualTo("did you mean 'ratePerSecond'?");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{poisson: {ratePerSecond: fast}}",
      "{poisson: {}}",
      "{poisson: 5}",
      "{poisson: {ratePerSecond: 1e12}}",
      "{diurnal: {peakPerSecond: 1, troughPerSecond: 5}}",
      "{diurnal: {peakPerSecond: 5, troughPerSecond: 1, period: 0s}}",
      "{diurnal: {peakPerSecond: 5, troughPerSecond: 1, period: 24}}",
      "{bursts: {baseRatePerSecond: 1, burstRatePerSecond: 5, every: 1m, length: 2m}}",
      "{bursts: {baseRatePerSecond: 1, burstRatePerSecond: -5, every: 1h, length: 2m}}",
      "{bursts: {baseRatePerSecond: 1, burstRatePerSecond: 5, length: 2m}}",
      "{schedule: {cron: \"61 * * * *\"}}",
      "{schedule: {cron: [1, 2]}}",
      "{schedule: {cron: \"* * * * *\", requestsPerFiring: 1.5}}",
      "{monthlyRequests: {n: 5}}",
      "{monthlyRequests: -3}",
      "{monthlyRequests: lots}"})
  void everyProblemHasAMarkAndAHint(String yaml) {
    // Whatever is wrong, the user is told where (line and column) and how to fix it.
    SpecText.Bound bound = bind(yaml);
    assertThat(bound.traffic()).isEmpty();
    assertThat(bound.problems()).isNotEmpty().allSatisfy(p -> {
      assertThat(p.where().line()).isPositive();
      assertThat(p.hint()).isNotBlank();
    });
  }

  @Test
  void troughAbovePeakSuggestsSwapping() {
    // A diurnal cycle whose trough exceeds its peak is reported at the trough.
    Problem p = bind("{diurnal: {peakPerSecond: 1, troughPerSecond: 5}}").onlyProblem();
    assertThat(p.message()).contains("troughPerSecond (5) is above peakPerSecond (1)");
    assertThat(p.hint()).contains("swap");
  }

  @Test
  void burstLongerThanItsPeriodIsRejected() {
    // A burst must end before the next one starts, or the base rate would never apply.
    Problem p = bind("{bursts: {baseRatePerSecond: 1, burstRatePerSecond: 5, every: 1m, length: 2m}}").onlyProblem();
    assertThat(p.message()).contains("shorter than 'every'");
  }

  @Test
  void monthlyRequestsTakesANumberNotAMapping() {
    // monthlyRequests is a scalar count; a mapping is refused with an example.
    Problem p = bind("{monthlyRequests: {requests: 5}}").onlyProblem();
    assertThat(p.message()).isEqualTo("monthlyRequests takes a single number, found a mapping");
    assertThat(p.hint()).isEqualTo("write e.g. monthlyRequests: 2000000");
  }
}
