package dev.polyvirt.pricing;

import static dev.polyvirt.pricing.PriceFields.count;
import static dev.polyvirt.pricing.PriceFields.duration;
import static dev.polyvirt.pricing.PriceFields.price;
import static dev.polyvirt.pricing.PriceFields.text;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.spec.Fields;
import dev.polyvirt.spec.Units;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads the {@code ec2:} section of a price book. */
final class Ec2PricesReader {
  /** The kubelet's default --max-pods, for types whose ENI limit the book does not give. */
  static final int KUBELET_MAX_PODS = 110;

  private Ec2PricesReader() {}

  /** Reads the section; problems go to the section's collector. */
  static Ec2Prices read(Fields f) {
    long granularity = duration(f, "billingGranularity", SimTime.NANOS_PER_SECOND, false, "AWS bills Linux EC2 per 1s");
    long minimum = duration(f, "minimumBilled", SimTime.NANOS_PER_SECOND, true, "AWS bills at least 60s per run");
    var licence = price(f, "windowsLicencePerVcpuHour", "USD per vCPU-hour added for Windows, e.g. 0.046");
    var surplus = price(f, "surplusCreditPerVcpuHour", "USD per vCPU-hour of CPU above a burstable type's baseline, e.g. 0.05");
    Map<String, InstanceType> types = new LinkedHashMap<>();
    Optional<Fields> list = PriceFields.section(f, "instanceTypes", "ec2 instanceTypes",
        "list instance types by name, e.g. m5.large: {vcpus: 2, memory: 8Gi, perHour: 0.096, architecture: x86_64}");
    for (String name : list.map(Fields::keys).orElse(java.util.List.of())) {
      list.get().node(name).flatMap(n -> Fields.of(n, f.problems(), "ec2 instance type '" + name + "'"))
          .map(t -> instanceType(name, t)).ifPresent(t -> types.put(name, t));
    }
    if (list.isPresent() && list.get().keys().isEmpty()) {
      f.problems().add(list.get().mark(), "ec2 instanceTypes lists no instance type", "add at least one, e.g. m5.large");
    }
    f.done();
    return f.problems().isEmpty() ? new Ec2Prices(types, licence, granularity, minimum, surplus) : null;
  }

  static InstanceType instanceType(String name, Fields f) {
    int vcpus = (int) count(f, "vcpus", 1, 4096, "number of vCPUs, e.g. 2");
    long memoryMiB = text(f, "memory", "memory as 8Gi or 512Mi").map(m -> mebibytes(f, m)).orElse(1L);
    var perHour = price(f, "perHour", "on-demand Linux USD per hour, e.g. 0.096");
    Architecture arch = text(f, "architecture", "x86_64 or arm64").map(a -> architecture(f, a)).orElse(Architecture.X86_64);
    int gpus = f.has("gpus") ? (int) count(f, "gpus", 0, 64, "number of GPUs, e.g. 1") : 0;
    String gpuModel = "";
    if (gpus > 0) gpuModel = text(f, "gpuModel", "the GPU's name, e.g. NVIDIA T4").orElse("");
    else if (f.has("gpuModel")) f.problems().add(f.keyMark("gpuModel"), "'gpuModel' needs gpus: 1 or more", "add gpus: or remove gpuModel");
    double baseline = f.decimal("baselineCpu", 0.01, 1).orElse(1.0);
    int maxPods = f.has("maxPods") ? (int) count(f, "maxPods", 1, 10_000, "pods per node, e.g. 29") : KUBELET_MAX_PODS;
    f.done();
    return new InstanceType(name, vcpus, memoryMiB, perHour, arch, gpus, gpuModel, baseline, maxPods);
  }

  private static long mebibytes(Fields f, String text) {
    try {
      long bytes = Units.memoryBytes(text);
      if (bytes > 0 && bytes % (1L << 20) == 0) return bytes >> 20;
      f.problems().add(f.node("memory").orElseThrow().mark(), "'memory' must be a positive whole number of MiB, found " + text,
          "write e.g. 8Gi or 512Mi");
    } catch (IllegalArgumentException | ArithmeticException e) {
      f.problems().add(f.node("memory").orElseThrow().mark(), "'memory' must be a memory size, found '" + text + "'", e.getMessage());
    }
    return 1;
  }

  private static Architecture architecture(Fields f, String text) {
    return Architecture.named(text).orElseGet(() -> {
      f.problems().add(f.node("architecture").orElseThrow().mark(), "'architecture' must be one of "
          + String.join(", ", Architecture.names()) + ", found '" + text + "'",
          Fields.suggestion(text, Architecture.names()).map(s -> "did you mean '" + s + "'?").orElse("write x86_64 or arm64"));
      return Architecture.X86_64;
    });
  }
}
