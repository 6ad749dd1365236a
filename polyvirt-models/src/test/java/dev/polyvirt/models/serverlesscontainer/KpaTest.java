package dev.polyvirt.models.serverlesscontainer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.RunContext;
import dev.polyvirt.models.Runs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Knative Pod Autoscaler: its decision rule tick by tick, then steady load, bursts and maxScale in whole runs. */
class KpaTest {
  private static final long S = SimTime.NANOS_PER_SECOND;

  /** One scaling decision a run reported. */
  record Decision(long at, int from, int to, boolean panic) {}

  // ---- the decision rule ----------------------------------------------------------------------

  @ParameterizedTest(name = "concurrency {0} at target 56 -> {1}")
  @CsvSource({"0.5, 1", "55.9, 1", "56, 1", "56.1, 2", "560, 10", "4000, 72", "10000, 100"})
  void steadyConcurrencyWantsCeilOfConcurrencyOverTargetWithinMaxScale(double concurrency, int expected) {
    // With the same concurrency in both windows and the instances already at the answer, desired = ceil(L / (cc × 70 %)), capped at maxScale.
    Kpa kpa = new Kpa(80 * 0.7, 0, 100);
    int current = expected;
    for (int t = 1; t <= 40; t++) current = kpa.decide(t * Kpa.TICK, concurrency, concurrency, current, current, 1);
    assertThat(current).isEqualTo(expected);
    assertThat(kpa.panicking()).isFalse();
  }

  @Test
  void panicBeginsWhenThePanicWindowWantsTwiceTheReadyInstances() {
    // Panic mode starts exactly when ceil(panic concurrency / target) / ready >= 2, and then scales to the panic desire.
    Kpa at = new Kpa(10, 0, 100);
    assertThat(at.decide(2 * S, 20, 39, 2, 2, 1)).isEqualTo(4); // ceil(3.9) = 4, and 4 / 2 = 2: at the threshold
    assertThat(at.panicking()).isTrue();
    Kpa under = new Kpa(10, 0, 100);
    assertThat(under.decide(2 * S, 20, 30, 2, 2, 1)).isEqualTo(2); // ceil(3.0) = 3, 3 / 2 < 2
    assertThat(under.panicking()).isFalse();
    Kpa burst = new Kpa(10, 0, 100);
    assertThat(burst.decide(2 * S, 20, 200, 2, 2, 1)).isEqualTo(20);
    assertThat(burst.panicking()).isTrue();
    assertThat(burst.panics()).isEqualTo(1);
  }

  @Test
  void noScaleDownWhilePanickingAndPanicEndsAfterAStableWindowWithoutCause() {
    // In panic the scale never falls, whatever the windows say; a full stable window (60 s) after the last over-threshold tick panic ends.
    Kpa kpa = new Kpa(10, 0, 100);
    long t = 2 * S;
    assertThat(kpa.decide(t, 20, 200, 2, 2, 1)).isEqualTo(20); // burst: panic, 20 instances
    for (t += Kpa.TICK; t <= 2 * S + Kpa.STABLE_WINDOW; t += Kpa.TICK) {
      assertThat(kpa.decide(t, 30, 30, 20, 20, 1)).as("at %d s", t / S).isEqualTo(20);
      assertThat(kpa.panicking()).isTrue();
    }
    // 62 s after the burst tick: panic over, stable desire 3, but at most halving per tick (max-scale-down-rate 2)
    assertThat(kpa.decide(t, 30, 30, 20, 20, 1)).isEqualTo(10);
    assertThat(kpa.panicking()).isFalse();
    assertThat(kpa.decide(t + Kpa.TICK, 30, 30, 10, 10, 1)).isEqualTo(5);
    assertThat(kpa.decide(t + 2 * Kpa.TICK, 30, 30, 5, 5, 1)).isEqualTo(3);
    assertThat(kpa.panics()).isEqualTo(1);
  }

  @Test
  void panicIsExtendedByEveryTickStillOverTheThreshold() {
    // Each tick over the threshold restarts the 60 s count, and a higher panic desire raises the scale further.
    Kpa kpa = new Kpa(10, 0, 100);
    kpa.decide(2 * S, 20, 200, 2, 2, 1);
    assertThat(kpa.decide(40 * S, 100, 500, 20, 20, 1)).isEqualTo(50); // 50 / 20 >= 2: still over, and higher
    assertThat(kpa.decide(98 * S, 10, 10, 50, 50, 1)).isEqualTo(50); // 58 s after 40 s: still panicking
    assertThat(kpa.decide(102 * S, 10, 10, 50, 50, 1)).isEqualTo(25); // 62 s after: over, halving
    assertThat(kpa.panics()).isEqualTo(1);
  }

  @Test
  void lastInstanceGoesOnlyAfterAQuietStableWindowPlusTheGracePeriod() {
    // With no traffic in the stable window and no request in the system, one instance stays for the 30 s grace, then none.
    Kpa kpa = new Kpa(56, 0, 100);
    assertThat(kpa.decide(100 * S, 0, 0, 1, 1, 0)).isEqualTo(1); // quiet from now on
    assertThat(kpa.decide(128 * S, 0, 0, 1, 1, 0)).isEqualTo(1);
    assertThat(kpa.decide(130 * S, 0, 0, 1, 1, 0)).isEqualTo(0);
    // a request in the system (held by the activator) keeps one instance wanted even with empty windows
    Kpa held = new Kpa(56, 0, 100);
    assertThat(held.decide(100 * S, 0, 0, 0, 0, 1)).isEqualTo(1);
    assertThat(held.decide(200 * S, 0, 0, 0, 1, 1)).isEqualTo(1);
    // minScale keeps instances however quiet
    Kpa floor = new Kpa(56, 2, 100);
    for (long t = 2; t < 300; t += 2) assertThat(floor.decide(t * S, 0, 0, 2, 2, 0)).isEqualTo(2);
  }

  @Test
  void trafficDuringTheGracePeriodRestartsIt() {
    // A request seen in the stable window before the grace has run out cancels the scale to zero; the quiet period starts again.
    Kpa kpa = new Kpa(56, 0, 100);
    kpa.decide(100 * S, 0, 0, 1, 1, 0);
    assertThat(kpa.decide(120 * S, 0.01, 0.1, 1, 1, 0)).isEqualTo(1);
    assertThat(kpa.decide(130 * S, 0, 0, 1, 1, 0)).isEqualTo(1);
    assertThat(kpa.decide(158 * S, 0, 0, 1, 1, 0)).isEqualTo(1);
    assertThat(kpa.decide(160 * S, 0, 0, 1, 1, 0)).isEqualTo(0);
  }

  // ---- whole runs -----------------------------------------------------------------------------

  private static String spec(String horizon, long seed, String traffic, String settings) {
    return Runs.spec(horizon, seed, """
        runtime: container-image
        traffic: %s
        request: {duration: 1s, cpu: 10m, memory: 1Mi}
        candidates: [serverless-container]
        models:
          serverless-container: %s
        """.formatted(traffic, settings));
  }

  private static List<Decision> run(String yaml, List<ModelResult> out) {
    RunContext ctx = Runs.context(yaml);
    ServerlessContainerModel model = new ServerlessContainerModel();
    List<Decision> decisions = new ArrayList<>();
    out.add(model.simulate(ctx, Runs.settings(model, ctx), (now, from, to, panic) -> decisions.add(new Decision(now, from, to, panic))));
    return decisions;
  }

  @ParameterizedTest(name = "load {0}, containerConcurrency {1}, cpu {2}, seed {3} -> {4} instances")
  @CsvSource({
      "100, 10, 0.25, 1, 15",
      "100, 10, 0.25, 2, 15",
      "200, 20, 0.25, 3, 15",
      "30,  4,  0.25, 4, 11",
      "30,  80, 1,    5, 1",
      "300, 80, 1,    6, 6"})
  void steadyLoadSettlesAtCeilOfLoadOverTargetConcurrency(double load, int cc, String cpu, long seed, int expected) {
    // A steady Poisson load of L concurrent 1 s requests, with CPU to spare, keeps ceil(L / (cc × 0.7)) instances on average
    // (within 0.6 over an hour, the scale-from-zero start included), and no request is lost.
    List<ModelResult> out = new ArrayList<>();
    List<Decision> decisions = run(spec("1h", seed, "{poisson: {ratePerSecond: %s}}".formatted(load),
        "{containerConcurrency: %d, cpu: %s, memory: 2Gi}".formatted(cc, cpu)), out);
    ModelResult.Figures f = out.get(0).figures().orElseThrow();
    assertThat(Math.ceil(load / (cc * 0.7))).isEqualTo(expected);
    assertThat(f.avgInstances()).isBetween(expected - 0.6, expected + 0.6);
    assertThat(f.completed()).isEqualTo(f.requests());
    // after the first five minutes the scale stays within one of the answer
    assertThat(decisions).filteredOn(d -> d.at() > 5 * 60 * S).allSatisfy(d -> assertThat(d.to()).isBetween(expected - 1, expected + 1));
  }

  @ParameterizedTest(name = "seed {0}")
  @CsvSource({"1", "2", "3"})
  void aTenfoldBurstTriggersPanicAndScalesUpWithinSeconds(long seed) {
    // When the rate jumps 10x (L 10 -> 100 at 20 min), the autoscaler enters panic at the next ticks and provisions the
    // burst's ceil(100 / 7) = 15 instances within 10 s; before the burst it holds ceil(10 / 7) = 2; nothing is lost.
    List<ModelResult> out = new ArrayList<>();
    List<Decision> decisions = run(spec("40m", seed, "{bursts: {baseRatePerSecond: 10, burstRatePerSecond: 100, every: 1h, length: 10m, start: 20m}}",
        "{containerConcurrency: 10, cpu: 0.25, memory: 512Mi}"), out);
    long burst = 20 * 60 * S;
    assertThat(decisions).filteredOn(d -> d.at() > 10 * 60 * S && d.at() < burst).allSatisfy(d -> assertThat(d.to()).isBetween(1, 3));
    List<Decision> early = decisions.stream().filter(d -> d.at() > burst && d.at() <= burst + 10 * S).toList();
    assertThat(early).isNotEmpty().allSatisfy(d -> assertThat(d.panic()).isTrue());
    assertThat(early.get(0).at()).isLessThanOrEqualTo(burst + 4 * S);
    assertThat(early.stream().mapToInt(Decision::to).max().orElse(0)).isGreaterThanOrEqualTo(15);
    ModelResult r = out.get(0);
    assertThat(r.metrics().get("panics")).isGreaterThanOrEqualTo(1.0);
    ModelResult.Figures f = r.figures().orElseThrow();
    assertThat(f.completed()).isEqualTo(f.requests());
    assertThat(f.peakInstances()).isGreaterThanOrEqualTo(15);
  }

  @ParameterizedTest(name = "seed {0}")
  @CsvSource({"1", "2"})
  void maxScaleCapsInstancesAndTheRestQueueAtTheActivator(long seed) {
    // At maxScale 2 a load wanting 3 instances gets 2; requests beyond their 20 slots wait in the activator's queue — none is
    // dropped or throttled, and some are delayed past their 1 s duration.
    List<ModelResult> out = new ArrayList<>();
    List<Decision> decisions = run(spec("1h", seed, "{poisson: {ratePerSecond: 15}}",
        "{containerConcurrency: 10, maxScale: 2, cpu: 0.25, memory: 512Mi}"), out);
    ModelResult.Figures f = out.get(0).figures().orElseThrow();
    assertThat(f.peakInstances()).isEqualTo(2);
    assertThat(decisions).allSatisfy(d -> assertThat(d.to()).isLessThanOrEqualTo(2));
    assertThat(f.throttled()).isZero();
    assertThat(f.failed()).isZero();
    assertThat(f.completed()).isEqualTo(f.requests());
    assertThat(f.latencyMs().p99()).isGreaterThan(1000);
    assertThat(out.get(0).metrics().get("peakQueued")).isGreaterThan(0.0);
  }
}
