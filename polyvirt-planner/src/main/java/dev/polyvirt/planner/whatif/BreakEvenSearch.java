package dev.polyvirt.planner.whatif;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.models.Candidate;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.RunContext;
import dev.polyvirt.planner.BoundWorkload;
import dev.polyvirt.planner.BreakEven;
import dev.polyvirt.planner.limits.Feasibility;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import dev.polyvirt.traffic.PoissonTraffic;
import dev.polyvirt.traffic.Traffic;

/**
 * Finds, by simulation, the traffic at which FaaS and the cheapest always-on model (vm or
 * container) cost the same per month. FaaS bills per request, an always-on fleet per hour, so
 * their difference changes sign once; the search brackets the root around the linear estimate
 * from the plan's own results, then bisects the multiplier on a log scale. Each step re-simulates
 * the workload on the same random streams (common random numbers). A workload light enough
 * (at most {@link #REQUEST_BUDGET} requests over its horizon at the first guess) keeps its own
 * traffic shape, scaled ({@link ScaledTraffic}), over its whole horizon; a heavier one is
 * simulated as a sustained Poisson stream at the scaled mean rate, over a horizon cut to the
 * budget — the "sustained request rate" in which break-even is usually stated.
 */
public final class BreakEvenSearch {
  /** Requests one simulation of the search may run: enough for a bill within ~1 % (Poisson noise 1/√n). */
  static final long REQUEST_BUDGET = 30_000;
  /**
   * The most copies a {@link ScaledTraffic} superposes (each copy is an open arrival stream — for
   * a trace, its own file reader); a larger multiplier is simulated as the sustained Poisson stream.
   */
  static final int MAX_COPIES = 32;
  /** The shortest horizon a step simulates, so that autoscalers and keep-alive reach steady state. */
  static final long MIN_HORIZON = 5 * SimTime.NANOS_PER_MINUTE;
  /** Bisection steps after bracketing: the bracket's log-width 0.81 shrinks to 0.025 (±1.3 %). */
  static final int BISECTIONS = 5;
  /** Bracket widenings tried on each side before giving up. */
  static final int WIDENINGS = 8;
  public static final Set<String> ALWAYS_ON = Set.of("vm", "container");

  private BreakEvenSearch() {}

  /** Searches the break-even for workload {@code w}, whose plan gave {@code results} in context {@code ctx}. */
  public static Optional<BreakEven> search(BoundWorkload w, RunContext ctx, List<ModelResult> results) {
    Optional<Candidate<?>> faas = candidate(w, results, "faas");
    List<Candidate<?>> alwaysOn = w.candidates().stream().filter(c -> ALWAYS_ON.contains(c.name()))
        .filter(c -> feasible(results, c.name())).toList();
    if (faas.isEmpty() || alwaysOn.isEmpty()) return Optional.empty();
    double f1 = cost(results, "faas");
    double a1 = alwaysOn.stream().mapToDouble(c -> cost(results, c.name())).min().orElseThrow();
    if (!(f1 > 0 && a1 > 0)) return Optional.empty();
    double guess = a1 / f1; // FaaS cost grows in proportion to traffic; the fleet's roughly stays
    boolean ownShape = ctx.traffic().expectedRequests(ctx.horizonNanos()) * guess <= REQUEST_BUDGET && guess <= MAX_COPIES;
    Steps steps = new Steps(ctx, faas.get(), alwaysOn, ownShape);
    double lo = guess / 1.5, hi = guess * 1.5;
    Step sLo = steps.at(lo), sHi = steps.at(hi);
    for (int i = 0; i < WIDENINGS && sLo.faasDearer(); i++) sLo = steps.at(lo /= 2);
    for (int i = 0; i < WIDENINGS && !sHi.faasDearer(); i++) sHi = steps.at(hi *= 2);
    boolean found = !sLo.faasDearer() && sHi.faasDearer();
    Step last = sHi;
    if (found) {
      for (int i = 0; i < BISECTIONS; i++) {
        double mid = Math.sqrt(lo * hi);
        last = steps.at(mid);
        if (last.faasDearer()) hi = mid;
        else lo = mid;
      }
    }
    double m = found ? Math.sqrt(lo * hi) : (sLo.faasDearer() ? lo : hi);
    double rate = ctx.traffic().meanRatePerSecond(ctx.horizonNanos()) * m;
    return Optional.of(new BreakEven(last.alwaysOn(), rate, m, (last.faas() + last.alwaysOnCost()) / 2, steps.count, found, !ownShape,
        steps.walked()));
  }

  private static Optional<Candidate<?>> candidate(BoundWorkload w, List<ModelResult> results, String name) {
    if (!feasible(results, name)) return Optional.empty();
    return w.candidates().stream().filter(c -> c.name().equals(name)).findFirst();
  }

  private static boolean feasible(List<ModelResult> results, String model) {
    return results.stream().anyMatch(r -> r.model().equals(model) && r.feasible());
  }

  private static double cost(List<ModelResult> results, String model) {
    return results.stream().filter(r -> r.model().equals(model)).findFirst().orElseThrow().figures().orElseThrow().costUsdPerMonth();
  }

  /** One evaluated multiplier: FaaS's monthly bill and the cheapest always-on model's. */
  record Step(double faas, String alwaysOn, double alwaysOnCost) {
    boolean faasDearer() {
      return faas > alwaysOnCost;
    }
  }

  /** Simulates the candidates at a traffic multiplier, counting the simulations. */
  private static final class Steps {
    private final RunContext ctx;
    private final Candidate<?> faas;
    private final List<Candidate<?>> alwaysOn;
    int count;

    private final boolean ownShape;
    /** Every multiplier simulated, with what it gave: the curve the report draws. */
    private final TreeMap<Double, BreakEven.Step> walked = new TreeMap<>();

    Steps(RunContext ctx, Candidate<?> faas, List<Candidate<?>> alwaysOn, boolean ownShape) {
      this.ownShape = ownShape;
      this.ctx = ctx;
      this.faas = faas;
      this.alwaysOn = alwaysOn;
    }

    /** True when multiplier {@code m} keeps the workload's own traffic shape. */
    boolean shaped(double m) {
      return ownShape && m <= MAX_COPIES;
    }

    long horizon(double m) {
      return shaped(m) ? ctx.horizonNanos() : budgetHorizon(ctx.traffic().meanRatePerSecond(ctx.horizonNanos()) * m, ctx.horizonNanos());
    }

    Step at(double m) {
      Traffic traffic = shaped(m) ? new ScaledTraffic(ctx.traffic(), m)
          : new PoissonTraffic(ctx.traffic().meanRatePerSecond(ctx.horizonNanos()) * m);
      RunContext scaled = new RunContext(ctx.workload(), traffic, horizon(m), ctx.priceBook(),
          ctx.streams(), ctx.containerWorkloads());
      double f = monthly(faas, scaled);
      String best = "";
      double bestCost = Double.MAX_VALUE;
      for (Candidate<?> c : alwaysOn) {
        double cost = monthly(c, scaled);
        if (cost < bestCost) {
          bestCost = cost;
          best = c.name();
        }
      }
      double rate = ctx.traffic().meanRatePerSecond(ctx.horizonNanos()) * m;
      walked.put(m, new BreakEven.Step(m, rate, billed(f), best, billed(bestCost), !shaped(m)));
      return new Step(f, best, bestCost);
    }

    /** The steps simulated so far, by increasing multiplier. */
    List<BreakEven.Step> walked() {
      return List.copyOf(walked.values());
    }

    /** A bill as reported: NaN where the model could not run ({@link #monthly} gives it the largest cost to compare). */
    private static double billed(double monthly) {
      return monthly == Double.MAX_VALUE ? Double.NaN : monthly;
    }

    private double monthly(Candidate<?> c, RunContext scaled) {
      count++;
      ModelResult r = Feasibility.run(c, scaled);
      return r.figures().map(ModelResult.Figures::costUsdPerMonth).orElse(Double.MAX_VALUE);
    }
  }

  /** Returns how long a steady stream at {@code rate} may run within {@code horizonNanos} for {@link #REQUEST_BUDGET} requests (at least {@link #MIN_HORIZON}). */
  static long budgetHorizon(double rate, long horizonNanos) {
    double seconds = rate <= 0 ? Double.MAX_VALUE : REQUEST_BUDGET / rate;
    long budget = seconds * SimTime.NANOS_PER_SECOND >= horizonNanos ? horizonNanos : (long) (seconds * SimTime.NANOS_PER_SECOND);
    return Math.min(horizonNanos, Math.max(MIN_HORIZON, budget));
  }
}
