package dev.polyvirt.models.vm;

import dev.polyvirt.models.OfferedLoad;
import dev.polyvirt.models.RunContext;
import dev.polyvirt.pricing.InstanceType;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An instance type, how many requests one instance serves at once, and how many instances:
 * chosen by the user or sized as an engineer would — the cheapest fleet whose capacity carries
 * the peak offered load at {@link #SIZING_UTILISATION}.
 */
public record Fleet(InstanceType type, int slots, int count) {
  /** Utilisation a fleet is sized for at peak: headroom for Poisson bursts and failures. */
  static final double SIZING_UTILISATION = 0.6;

  /** Returns how many requests of the workload one instance serves at once (0 if one does not fit). */
  public static int slots(InstanceType t, RunContext ctx) {
    int byCpu = (int) (t.vcpus() * 1000L / ctx.workload().request().cpuMillis());
    long byMem = t.memoryMiB() / Math.max(1, ctx.workload().request().memoryMiB());
    return (int) Math.min(byCpu, byMem);
  }

  /** Returns the instance types that may host the workload (architecture and GPU match). */
  static List<InstanceType> eligible(RunContext ctx) {
    int gpu = ctx.workload().requirements().gpu();
    return ctx.priceBook().instanceTypes().stream()
        .filter(t -> t.architecture().name().toLowerCase(java.util.Locale.ROOT).startsWith("x86"))
        .filter(t -> gpu == 0 ? t.gpus() == 0 : t.gpus() >= gpu)
        .filter(t -> slots(t, ctx) > 0)
        .toList();
  }

  /** Chooses the fleet for {@code settings}: the named type or the cheapest that carries the peak. */
  static Optional<Fleet> choose(RunContext ctx, VmSettings settings, double slowdown) {
    double erlangs = OfferedLoad.peakErlangs(ctx) * slowdown;
    List<InstanceType> types = settings.instanceType()
        .map(n -> ctx.priceBook().instanceType(n).map(List::of).orElse(List.<InstanceType>of()))
        .orElseGet(() -> eligible(ctx));
    return types.stream()
        .map(t -> {
          int s = settings.concurrency().orElse(slots(t, ctx));
          int n = settings.count().orElse(s == 0 ? 0 : OfferedLoad.servers(erlangs, s, SIZING_UTILISATION));
          return new Fleet(t, s, n);
        })
        .filter(f -> f.slots > 0)
        .min(Comparator.comparing(Fleet::hourlyPrice).thenComparingInt(Fleet::count));
  }

  /** Returns the fleet's on-demand price per hour. */
  public BigDecimal hourlyPrice() {
    return type.pricePerHour().multiply(BigDecimal.valueOf(count));
  }
}
