package dev.polyvirt.planner.whatif;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.models.Candidate;
import dev.polyvirt.models.Eligibility;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.RunContext;
import dev.polyvirt.planner.BoundWorkload;
import dev.polyvirt.planner.DurationFlip;
import dev.polyvirt.planner.limits.Feasibility;
import dev.polyvirt.planner.patterns.FrontDoor;
import dev.polyvirt.planner.score.Criteria;
import dev.polyvirt.planner.score.PlannerSettings;
import dev.polyvirt.planner.score.Scorecard;
import dev.polyvirt.planner.score.Scoring;
import dev.polyvirt.pricing.PriceBook;
import dev.polyvirt.spec.RequestSpec;
import dev.polyvirt.spec.Workload;
import dev.polyvirt.traffic.PoissonTraffic;
import dev.polyvirt.traffic.Traffic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Finds, by simulation, the request-duration multiplier at which the recommended model loses to
 * the runner-up. Only that pair is re-simulated (the search answers "what would flip it", and
 * the runner-up is what it would flip to), with every request's service time scaled by k — the
 * same arrivals and the same duration draws (common random numbers), each draw multiplied — and
 * re-judged by the planner's rule: eligibility (≤ 0.1 % unserved, p99 target), then the
 * weighted {@link Scoring} of the two. A duration past FaaS's maximum makes FaaS infeasible
 * through the usual hard limits, so that flip is found too.
 *
 * <p>The direction follows the bills: FaaS is billed per GB-second, so its cost grows with k
 * while an always-on fleet's stays nearly flat until it needs more instances; a recommended
 * faas is searched towards longer requests, a faas runner-up towards shorter ones, any other
 * pair both ways. The bracket widens by ×{@value #STEP} up to {@value #WIDENINGS} times per
 * direction (k from 1/9 to 9), then {@value #BISECTIONS} bisections on a log scale narrow a ×3
 * bracket to ×1.035, so the reported multiplier (its geometric middle) is within ±1.8 %. At most
 * 2 × (2 × WIDENINGS + BISECTIONS + 1) = 20 simulations per workload, usually 14 or fewer. A
 * workload heavier than {@link BreakEvenSearch#REQUEST_BUDGET} requests is simulated as a steady
 * Poisson stream at its mean rate over a horizon cut to that budget (as the break-even search
 * does), its k = 1 point simulated too so that every point is compared alike.
 */
public final class DurationSearch {
  static final double STEP = 3;
  static final int WIDENINGS = 2;
  static final int BISECTIONS = 5;

  private DurationSearch() {}

  /**
   * Searches the duration flip of workload {@code w} from {@code recommended} to {@code runnerUp}
   * (empty without a runner-up, or when the search's own k = 1 point does not rank them as the plan did).
   */
  public static Optional<DurationFlip> search(BoundWorkload w, RunContext ctx, List<ModelResult> results, String recommended,
      Optional<String> runnerUp, PlannerSettings settings, int clusterTenants, Optional<PriceBook> book) {
    if (runnerUp.isEmpty()) return Optional.empty();
    Optional<Candidate<?>> rec = candidate(w, recommended), chal = candidate(w, runnerUp.get());
    if (rec.isEmpty() || chal.isEmpty()) return Optional.empty();
    boolean sustained = ctx.traffic().expectedRequests(ctx.horizonNanos()) > BreakEvenSearch.REQUEST_BUDGET;
    Judge judge = new Judge(w, ctx, rec.get(), chal.get(), settings, clusterTenants, book, sustained);
    Outcome now = sustained ? judge.at(1) : judge.judge(1, result(results, recommended), result(results, runnerUp.get()), ctx.horizonNanos());
    if (!now.recommendedWins()) return Optional.empty();
    List<Double> directions = recommended.equals("faas") ? List.of(STEP) : runnerUp.get().equals("faas") ? List.of(1 / STEP) : List.of(STEP, 1 / STEP);
    for (double step : directions) {
      double lo = 1;
      for (int i = 1; i <= WIDENINGS; i++) {
        double k = Math.pow(step, i);
        Outcome o = judge.at(k);
        if (!o.recommendedWins()) return Optional.of(bisect(judge, lo, k, o));
        lo = k;
      }
    }
    double furthest = Math.pow(directions.get(0), WIDENINGS);
    return Optional.of(judge.flip(furthest, false, now));
  }

  /** Narrows the bracket [won, lost] (the recommended model wins at {@code won}, loses at {@code lost}). */
  private static DurationFlip bisect(Judge judge, double won, double lost, Outcome atLost) {
    for (int i = 0; i < BISECTIONS; i++) {
      double mid = Math.sqrt(won * lost);
      Outcome o = judge.at(mid);
      if (o.recommendedWins()) {
        won = mid;
      } else {
        lost = mid;
        atLost = o;
      }
    }
    return judge.flip(Math.sqrt(won * lost), true, atLost);
  }

  private static Optional<Candidate<?>> candidate(BoundWorkload w, String name) {
    return w.candidates().stream().filter(c -> c.name().equals(name)).findFirst();
  }

  private static ModelResult result(List<ModelResult> results, String model) {
    return results.stream().filter(r -> r.model().equals(model)).findFirst().orElseThrow();
  }

  /** What the planner's rule makes of the pair at one multiplier. */
  record Outcome(double multiplier, String winner, String cause, double recommendedUsd, double challengerUsd, boolean recommendedWins) {}

  /** Simulates and judges the pair at duration multipliers, keeping every point. */
  private static final class Judge {
    private final BoundWorkload w;
    private final RunContext ctx;
    private final Candidate<?> rec;
    private final Candidate<?> chal;
    private final PlannerSettings settings;
    private final int clusterTenants;
    private final Optional<PriceBook> book;
    private final boolean sustained;
    private final TreeMap<Double, DurationFlip.Step> walked = new TreeMap<>();
    private int simulations;

    Judge(BoundWorkload w, RunContext ctx, Candidate<?> rec, Candidate<?> chal, PlannerSettings settings, int clusterTenants,
        Optional<PriceBook> book, boolean sustained) {
      this.w = w;
      this.ctx = ctx;
      this.rec = rec;
      this.chal = chal;
      this.settings = settings;
      this.clusterTenants = clusterTenants;
      this.book = book;
      this.sustained = sustained;
    }

    Outcome at(double k) {
      Workload base = ctx.workload();
      RequestSpec q = base.request();
      Workload stretched = new Workload(base.name(), base.runtime(), base.traffic(),
          new RequestSpec(q.duration().scaled(k), q.cpuMillis(), q.memoryBytes(), q.durationGiven(), q.memoryGiven()),
          base.requirements(), base.candidates(), base.models(), base.mark());
      double rate = ctx.traffic().meanRatePerSecond(ctx.horizonNanos());
      Traffic traffic = new StretchedTraffic(sustained ? new PoissonTraffic(rate) : ctx.traffic(), k);
      long horizon = sustained ? BreakEvenSearch.budgetHorizon(rate, ctx.horizonNanos()) : ctx.horizonNanos();
      RunContext scaled = new RunContext(stretched, traffic, horizon, ctx.priceBook(), ctx.streams(), ctx.containerWorkloads());
      simulations += 2;
      return judge(k, Feasibility.run(rec, scaled), Feasibility.run(chal, scaled), horizon);
    }

    /** Applies the planner's rule (Recommender) to the two results. */
    Outcome judge(double k, ModelResult r1, ModelResult r2, long horizon) {
      OptionalLong slo = w.workload().requirements().latencyP99Nanos();
      boolean stateful = w.workload().requirements().state().equals("stateful");
      List<ModelResult> feasible = new ArrayList<>();
      for (ModelResult r : List.of(r1, r2)) if (r.feasible()) feasible.add(r);
      List<Criteria> all = new ArrayList<>();
      List<Criteria> meeting = new ArrayList<>();
      List<ModelResult> serving = new ArrayList<>();
      for (ModelResult r : feasible) {
        double frontDoor = book.map(b -> FrontDoor.ownUsdPerMonth(r.model(), w.workload().requirements(),
            FrontDoor.requestsPerMonth(r, horizon), b, settings.patterns())).orElse(0.0);
        Criteria c = Criteria.of(r, settings, clusterTenants, stateful).withFrontDoor(frontDoor);
        all.add(c);
        Eligibility e = Eligibility.of(r.figures().orElseThrow(), slo);
        if (e.lossOk()) serving.add(r);
        if (e.ok()) meeting.add(c);
      }
      List<Scorecard> cards = Scoring.score(all, meeting, settings.weights());
      String winner;
      if (!meeting.isEmpty()) {
        winner = cards.stream().filter(Scorecard::eligible)
            .max(Comparator.comparingDouble(Scorecard::score).thenComparingDouble(c -> -c.criteria().tcoUsdPerMonth()))
            .orElseThrow().model();
      } else {
        List<ModelResult> pool = serving.isEmpty() ? feasible : serving;
        winner = pool.stream().min(Comparator.comparingDouble(r -> r.figures().orElseThrow().latencyMs().p99()))
            .map(ModelResult::model).orElse("");
      }
      double usd1 = tco(cards, r1.model()), usd2 = tco(cards, r2.model());
      walked.put(k, new DurationFlip.Step(k, usd1, usd2, winner));
      return new Outcome(k, winner, cause(r1, slo), usd1, usd2, winner.equals(r1.model()));
    }

    private static String cause(ModelResult r, OptionalLong slo) {
      if (!r.feasible()) return "infeasible";
      Eligibility e = Eligibility.of(r.figures().orElseThrow(), slo);
      if (!e.lossOk()) return "loss";
      if (!e.latencyOk()) return "latency";
      return "score";
    }

    private static double tco(List<Scorecard> cards, String model) {
      return cards.stream().filter(c -> c.model().equals(model)).mapToDouble(c -> c.criteria().tcoUsdPerMonth()).findFirst().orElse(Double.NaN);
    }

    DurationFlip flip(double k, boolean found, Outcome at) {
      double p50 = SimTime.toMillis(Math.round(ctx.workload().request().duration().quantileNanos(0.5)));
      return new DurationFlip(rec.name(), chal.name(), k, found, found ? at.cause() : "", p50, at.recommendedUsd(), at.challengerUsd(),
          simulations, sustained, List.copyOf(walked.values()));
    }
  }
}
