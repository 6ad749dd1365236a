package dev.polyvirt.models.vm;

import dev.polyvirt.models.CpuCredits;
import dev.polyvirt.models.OfferedLoad;
import dev.polyvirt.models.RunContext;
import dev.polyvirt.pricing.InstanceType;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An instance type, how many requests one instance serves at once, and how many instances:
 * chosen by the user or sized as an engineer would — enough instances of each type to carry the
 * peak offered load at {@link #SIZING_UTILISATION}, then the type whose fleet is cheapest at the
 * mean load, counting the surplus CPU credits a burstable type would spend.
 */
public record Fleet(InstanceType type, int slots, int count) {
  /** Utilisation a fleet is sized for at peak: headroom for Poisson bursts and failures. */
  static final double SIZING_UTILISATION = 0.6;

  /** Returns how many requests of the workload one instance serves at once beside its OS (0 if none fits). */
  public static int slots(InstanceType t, RunContext ctx, long osMemoryBytes) {
    int byCpu = (int) (t.vcpus() * 1000L / ctx.workload().request().cpuMillis());
    long byMem = Math.max(0, t.memoryMiB() - (osMemoryBytes >> 20)) / Math.max(1, ctx.workload().request().memoryMiB());
    return (int) Math.min(byCpu, byMem);
  }

  /**
   * Returns the instance types that may host the workload (architecture and GPU match); only the
   * book's confidential-computing types (AMD SEV-SNP) for {@code confidential: true} (seed 002 §7.3).
   */
  static List<InstanceType> eligible(RunContext ctx, long osMemoryBytes) {
    int gpu = ctx.workload().requirements().gpu();
    return catalogue(ctx).stream()
        .filter(t -> t.architecture().name().toLowerCase(java.util.Locale.ROOT).startsWith("x86"))
        .filter(t -> gpu == 0 ? t.gpus() == 0 : t.gpus() >= gpu)
        .filter(t -> slots(t, ctx, osMemoryBytes) > 0)
        .toList();
  }

  /** Chooses the fleet for {@code settings}: the named type or the cheapest that carries the peak. */
  static Optional<Fleet> choose(RunContext ctx, VmSettings settings, double slowdown) {
    List<InstanceType> types = settings.instanceType()
        .map(n -> named(ctx, n).map(List::of).orElse(List.<InstanceType>of()))
        .orElseGet(() -> eligible(ctx, settings.osMemoryBytes()));
    return types.stream()
        .map(t -> {
          int s = settings.concurrency().orElse(slots(t, ctx, settings.osMemoryBytes()));
          int n = settings.count().orElse(s == 0 ? 0 : OfferedLoad.serversForPeak(ctx, s, slowdown, SIZING_UTILISATION));
          return new Fleet(t, s, n);
        })
        .filter(f -> f.slots > 0)
        .min(Comparator.comparing((Fleet f) -> f.expectedHourlyCost(ctx)).thenComparingInt(Fleet::count));
  }

  /** Returns the instance types the workload may use: the confidential ones when it asks for confidential computing. */
  static List<InstanceType> catalogue(RunContext ctx) {
    return ctx.workload().requirements().confidential() ? ctx.priceBook().confidentialInstanceTypes() : ctx.priceBook().instanceTypes();
  }

  /** Finds the instance type called {@code name} among those the workload may use. */
  static Optional<InstanceType> named(RunContext ctx, String name) {
    return catalogue(ctx).stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** Returns the fleet's expected cost per hour at the mean load, surplus CPU credits included. */
  BigDecimal expectedHourlyCost(RunContext ctx) {
    double meanCores = OfferedLoad.meanErlangs(ctx) * ctx.workload().request().cpuMillis() / 1000.0;
    return hourlyPrice().add(CpuCredits.surplusPerHour(type, count, meanCores, ctx.priceBook().ec2().surplusCreditPerVcpuHour()));
  }

  /** Returns the fleet's on-demand price per hour. */
  public BigDecimal hourlyPrice() {
    return type.pricePerHour().multiply(BigDecimal.valueOf(count));
  }
}
