package dev.polyvirt.models.faas;

import dev.polyvirt.models.Eligibility;

import dev.polyvirt.models.ResultAssembly;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.RunContext;
import dev.polyvirt.models.faas.keepalive.KeepAlivePolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The outcome of comparing keep-alive policies ({@link KeepAliveComparison}): one run per policy,
 * which were eligible, the chosen one, and the {@code faas} result the planner compares — the
 * chosen policy's result, its notes extended by the choice, carrying the comparison as the
 * {@value KeepAliveComparison#TABLE} table (columns {@link #COLUMNS}, one row per policy in the
 * order written; {@code chosen} is 1 on the chosen row, 0 elsewhere; charted: cost and cold-start rate).
 *
 * @param policies the policies, in the order written
 * @param runs each policy's run, in the same order
 * @param eligible whether each policy served the workload
 * @param chosen the index of the chosen policy
 * @param result the chosen policy's result with the table and the choice's notes
 */
public record KeepAliveComparisonRun(List<KeepAlivePolicy> policies, List<FaasRun> runs, List<Boolean> eligible, int chosen,
    ModelResult result) {
  /** The columns of the comparison table. */
  public static final List<String> COLUMNS = List.of("policy", "coldStarts", "coldStartRate", "p99Ms", "idleMemoryGbHours",
      "costUsdPerMonth", "chosen");

  public KeepAliveComparisonRun {
    policies = List.copyOf(policies);
    runs = List.copyOf(runs);
    eligible = List.copyOf(eligible);
  }

  /** Returns the chosen policy. */
  public KeepAlivePolicy chosenPolicy() {
    return policies.get(chosen);
  }

  /** Returns the chosen policy's run. */
  public FaasRun chosenRun() {
    return runs.get(chosen);
  }

  /** Judges every policy's run, chooses one ({@link KeepAliveComparison#choose}) and assembles the result. */
  static KeepAliveComparisonRun of(RunContext ctx, List<KeepAlivePolicy> policies, List<FaasRun> runs) {
    OptionalLong target = ctx.workload().requirements().latencyP99Nanos();
    List<KeepAliveComparison.Point> points = new ArrayList<>();
    List<String> whyNot = new ArrayList<>();
    for (int i = 0; i < policies.size(); i++) {
      ModelResult.Figures f = runs.get(i).result().figures().orElseThrow();
      Eligibility judged = Eligibility.of(f, target);
      List<String> why = judged.misses(f, target);
      if (!why.isEmpty()) whyNot.add(policies.get(i).describe() + " (" + String.join(", ", why) + ")");
      points.add(new KeepAliveComparison.Point(f.costUsdPerMonth(), f.latencyMs().p99(), judged.ok()));
    }
    int chosen = KeepAliveComparison.choose(points);
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < policies.size(); i++) {
      ModelResult.Figures f = runs.get(i).result().figures().orElseThrow();
      rows.add(List.of(policies.get(i).describe(), f.coldStarts(), f.coldStartRate(), f.latencyMs().p99(),
          runs.get(i).idleInstanceGbHours(), f.costUsdPerMonth(), i == chosen ? 1 : 0));
    }
    ModelResult.Table table = new ModelResult.Table(COLUMNS, rows).withChart("costUsdPerMonth", "coldStartRate").withHighlight("chosen");
    ModelResult.Figures best = runs.get(chosen).result().figures().orElseThrow();
    boolean anyEligible = points.stream().anyMatch(KeepAliveComparison.Point::eligible);
    String rule = Eligibility.rule(target);
    List<String> notes = new ArrayList<>();
    notes.add(String.format(Locale.ROOT, "keep-alive compared: %d policies on the same requests; %s chosen (%s) at $%.2f/month, p99 %s, "
        + "%d cold starts, idle memory %s GB-h", policies.size(), policies.get(chosen).describe(),
        anyEligible ? "the cheapest that " + (target.isPresent() ? "meets the p99 target and " : "") + "loses at most 0.1 % of requests"
            : "no policy meets the rule, so the lowest p99",
        best.costUsdPerMonth(), Eligibility.ms(best.latencyMs().p99()), best.coldStarts(), ResultAssembly.figure(runs.get(chosen).idleInstanceGbHours())));
    if (!anyEligible) {
      notes.add("no keep-alive policy was eligible (each must " + rule + "): " + String.join("; ", whyNot));
    } else if (!whyNot.isEmpty()) {
      notes.add("not eligible (each policy must " + rule + "): " + String.join("; ", whyNot));
    }
    ModelResult result = runs.get(chosen).result().withNotes(notes).withTable(KeepAliveComparison.TABLE, table);
    List<Boolean> eligible = points.stream().map(KeepAliveComparison.Point::eligible).toList();
    return new KeepAliveComparisonRun(policies, runs, eligible, chosen, result);
  }
}
