package dev.polyvirt.models;

import dev.polyvirt.engine.SimTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Whether a simulated run serves its workload: it leaves at most {@link #MAX_LOSS} of the
 * requests unserved (failed, throttled or timed out) and, when the workload sets latencyP99,
 * meets it. One rule for the planner's choice between models and for a model's choice between
 * its own configurations (memory sizes, keep-alive policies).
 *
 * @param loss the share of requests not completed
 * @param lossOk whether the loss is within {@link #MAX_LOSS}
 * @param latencyOk whether p99 meets the target (true without one)
 */
public record Eligibility(double loss, boolean lossOk, boolean latencyOk) {
  /** Share of requests a run may leave unserved and still count as serving the workload. */
  public static final double MAX_LOSS = 0.001;

  /** Judges {@code f} against the loss limit and the p99 target {@code targetNanos}. */
  public static Eligibility of(ModelResult.Figures f, OptionalLong targetNanos) {
    double loss = f.requests() == 0 ? 0 : (f.requests() - f.completed()) / (double) f.requests();
    boolean latencyOk = targetNanos.isEmpty() || f.latencyMs().p99() <= SimTime.toMillis(targetNanos.getAsLong());
    return new Eligibility(loss, loss <= MAX_LOSS, latencyOk);
  }

  /** Returns true when the run serves the workload. */
  public boolean ok() {
    return lossOk && latencyOk;
  }

  /** Lists what the run misses, e.g. "loses 0.2 % of requests", "p99 3.17 s > 3s" (empty when it serves). */
  public List<String> misses(ModelResult.Figures f, OptionalLong targetNanos) {
    List<String> why = new ArrayList<>();
    if (!lossOk) why.add(String.format(Locale.ROOT, "loses %s %% of requests", ResultAssembly.figure(100 * loss)));
    if (!latencyOk) why.add("p99 " + ms(f.latencyMs().p99()) + " > " + SimTime.format(targetNanos.getAsLong()));
    return why;
  }

  /** States the rule for {@code targetNanos}, e.g. "lose at most 0.1 % of requests and meet the p99 target of 3s". */
  public static String rule(OptionalLong targetNanos) {
    return "lose at most 0.1 % of requests"
        + (targetNanos.isPresent() ? " and meet the p99 target of " + SimTime.format(targetNanos.getAsLong()) : "");
  }

  /** Formats milliseconds as "850.0 ms" or "3.17 s". */
  public static String ms(double millis) {
    return millis >= 1000 ? String.format(Locale.ROOT, "%.2f s", millis / 1000) : String.format(Locale.ROOT, "%.1f ms", millis);
  }
}
