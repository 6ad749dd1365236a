package dev.polyvirt.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.polyvirt.models.ModelResult;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code vm} and {@code container} pools against the M/M/c queue: Poisson arrivals, exponential
 * service, c servers of one slot each behind one FIFO queue. Outside source: the Erlang C formula,
 * W_q = C(c, a) / (cμ − λ) with a = λ/μ (Kleinrock, <i>Queueing Systems</i> Vol. 1, 1975, §3.5),
 * and for c = 1 the M/M/1 response time, exponential with rate μ − λ (same book, §3.2).
 *
 * <p>{@code vm} with {@code hypervisorOverhead: 0} and {@code concurrency: 1} is exactly M/M/c.
 * {@code container} is not: every pod draws a hypervisor overhead o ~ U(0.05, 0.10) and stretches
 * each service by 1/(1 − o) (ContainerModel.slowdown, ServerPool.start), and no container setting
 * turns it off. Its pods are therefore c heterogeneous servers with rates μ(1 − o_i). The test
 * measures the mean service actually served from the busy time (utilization × c × horizon /
 * completed) and compares with Erlang C at that per-pod rate; it also checks that the wait lies
 * between Erlang C with every pod at 5 % and every pod at 10 % overhead.
 *
 * <p>Each run serves 10 million requests. The 3 % tolerance is several standard errors: for M/M/1
 * at ρ = 0.85 the asymptotic variance of the mean wait (Whitt, "Planning queueing simulations",
 * Mgmt. Sci. 1989) gives a relative standard error of about 0.5 % at this length, less for c > 1.
 */
class ErlangCTest {
  private static final long REQUESTS = 10_000_000;
  private static final double MEAN_SERVICE_S = 0.1;

  /** The closed form itself matches values that can be checked by hand. */
  @Test
  void erlangCFormulaMatchesHandValues() {
    // C(1, a) = a; C(2, 1) = 1/3; Erlang B(2, 1) = 1/5
    assertThat(ErlangC.probabilityOfWaiting(1, 0.7)).isCloseTo(0.7, within(1e-15));
    assertThat(ErlangC.erlangB(2, 1)).isCloseTo(0.2, within(1e-15));
    assertThat(ErlangC.probabilityOfWaiting(2, 1)).isCloseTo(1 / 3.0, within(1e-15));
    // M/M/1: W_q = ρ / (μ − λ)
    assertThat(ErlangC.meanWait(1, 8, 10)).isCloseTo(0.8 / 2, within(1e-15));
    // large c stays finite and in (0, 1): no a^c / c! overflow
    assertThat(ErlangC.probabilityOfWaiting(2000, 1900)).isBetween(0.0, 1.0);
  }

  /** A VM fleet without hypervisor overhead is an M/M/c queue: its mean wait is Erlang C's and its utilisation is ρ. */
  @ParameterizedTest(name = "vm c={0} rho={1}")
  @CsvSource({"1, 0.80", "2, 0.85", "4, 0.75", "8, 0.80"})
  void vmFleetWaitsAsErlangC(int c, double rho) {
    double mu = 1 / MEAN_SERVICE_S;
    double lambda = rho * c * mu;
    long horizonS = Math.round(REQUESTS / lambda);
    ModelResult.Figures f = Sims.figures(spec(c, lambda, horizonS, 21), "vm");

    double expected = ErlangC.meanWait(c, lambda, mu);
    double servedS = meanServedSeconds(f, c, horizonS);
    double measured = f.latencyMs().mean() / 1000 - servedS;
    assertThat(f.completed()).isEqualTo(f.requests());
    assertThat(servedS).as("mean service with no overhead").isCloseTo(MEAN_SERVICE_S, withinPercentage(0.2));
    assertThat(measured).as("W_q: measured %.6f s, Erlang C %.6f s", measured, expected).isCloseTo(expected, withinPercentage(3));
    assertThat(f.utilization()).as("utilization vs rho").isCloseTo(rho, withinPercentage(0.5));
  }

  /** One VM of one slot is M/M/1: response time is exponential with rate μ − λ, so its mean and percentiles follow. */
  @Test
  void singleVmIsMM1() {
    double mu = 1 / MEAN_SERVICE_S;
    double lambda = 0.75 * mu;
    long horizonS = Math.round(REQUESTS / lambda);
    ModelResult.Figures f = Sims.figures(spec(1, lambda, horizonS, 5), "vm");

    double meanMs = 1000 / (mu - lambda);
    assertThat(f.latencyMs().mean()).as("mean response 1/(mu-lambda)").isCloseTo(meanMs, withinPercentage(3));
    assertThat(f.latencyMs().p50()).as("p50 = ln 2 /(mu-lambda)").isCloseTo(meanMs * Math.log(2), withinPercentage(3));
    assertThat(f.latencyMs().p95()).as("p95 = ln 20 /(mu-lambda)").isCloseTo(meanMs * Math.log(20), withinPercentage(3));
    assertThat(f.latencyMs().p99()).as("p99 = ln 100 /(mu-lambda)").isCloseTo(meanMs * Math.log(100), withinPercentage(3));
  }

  /** Fixed pods behind a shared queue wait as Erlang C at the per-pod service rate their hypervisor overhead leaves. */
  @ParameterizedTest(name = "container c={0} rho={1}")
  @CsvSource({"2, 0.80", "4, 0.80", "8, 0.75"})
  void containerPodsWaitAsErlangCAtTheirSlowedRate(int c, double rho) {
    double mu = 1 / MEAN_SERVICE_S;
    double lambda = rho * c * mu;
    long horizonS = Math.round(REQUESTS / lambda);
    ModelResult.Figures f = Sims.figures(spec(c, lambda, horizonS, 21), "container");

    double servedS = meanServedSeconds(f, c, horizonS);
    double slowdown = servedS / MEAN_SERVICE_S;
    double measured = f.latencyMs().mean() / 1000 - servedS;
    double expected = ErlangC.meanWait(c, lambda, 1 / servedS);
    assertThat(f.completed()).isEqualTo(f.requests());
    // every pod loses 5–10 %: the mean slowdown lies in [1/0.95, 1/0.90]
    assertThat(slowdown).as("served slowdown").isBetween(1 / 0.95, 1 / 0.90);
    assertThat(f.utilization()).as("utilization vs rho stretched by the overhead").isBetween(rho / 0.95 * 0.995, rho / 0.90 * 1.005);
    assertThat(measured).as("W_q: measured %.6f s, Erlang C at the per-pod rate %.6f s", measured, expected)
        .isCloseTo(expected, withinPercentage(3));
    double best = ErlangC.meanWait(c, lambda, mu * 0.95);
    double worst = ErlangC.meanWait(c, lambda, mu * 0.90);
    assertThat(measured).as("W_q between all pods at 5 %% and at 10 %% overhead").isBetween(best * 0.97, worst * 1.03);
  }

  /** Returns the mean service time served, from busy slot-time: utilization × slots × horizon / completed. */
  private static double meanServedSeconds(ModelResult.Figures f, int slots, long horizonS) {
    return f.utilization() * slots * horizonS / f.completed();
  }

  private static String spec(int c, double lambda, long horizonS, long seed) {
    return String.format(Locale.ROOT, """
        apiVersion: polyvirt/v1
        kind: Portfolio
        name: mmc
        seed: %d
        horizon: %ds
        workloads:
          - name: queue
            runtime: python
            traffic: {poisson: {ratePerSecond: %s}}
            request: {duration: {exponential: {mean: 100ms}}, cpu: 250m, memory: 128Mi}
            candidates: [vm, container]
            models:
              vm: {instanceType: m5.large, count: %d, concurrency: 1, hypervisorOverhead: 0}
              container: {replicas: %d, concurrency: 1, loadBalancer: shared-queue, podStart: 1s}
        """, seed, horizonS, lambda, c, c);
  }
}
