package dev.polyvirt.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.models.container.ContainerModel;
import dev.polyvirt.models.faas.FaasModel;
import dev.polyvirt.models.serverlesscontainer.ServerlessContainerModel;
import dev.polyvirt.models.vm.VmModel;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A result's time series and latency CDF agree with its figures, whatever the model: the buckets'
 * arrivals and cold starts add up to the totals, their instance means average to avgInstances,
 * their peaks reach peakInstances, and the CDF runs from the minimum to the maximum through p50 and p99.
 */
class SeriesTest {
  private static final String BURSTS = "{bursts: {baseRatePerSecond: 0.2, burstRatePerSecond: 6, every: 1h, length: 10m, start: 20m}}";

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(new FaasModel(), "faas: {memorySize: 512, keepAlive: {fixed: 2m}}"),
        Arguments.of(new VmModel(), "vm: {instanceType: c5.large, count: 1, autoscaling: {min: 1, max: 5}}"),
        Arguments.of(new ContainerModel(), "container: {loadBalancer: least-requests}"),
        Arguments.of(new ServerlessContainerModel(), "serverless-container: {containerConcurrency: 4}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void seriesAddUpToTheFigures(ComputeModel<?> model, String settings) {
    ModelResult r = Runs.run(model, Runs.spec("3h", 3, """
        runtime: python
        traffic: %s
        request: {duration: {exponential: {mean: 300ms}}, cpu: 250m, memory: 256Mi}
        models:
          %s
        """.formatted(BURSTS, settings)));
    ModelResult.Figures f = r.figures().orElseThrow();
    ModelResult.Series s = r.series();
    assertThat(s.buckets()).isEqualTo(RunStats.BUCKETS);
    assertThat(s.bucketNanos()).isEqualTo(3L * 3600 * 1_000_000_000L / RunStats.BUCKETS);
    assertThat(s.arrivals().stream().mapToLong(Long::longValue).sum()).isEqualTo(f.requests());
    assertThat(s.coldStarts().stream().mapToLong(Long::longValue).sum()).isEqualTo(f.coldStarts());
    assertThat(s.instances().stream().mapToDouble(Double::doubleValue).average().orElseThrow())
        .isCloseTo(f.avgInstances(), within(1e-9 * Math.max(1, f.avgInstances())));
    assertThat(s.peakInstances().stream().mapToLong(Long::longValue).max().orElseThrow()).isEqualTo(f.peakInstances());
    // the bursts: 10 min at 6/s from 20 min into each hour, 0.2/s otherwise (buckets of 54 s)
    int inBurst = (int) (30 * 60 / 54.0), outOfBurst = (int) (5 * 60 / 54.0);
    assertThat(s.arrivals().get(inBurst)).isGreaterThan(4 * s.arrivals().get(outOfBurst));
    List<ModelResult.CdfPoint> cdf = r.latencyCdf();
    assertThat(cdf.get(0).fraction()).isZero();
    assertThat(cdf.get(cdf.size() - 1).fraction()).isEqualTo(1.0);
    assertThat(cdf.get(cdf.size() - 1).ms()).isEqualTo(f.latencyMs().max());
    assertThat(cdf.stream().filter(p -> p.fraction() == 0.5).findFirst().orElseThrow().ms()).isEqualTo(f.latencyMs().p50());
    assertThat(cdf.stream().filter(p -> p.fraction() == 0.99).findFirst().orElseThrow().ms()).isEqualTo(f.latencyMs().p99());
    for (int i = 1; i < cdf.size(); i++) assertThat(cdf.get(i).ms()).isGreaterThanOrEqualTo(cdf.get(i - 1).ms());
  }
}
