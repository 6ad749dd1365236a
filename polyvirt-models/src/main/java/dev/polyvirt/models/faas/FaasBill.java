package dev.polyvirt.models.faas;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.models.Energy;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.ResultAssembly;
import dev.polyvirt.models.RunContext;
import dev.polyvirt.models.RunStats;
import dev.polyvirt.pricing.LambdaMeter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Bills a FaaS run and measures its energy. Energy follows CCF's Lambda method: vCPUs =
 * memory / 1,792 MB, counted over billed duration (figures.md "Energy and carbon"), with the
 * request's CPU need as the utilisation of that share.
 */
final class FaasBill {
  private static final double CCF_MB_PER_VCPU = 1792;

  private FaasBill() {}

  static ModelResult result(String model, RunContext ctx, FaasSettings s, RunStats stats, LambdaMeter meter, double slowdown) {
    meter.provisioned(s.provisionedConcurrency(), ctx.horizonNanos());
    var cost = meter.cost(ctx.horizonNanos(), s.freeTier()).asCost();
    double billedHours = Energy.hours(meter.onDemandMbMs() / (double) s.memorySizeMb() / 1000.0)
        + Energy.hours(s.provisionedConcurrency() * SimTime.toSeconds(ctx.horizonNanos()));
    double vcpus = s.memorySizeMb() / CCF_MB_PER_VCPU;
    double util = Math.min(1, ctx.workload().request().cpuMillis() / 1000.0 / vcpus / slowdown);
    Energy energy = Energy.of(ctx.priceBook().carbon(), billedHours * vcpus, util, billedHours * s.memorySizeMb() / 1024.0);
    List<String> notes = new ArrayList<>();
    notes.add(String.format(Locale.ROOT, "%d MB %s, keep-alive %s, cold start %s", s.memorySizeMb(), s.architecture(),
        s.keepAliveNanos() == Long.MAX_VALUE ? "forever" : SimTime.format(s.keepAliveNanos()), s.coldStart().describe()));
    if (s.provisionedConcurrency() > 0) notes.add("provisioned concurrency " + s.provisionedConcurrency());
    if (slowdown > 1) {
      notes.add(String.format(Locale.ROOT, "%d MB gives %.2f vCPU, less than the %s CPU a request needs: requests run %.2fx longer",
          s.memorySizeMb(), s.memorySizeMb() / FaasModel.MB_PER_VCPU, ctx.workload().request().cpuMillis() + "m", slowdown));
    }
    return ResultAssembly.of(model, ctx, stats, cost, energy, notes);
  }
}
