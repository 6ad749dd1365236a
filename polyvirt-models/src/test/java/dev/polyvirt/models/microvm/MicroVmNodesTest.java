package dev.polyvirt.models.microvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.Runs;
import dev.polyvirt.models.container.ContainerModel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** microVM pods run on KVM hosts only (.metal on AWS; Firecracker getting-started guide), packed many to a node. */
class MicroVmNodesTest {
  @TempDir Path dir;

  private static String spec(String extra, String models) {
    return Runs.spec("1h", 3, """
        runtime: container-image
        traffic: {poisson: {ratePerSecond: 40}}
        request: {duration: {exponential: {mean: 100ms}}, cpu: 250m, memory: 128Mi}
        models: %s
        """.formatted(models)) + extra;
  }

  @Test
  void podsPackOntoOneMetalNodeBilledAtItsListPrice() {
    ModelResult r = Runs.run(new MicroVmModel(), spec("", "{microvm: {replicas: 8}}"));
    assertThat(r.feasible()).as(r.infeasibleReasons().toString()).isTrue();
    // 8 pods of 250m fit one 96-vCPU c5.metal (the cheapest metal type at this load): one node for the hour
    assertThat(r.metrics().get("avgNodes")).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.02));
    assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("c5.metal").contains("metal access"));
    var usd = r.figures().orElseThrow().costUsd();
    // one c5.metal hour: $4.08 (compute + idle), the control plane's $0.10 apart
    assertThat(usd.compute().add(usd.idle()).doubleValue()).isCloseTo(4.08, org.assertj.core.data.Offset.offset(0.01));
    // the container model keeps its ordinary node types
    ModelResult plain = Runs.run(new ContainerModel(), spec("", "{container: {replicas: 8}}"));
    assertThat(plain.figures().orElseThrow().costUsd().total().doubleValue()).isLessThan(2);
  }

  @Test
  void aNamedNodeTypeWithoutKvmIsInfeasibleWithTheReason() {
    ModelResult r = Runs.run(new MicroVmModel(), spec("", "{microvm: {replicas: 2, nodeType: m5.large}}"));
    assertThat(r.feasible()).isFalse();
    assertThat(r.infeasibleReasons()).singleElement().asString()
        .contains("m5.large does not expose KVM").contains("m5.metal");
  }

  @Test
  void aBookWithoutKvmHostsMakesMicrovmInfeasible() throws Exception {
    String book;
    try (var in = getClass().getResourceAsStream("/dev/polyvirt/pricing/aws-us-east-1.yaml")) {
      book = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    int from = book.indexOf("\nkvmHosts:");
    int to = book.indexOf("\ncarbon:");
    Files.writeString(dir.resolve("no-kvm.yaml"), book.substring(0, from) + book.substring(to));
    String yaml = spec("", "{microvm: {replicas: 2}}").replace("horizon: 1h", "horizon: 1h\npriceBook: " + dir.resolve("no-kvm.yaml"));
    ModelResult r = Runs.run(new MicroVmModel(), yaml);
    assertThat(r.feasible()).isFalse();
    assertThat(r.infeasibleReasons()).singleElement().asString().contains("needs KVM").contains("lists no KVM-capable node types");
  }
}
