package dev.polyvirt.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.models.container.ContainerModel;
import dev.polyvirt.models.faas.FaasModel;
import dev.polyvirt.models.vm.VmModel;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every request a model is offered ends in exactly one counted fate, whatever the model and settings. */
class RequestFatesTest {
  private static final String BURSTS = "{bursts: {baseRatePerSecond: 0, burstRatePerSecond: 3, every: 2h, length: 10m, start: 1h}}";

  static Stream<Arguments> cases() {
    Object[][] models = {
        {"faas throttled and timed out", new FaasModel(), "{poisson: {ratePerSecond: 20}}",
            "faas: {memorySize: 256, reservedConcurrency: 5, timeout: 400ms, coldStart: 100ms}"},
        {"faas bursty, keep-alive none", new FaasModel(), BURSTS, "faas: {keepAlive: none}"},
        {"vm fixed", new VmModel(), "{poisson: {ratePerSecond: 3}}", "vm: {instanceType: c5.large, count: 2}"},
        {"vm target tracking min 1", new VmModel(), BURSTS, "vm: {instanceType: c5.large, count: 1, autoscaling: {min: 1, max: 5}}"},
        {"vm target tracking min 1", new VmModel(), BURSTS, "vm: {instanceType: c5.large, count: 1, autoscaling: {min: 1, max: 5}}"},
        {"container round-robin", new ContainerModel(), "{poisson: {ratePerSecond: 3}}",
            "container: {replicas: 2, concurrency: 2, loadBalancer: round-robin}"},
        {"container default HPA", new ContainerModel(), BURSTS, "container: {loadBalancer: least-requests}"}};
    return Stream.of(models).flatMap(m -> LongStream.of(1, 2).mapToObj(seed -> Arguments.of(m[0], m[1], m[2], m[3], seed)));
  }

  @ParameterizedTest(name = "{0}, seed {4}")
  @MethodSource("cases")
  void everyRequestIsCompletedFailedOrThrottled(String name, ComputeModel<?> model, String traffic, String settings, long seed) {
    // requests == completed + failed + throttled: no request is silently dropped or left waiting uncounted (SPEC.md §2 "never silently dropped").
    ModelResult.Figures f = Runs.figures(model, Runs.spec("2h", seed, """
        runtime: python
        traffic: %s
        request: {duration: {exponential: {mean: 300ms}}, cpu: 250m, memory: 256Mi}
        models:
          %s
        """.formatted(traffic, settings)));
    assertThat(f.requests()).isPositive();
    assertThat(f.completed() + f.failed() + f.throttled()).as("completed + failed + throttled").isEqualTo(f.requests());
    assertThat(f.timedOut()).isLessThanOrEqualTo(f.failed());
  }
}
