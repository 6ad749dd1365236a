package dev.polyvirt.models.faas;

import dev.polyvirt.models.Eligibility;


import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.RunContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The outcome of simulated power tuning ({@link PowerTuning}): one run per memory size, which
 * sizes were eligible, the chosen one, and the {@code faas} result the planner compares — the
 * chosen size's result, its notes extended by the choice, carrying the whole curve as the
 * {@value PowerTuning#TABLE} table (columns {@link #COLUMNS}; {@code chosen} is 1 on the chosen
 * row, 0 elsewhere).
 *
 * @param memorySizesMb the sizes, ascending
 * @param runs each size's run, in the same order
 * @param eligible whether each size served the workload (see {@link PowerTuning})
 * @param chosen the index of the chosen size
 * @param result the chosen size's result with the curve and the choice's notes
 */
public record PowerTuningRun(List<Integer> memorySizesMb, List<FaasRun> runs, List<Boolean> eligible, int chosen, ModelResult result) {
  /** The columns of the curve table. */
  public static final List<String> COLUMNS = List.of("memorySize", "costUsdPerMonth", "p50Ms", "p99Ms", "coldStartRate",
      "avgInstances", "chosen");

  public PowerTuningRun {
    memorySizesMb = List.copyOf(memorySizesMb);
    runs = List.copyOf(runs);
    eligible = List.copyOf(eligible);
  }

  /** Returns the chosen size in MB. */
  public int chosenMemoryMb() {
    return memorySizesMb.get(chosen);
  }

  /** Returns the chosen size's run. */
  public FaasRun chosenRun() {
    return runs.get(chosen);
  }

  /** Judges every size's run, chooses one by {@code tuning}'s objective and assembles the result. */
  static PowerTuningRun of(RunContext ctx, PowerTuning tuning, List<FaasRun> runs) {
    List<Integer> sizes = tuning.memorySizesMb();
    OptionalLong target = ctx.workload().requirements().latencyP99Nanos();
    List<PowerTuning.Point> points = new ArrayList<>();
    List<String> whyNot = new ArrayList<>();
    for (int i = 0; i < sizes.size(); i++) {
      ModelResult.Figures f = runs.get(i).result().figures().orElseThrow();
      Eligibility judged = Eligibility.of(f, target);
      List<String> why = judged.misses(f, target);
      if (!why.isEmpty()) whyNot.add(sizes.get(i) + " MB (" + String.join(", ", why) + ")");
      points.add(new PowerTuning.Point(sizes.get(i), f.costUsdPerMonth(), f.latencyMs().p99(), judged.ok()));
    }
    int chosen = PowerTuning.choose(points, tuning.objective(), tuning.weight());
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < sizes.size(); i++) {
      ModelResult.Figures f = runs.get(i).result().figures().orElseThrow();
      rows.add(List.of(sizes.get(i), f.costUsdPerMonth(), f.latencyMs().p50(), f.latencyMs().p99(), f.coldStartRate(),
          f.avgInstances(), i == chosen ? 1 : 0));
    }
    ModelResult.Table table = new ModelResult.Table(COLUMNS, rows).withChart("costUsdPerMonth", "p99Ms").withHighlight("chosen");
    ModelResult.Figures best = runs.get(chosen).result().figures().orElseThrow();
    List<String> notes = new ArrayList<>();
    notes.add(String.format(Locale.ROOT, "power tuning, simulated (as AWS Lambda Power Tuning does by invoking the function): %d memory "
        + "sizes on the same requests, objective %s: %d MB chosen at $%.2f/month, p99 %s", sizes.size(), tuning.describe(),
        sizes.get(chosen), best.costUsdPerMonth(), Eligibility.ms(best.latencyMs().p99())));
    long eligibleCount = points.stream().filter(PowerTuning.Point::eligible).count();
    String rule = Eligibility.rule(target);
    if (eligibleCount == 0) {
      notes.add("no memory size was eligible (each must " + rule + "), so every size competed: " + String.join("; ", whyNot));
    } else if (!whyNot.isEmpty()) {
      notes.add("not eligible (each size must " + rule + "): " + String.join("; ", whyNot));
    }
    ModelResult result = runs.get(chosen).result().withNotes(notes).withTable(PowerTuning.TABLE, table);
    List<Boolean> eligible = points.stream().map(PowerTuning.Point::eligible).toList();
    return new PowerTuningRun(sizes, runs, eligible, chosen, result);
  }
}
