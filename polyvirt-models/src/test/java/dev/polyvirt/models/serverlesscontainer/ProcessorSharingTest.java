package dev.polyvirt.models.serverlesscontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.Simulation;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.RunStats;
import dev.polyvirt.models.Runs;
import dev.polyvirt.pricing.Architecture;
import dev.polyvirt.pricing.FargateMeter;
import dev.polyvirt.pricing.PriceBooks;
import dev.polyvirt.spec.SpecException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Processor sharing on one instance: exact finishing times by hand, and the M/G/1-PS mean response time. */
class ProcessorSharingTest {
  private static final long S = SimTime.NANOS_PER_SECOND;

  /** One always-ready instance of {@code instanceCpu} millicores serving requests of {@code requestCpu} each. */
  private record OneInstance(Simulation sim, RunStats stats, KnativePlatform platform) {
    static OneInstance of(int instanceCpu, int requestCpu, int slots) {
      Simulation sim = new Simulation();
      RunStats stats = new RunStats(3600 * S);
      FargateMeter meter;
      try {
        meter = new FargateMeter(PriceBooks.load("aws-us-east-1", Path.of(".")).fargate(), Architecture.X86_64);
      } catch (SpecException e) {
        throw new AssertionError(e);
      }
      FargateBilling billing = new FargateBilling(meter, new TaskSizes.TaskSize(instanceCpu, 2048), stats.horizon());
      KnativePlatform.Config cfg = new KnativePlatform.Config(slots, 1, 1, slots * 0.7, instanceCpu, requestCpu, 300 * S);
      return new OneInstance(sim, stats, new KnativePlatform(sim, stats, cfg, () -> S, billing, KnativePlatform.ScaleLog.NONE));
    }

    /** Makes a request needing {@code work} arrive at {@code at}. */
    void arrive(long at, long work) {
      sim.at(at, p -> {
        stats.requests++;
        platform.onArrival(work);
      }, 0);
    }

    void run() {
      sim.runUntil(Long.MAX_VALUE);
    }
  }

  @Test
  void aRequestAloneTakesExactlyItsDuration() {
    // A request alone on an instance with CPU to spare runs at full speed: its latency is its duration, to the nanosecond.
    OneInstance one = OneInstance.of(1000, 1000, 10);
    one.arrive(5 * S, 1_234_567_891L);
    one.run();
    assertThat(one.stats().completed).isEqualTo(1);
    assertThat(one.stats().latency.maxMs()).isEqualTo(1234.567891);
    assertThat(one.stats().coldStarts).isZero();
  }

  @Test
  void twoOneSecondRequestsArrivingTogetherOnOneVcpuFinishTogetherAtTwoSeconds() {
    // Two 1 s requests of 1 core each on a 1 vCPU instance each get half the CPU, so both finish at exactly 2 s.
    OneInstance one = OneInstance.of(1000, 1000, 10);
    one.arrive(0, S);
    one.arrive(0, S);
    one.run();
    assertThat(one.stats().completed).isEqualTo(2);
    assertThat(one.stats().latency.maxMs()).isEqualTo(2000.0);
    assertThat(one.stats().latency.meanMs()).isEqualTo(2000.0);
  }

  @ParameterizedTest(name = "instance {0}m, request {1}m, {2} requests of 1s -> each {3} ms")
  @CsvSource({
      "1000, 1000, 1, 1000",   // alone
      "1000, 1000, 3, 3000",   // three share one core
      "2000, 1000, 2, 1000",   // two fit on two cores: no slowdown
      "2000, 1000, 3, 1500",   // three on two cores: rate 2/3
      "1000, 250,  4, 1000",   // four quarter-core requests fill one vCPU exactly
      "1000, 250,  8, 2000",   // eight need two cores: rate 1/2
      "250,  1000, 1, 4000"})  // a 1-core request on 0.25 vCPU runs at a quarter of its speed even alone
  void simultaneousRequestsProgressAtMinOfOneAndCapacityOverDemand(int instanceCpu, int requestCpu, int n, double expectedMs) {
    // n equal requests arriving together progress at rate min(1, C / (n × c)) and all finish at duration / rate.
    OneInstance one = OneInstance.of(instanceCpu, requestCpu, 10);
    for (int k = 0; k < n; k++) one.arrive(0, S);
    one.run();
    assertThat(one.stats().completed).isEqualTo(n);
    assertThat(one.stats().latency.meanMs()).isEqualTo(expectedMs);
    assertThat(one.stats().latency.maxMs()).isEqualTo(expectedMs);
  }

  @Test
  void aLaterArrivalSlowsTheRequestInServiceFromItsArrivalOn() {
    // A (1 s) alone for 0.5 s, then shares with B (1 s): A ends at 1.5 s; B then runs alone and ends at 2 s — both take 1.5 s.
    OneInstance one = OneInstance.of(1000, 1000, 10);
    one.arrive(0, S);
    one.arrive(S / 2, S);
    one.run();
    assertThat(one.stats().latency.maxMs()).isEqualTo(1500.0);
    assertThat(one.stats().latency.meanMs()).isEqualTo(1500.0);
  }

  @Test
  void theShorterRequestLeavesFirstAndTheLongerSpeedsUp() {
    // A request that leaves hands its CPU share back at once: finishing times follow the sharing exactly.
    // A (2 s): [0,1] alone -> 1 s done; [1,3] shared at 1/2 -> +1 s = 2 s done: A ends at 3 s (latency 3 s).
    // B: [1,3] shared at 1/2 -> 1 s done: B ends at 3 s too (latency 2 s).
    OneInstance one = OneInstance.of(1000, 1000, 10);
    one.arrive(0, 2 * S);
    one.arrive(S, S);
    one.run();
    assertThat(one.stats().latency.maxMs()).isEqualTo(3000.0);
    assertThat(one.stats().latency.meanMs()).isEqualTo(2500.0);
    // C: a 3 s request and a 1 s request together: the short one ends at 2 s, the long one runs alone from there and ends at 4 s
    OneInstance two = OneInstance.of(1000, 1000, 10);
    two.arrive(0, 3 * S);
    two.arrive(0, S);
    two.run();
    assertThat(two.stats().latency.maxMs()).isEqualTo(4000.0);
    assertThat(two.stats().latency.meanMs()).isEqualTo(3000.0);
  }

  @Test
  void requestsBeyondTheConcurrencyLimitWaitAtTheActivatorInArrivalOrder() {
    // With containerConcurrency 1 and one instance, three 1 s requests arriving together are served one after another: 1, 2 and 3 s.
    OneInstance one = OneInstance.of(1000, 1000, 1);
    for (int k = 0; k < 3; k++) one.arrive(0, S);
    one.run();
    assertThat(one.stats().completed).isEqualTo(3);
    assertThat(one.stats().latency.meanMs()).isEqualTo(2000.0);
    assertThat(one.stats().latency.maxMs()).isEqualTo(3000.0);
    assertThat(one.stats().throttled).isZero();
  }

  @Test
  void busyCpuIsMinOfCapacityAndDemand() {
    // Utilisation counts busy CPU over provisioned CPU: 8 quarter-core requests keep a 1 vCPU instance fully busy for 2 s of its hour.
    OneInstance one = OneInstance.of(1000, 250, 10);
    for (int k = 0; k < 8; k++) one.arrive(0, S);
    one.run();
    assertThat(one.stats().busy.integralSeconds(one.stats().horizon())).isEqualTo(2 * 1000.0);
    assertThat(one.stats().utilization()).isCloseTo(2.0 / 3600, within(1e-12));
  }

  @ParameterizedTest(name = "{0}, rho {1}, seed {2}")
  @CsvSource(delimiter = '|', value = {
      "{exponential: {mean: 100ms}}             | 0.5 | 1",
      "{exponential: {mean: 100ms}}             | 0.7 | 2",
      "100ms                                    | 0.5 | 3",
      "{uniform: {min: 10ms, max: 190ms}}       | 0.6 | 4",
      "{lognormal: {p50: 60ms, p99: 600ms}}     | 0.4 | 5"})
  void meanResponseOfPoissonArrivalsOnOneInstanceIsMg1ProcessorSharing(String duration, double rho, long seed) {
    // M/G/1-PS: with Poisson arrivals on one fixed instance whose whole CPU a request needs, the mean response time is E[S]/(1 − ρ)
    // whatever the service distribution (Kleinrock, Queueing Systems Vol. 2, processor sharing), within 3 % over a long run.
    String yaml = Runs.spec("24h", seed, """
        runtime: container-image
        traffic: {poisson: {ratePerSecond: %s}}
        request: {duration: %s, cpu: 1, memory: 1Mi}
        candidates: [serverless-container]
        models:
          serverless-container: {minScale: 1, maxScale: 1, containerConcurrency: 1000, cpu: 1, memory: 2Gi}
        """);
    double meanS = Runs.context(yaml.formatted(1, duration)).workload().request().duration().meanNanos() / SimTime.NANOS_PER_SECOND;
    yaml = yaml.formatted(rho / meanS, duration);
    ModelResult.Figures f = Runs.figures(new ServerlessContainerModel(), yaml);
    double expectedMs = meanS / (1 - rho) * 1000;
    assertThat(f.requests()).isGreaterThan(300_000);
    assertThat(f.completed()).isEqualTo(f.requests());
    assertThat(f.peakInstances()).isEqualTo(1);
    assertThat(f.latencyMs().mean()).as("mean response vs E[S]/(1-rho) = %.2f ms", expectedMs)
        .isCloseTo(expectedMs, within(0.03 * expectedMs));
    assertThat(f.utilization()).isCloseTo(rho, within(0.02));
  }
}
