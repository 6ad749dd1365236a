package dev.polyvirt.models;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.pricing.Cost;
import dev.polyvirt.pricing.InstanceMeter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/** Turns a run's statistics, bill and energy into the figures of SPEC.md §3. */
public final class ResultAssembly {
  /**
   * Percentiles of the latency CDF a result carries: dense in the body, then the tail nines a p99
   * target is judged on; 0 and 100 are the minimum and the exact maximum.
   */
  static final double[] CDF_PERCENTILES = {0, 1, 5, 10, 20, 25, 30, 40, 50, 60, 70, 75, 80, 85, 90, 92.5, 95, 97.5,
      98, 99, 99.5, 99.8, 99.9, 99.95, 99.99, 100};

  private ResultAssembly() {}

  /** Builds the result of a simulated model. */
  public static ModelResult of(String model, RunContext ctx, RunStats s, Cost cost, Energy energy, List<String> notes) {
    return of(model, ctx, s, cost, energy, notes, java.util.Map.of());
  }

  /** Builds the result of a simulated model with model-specific named figures. */
  public static ModelResult of(String model, RunContext ctx, RunStats s, Cost cost, Energy energy, List<String> notes,
      java.util.Map<String, Double> metrics) {
    return of(model, ctx, s, cost, energy, notes, metrics, java.util.Map.of());
  }

  /** Builds the result of a simulated model with model-specific named figures and named tables. */
  public static ModelResult of(String model, RunContext ctx, RunStats s, Cost cost, Energy energy, List<String> notes,
      java.util.Map<String, Double> metrics, java.util.Map<String, ModelResult.Table> tables) {
    long h = ctx.horizonNanos();
    ModelResult.Latency lat = new ModelResult.Latency(s.latency.meanMs(), s.latency.percentileMs(50),
        s.latency.percentileMs(95), s.latency.percentileMs(99), s.latency.maxMs());
    BigDecimal total = cost.total();
    ModelResult.CostUsd usd = new ModelResult.CostUsd(total, cost.compute(), cost.requests(), cost.idle(), cost.other());
    double perMonth = total.multiply(BigDecimal.valueOf(SimTime.NANOS_PER_BILLING_MONTH))
        .divide(BigDecimal.valueOf(h), MathContext.DECIMAL64).doubleValue();
    ModelResult.Figures f = new ModelResult.Figures(s.requests, s.completed, s.failed, s.throttled, s.timedOut,
        s.coldStarts, lat, s.instances.mean(h), s.instances.peak(), s.utilization(), usd, perMonth,
        energy.kwh(), energy.co2eKg());
    return ModelResult.of(model, f, notes, metrics, tables).withDetail(s.series(), latencyCdf(s));
  }

  /** Returns the latency CDF of a run at {@link #CDF_PERCENTILES} (empty when nothing completed). */
  static List<ModelResult.CdfPoint> latencyCdf(RunStats s) {
    if (s.latency.count() == 0) return List.of();
    double[] ms = s.latency.percentilesMs(CDF_PERCENTILES);
    List<ModelResult.CdfPoint> points = new java.util.ArrayList<>(ms.length);
    for (int i = 0; i < ms.length; i++) points.add(new ModelResult.CdfPoint(CDF_PERCENTILES[i] / 100, ms[i]));
    return List.copyOf(points);
  }

  /**
   * Splits an instance bill into the share that served requests (compute) and the idle share;
   * surplus CPU credits pay for CPU that was used, so they are compute whole.
   */
  public static Cost splitIdle(InstanceMeter meter, double utilisation, Cost rest) {
    Cost raw = meter.cost();
    BigDecimal surplus = meter.surplusCost();
    Cost instances = splitIdle(raw.compute().subtract(surplus), utilisation, Cost.ofCompute(surplus));
    return instances.plus(new Cost(BigDecimal.ZERO, raw.requests(), raw.idle(), raw.other())).plus(rest);
  }

  /** Splits an always-on bill into the share that served requests (compute) and the idle share. */
  public static Cost splitIdle(BigDecimal instanceCost, double utilisation, Cost rest) {
    BigDecimal busy = instanceCost.multiply(BigDecimal.valueOf(Math.max(0, Math.min(1, utilisation))), MathContext.DECIMAL128);
    return new Cost(busy, BigDecimal.ZERO, instanceCost.subtract(busy), BigDecimal.ZERO).plus(rest);
  }

  /** Formats a figure for a note with three significant digits, whole numbers from 1,000. */
  public static String figure(double v) {
    if (v >= 1000) return String.format(java.util.Locale.ROOT, "%.0f", v);
    if (v == 0) return "0";
    return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
  }
}
