package dev.polyvirt.models.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.Runs;
import dev.polyvirt.models.microvm.MicroVmModel;
import dev.polyvirt.pricing.PriceBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** os: windows on the container platform: a Windows node pool with its pod limit, ready time and runtime restrictions. */
class WindowsNodePoolTest {
  private static String spec(String container) {
    return Runs.spec("2h", 4, """
        runtime: dotnet
        traffic: {poisson: {ratePerSecond: 5}}
        request: {duration: 100ms, cpu: 250m, memory: 256Mi}
        requirements: {os: windows}
        candidates: [container]
        models:
          container: %s
        """.formatted(container));
  }

  @ParameterizedTest(name = "{0}: {1} IPv4 per ENI")
  @CsvSource({"m5.large, 100m, 9", "m5.xlarge, 100m, 14", "t3.medium, 100m, 5", "m5.large, 250m, 7"})
  void windowsNodeHoldsItsEniAddressesMinusOnePodsOrFewerByCpu(String type, String cpu, int pods) {
    // EKS: one ENI per Windows node, pods = its IPv4 addresses - 1 (m5.large 10, m5.xlarge 15, t3.medium 6); CPU may bind first
    var book = PriceBooks.bundled().stream().filter(b -> b.id().equals("aws-us-east-1")).findFirst().orElseThrow();
    int millis = Integer.parseInt(cpu.replace("m", ""));
    assertThat(WindowsNodePool.shape(book, book.instanceType(type).orElseThrow(), millis, 128L << 20).podsPerNode()).isEqualTo(pods);
  }

  @Test
  void windowsServerKeepsHalfAGigabyteFromPods() {
    // t3.micro: 1,024 MiB - kube-reserved (255 + 11 x 4 + 100 MiB) = 625 MiB holds one 512 MiB Linux pod, none once Windows keeps 512 MiB
    var book = PriceBooks.bundled().stream().filter(b -> b.id().equals("aws-us-east-1")).findFirst().orElseThrow();
    var micro = book.instanceType("t3.micro").orElseThrow();
    assertThat(NodeShape.of(micro, 250, 512L << 20).podsPerNode()).isEqualTo(1);
    assertThat(WindowsNodePool.shape(book, micro, 250, 512L << 20).podsPerNode()).isZero();
  }

  @Test
  void replacementPodsOnANewWindowsNodeWaitFourToEightMinutes() {
    // the lost node's four pods wait for a new Windows node: boot + base-image pull, 4-8 min, not a Linux node's 30-120 s
    ModelResult r = Runs.run(new ContainerModel(), spec("{replicas: 8, nodeType: m5.xlarge, resources: {requests: {cpu: 900m,"
        + " memory: 1Gi}}, nodeFailure: {at: 30m}, scheduler: {scoring: LeastAllocated}}"));
    assertThat(r.feasible()).isTrue();
    assertThat(r.metrics().get("podsLostWithNode")).isEqualTo(4.0);
    assertThat(r.metrics().get("podPendingSecondsMax")).isBetween(240.0, 480.0);
  }

  @Test
  void hardwareIsolatedRuntimesCannotHostWindows() {
    // Firecracker and Kata boot Linux guests; the microvm model (this platform with those runtimes) says so itself
    ModelResult micro = Runs.run(new MicroVmModel(), spec("{replicas: 2}").replace("candidates: [container]", "candidates: [microvm]")
        .replace("container: {replicas", "microvm: {replicas"));
    assertThat(micro.feasible()).isFalse();
    assertThat(micro.infeasibleReasons()).anySatisfy(x -> assertThat(x).contains("cannot run under runtimeClass firecracker"));
    ModelResult kata = Runs.run(new ContainerModel(), spec("{replicas: 2, runtimeClass: kata}"));
    assertThat(kata.infeasibleReasons()).anySatisfy(x -> assertThat(x).contains("cannot run under runtimeClass kata"));
  }
}
