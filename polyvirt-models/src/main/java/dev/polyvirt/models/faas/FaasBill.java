package dev.polyvirt.models.faas;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.models.Energy;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.ResultAssembly;
import dev.polyvirt.models.RunContext;
import dev.polyvirt.models.RunStats;
import dev.polyvirt.pricing.FunctionMeter;
import dev.polyvirt.pricing.FunctionOffer;
import dev.polyvirt.pricing.LambdaPrices;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Bills a FaaS run and measures its energy. Energy follows CCF's Lambda method: vCPUs =
 * memory / 1,792 MB, counted over billed duration (figures.md "Energy and carbon"), with the
 * CPU the request uses as the utilisation of that share: its CPU need over the CPU-bound share
 * of its (stretched) duration, {@code cpuBound × cpu / vCPUs / slowdown}, at most 1.
 */
final class FaasBill {
  private static final double CCF_MB_PER_VCPU = 1792;

  private FaasBill() {}

  static FaasRun result(String model, RunContext ctx, FaasSettings s, RunStats stats, FunctionMeter meter, FunctionMeter pingMeter,
      FaasPlatform platform, double slowdown) {
    meter.provisioned(s.provisionedConcurrency(), ctx.horizonNanos());
    var cost = meter.bill(ctx.horizonNanos(), s.freeTier());
    double billedHours = Energy.hours(meter.billedMillis() / 1000.0)
        + Energy.hours(s.provisionedConcurrency() * SimTime.toSeconds(ctx.horizonNanos()));
    double vcpus = s.memorySizeMb() / CCF_MB_PER_VCPU;
    double util = Math.min(1, s.cpuBound() * (ctx.workload().request().cpuMillis() / 1000.0) / vcpus / slowdown);
    Energy energy = Energy.of(ctx.priceBook().carbon(), billedHours * vcpus, util, billedHours * s.memorySizeMb() / 1024.0);
    List<String> notes = new ArrayList<>();
    notes.add(String.format(Locale.ROOT, "%d MB %s, keep-alive %s, cold start %s", s.memorySizeMb(), s.architecture(),
        s.keepAlive().describe(), s.coldStart().describe()) + (s.cpuBound() == 1.0 ? "" : ", CPU-bound " + ResultAssembly.figure(100 * s.cpuBound()) + " %"));
    FunctionOffer offer = ctx.priceBook().functionOffer().orElseThrow();
    if (!(offer instanceof LambdaPrices)) {
      // AWS results keep their notes byte for byte; other offers say how they bill
      notes.add("billed as " + offer.product() + " (" + ctx.priceBook().label() + "): " + offer.billingRule() + "; longest run "
          + SimTime.format(offer.limits().maxTimeoutNanos()));
    }
    String summary = platform.keepAliveSummary();
    if (!summary.isEmpty()) {
      notes.add(summary + (platform.preWarms() + platform.preWarmsTooLate() > 0 ? "; " + platform.preWarms()
          + " pre-warms, " + platform.preWarmsTooLate() + " requests came before their pre-warm" : ""));
    }
    if (s.provisionedConcurrency() > 0) notes.add("provisioned concurrency " + s.provisionedConcurrency());
    if (slowdown > 1) {
      String given = String.format(Locale.ROOT, "%d MB gives %.2f vCPU, less than the %s CPU a request needs: ", s.memorySizeMb(),
          offer.vcpus(s.memorySizeMb()), ctx.workload().request().cpuMillis() + "m");
      if (s.cpuBound() == 1.0) {
        notes.add(given + String.format(Locale.ROOT, "requests run %.2fx longer", slowdown));
      } else {
        double cpuPart = (slowdown - (1 - s.cpuBound())) / s.cpuBound();
        notes.add(given + String.format(Locale.ROOT, "the CPU-bound %s %% of each request runs %.2fx longer, so requests run %.2fx longer",
            ResultAssembly.figure(100 * s.cpuBound()), cpuPart, slowdown));
      }
    }
    double idleGbSeconds = platform.idleInstanceSeconds() * s.memorySizeMb() / 1024.0;
    notes.add("idle instance memory " + ResultAssembly.figure(idleGbSeconds / 3600) + " GB-h (instances alive and serving nothing × "
        + s.memorySizeMb() + " MB)");
    Pings.Figures pings = Pings.Figures.NONE;
    if (s.pings().enabled()) {
      BigDecimal pingCost = pingMeter.requests() == 0 ? BigDecimal.ZERO : pingMeter.bill(ctx.horizonNanos(), false).total();
      pings = new Pings.Figures(platform.pings(), platform.pingColdStarts(), platform.pingsThrottled(), pingCost);
      notes.add("keep-warm pings: " + pings.pings() + " (" + s.pings().describe() + "), " + pings.coldStarts() + " cold, "
          + pings.throttled() + " throttled, $" + pingCost.round(new MathContext(3)).stripTrailingZeros().toPlainString()
          + " (in the bill, not in requests)");
    }
    java.util.Map<String, Double> metrics = new java.util.LinkedHashMap<>();
    metrics.put("idleMemoryGbHours", idleGbSeconds / 3600);
    if (s.pings().enabled()) {
      metrics.put("pings", (double) pings.pings());
      metrics.put("pingCostUsd", pings.costUsd().doubleValue());
    }
    ModelResult result = ResultAssembly.of(model, ctx, stats, cost, energy, notes, metrics);
    return new FaasRun(result, pings, idleGbSeconds, platform.preWarms(), platform.preWarmsTooLate());
  }
}
