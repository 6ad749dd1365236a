package dev.polyvirt.planner;

import dev.polyvirt.engine.random.RandomStreams;
import dev.polyvirt.models.Candidate;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.RunContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import dev.polyvirt.planner.whatif.BreakEvenSearch;
import dev.polyvirt.planner.whatif.Flips;
import dev.polyvirt.planner.traits.TraitScan;
import dev.polyvirt.planner.traits.WorkloadTraits;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs every workload on every candidate model and recommends one per workload.
 *
 * <p>Each (workload, model) simulation is independent — its own clock and random streams derived
 * from the spec seed and the workload's name — so they run on a thread pool and the results are
 * byte-identical whatever the thread count.
 */
public final class Planner {
  private final int threads;
  private final Consumer<String> progress;

  /** Creates a planner using {@code threads} threads and reporting finished runs to {@code progress}. */
  public Planner(int threads, Consumer<String> progress) {
    this.threads = Math.max(1, threads);
    this.progress = progress;
  }

  /** Simulates the portfolio, restricted to {@code onlyModels} when not empty. */
  public Plan plan(BoundPortfolio p, Set<String> onlyModels) throws InterruptedException {
    RandomStreams root = RandomStreams.root(p.portfolio().seed());
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "polyvirt-sim");
      t.setDaemon(true);
      return t;
    });
    try {
      List<List<Future<ModelResult>>> futures = new ArrayList<>();
      List<RunContext> contexts = new ArrayList<>();
      int clusterTenants = clusterTenants(p, root);
      for (BoundWorkload w : p.workloads()) {
        RunContext ctx = context(p, w, root, clusterTenants);
        contexts.add(ctx);
        List<Future<ModelResult>> row = new ArrayList<>();
        for (Candidate<?> c : w.candidates()) {
          if (!onlyModels.isEmpty() && !onlyModels.contains(c.name())) continue;
          row.add(pool.submit(() -> {
            ModelResult r = dev.polyvirt.planner.limits.Feasibility.run(c, ctx);
            progress.accept(w.workload().name() + " on " + c.name());
            return r;
          }));
        }
        futures.add(row);
      }
      List<List<ModelResult>> allResults = new ArrayList<>();
      List<Future<Optional<BreakEven>>> searches = new ArrayList<>();
      List<Future<Optional<DurationFlip>>> durationSearches = new ArrayList<>();
      List<Future<WorkloadTraits>> traits = new ArrayList<>();
      for (RunContext ctx : contexts) traits.add(pool.submit(() -> TraitScan.of(ctx)));
      for (int i = 0; i < futures.size(); i++) {
        List<ModelResult> results = new ArrayList<>();
        for (Future<ModelResult> f : futures.get(i)) results.add(get(f));
        allResults.add(List.copyOf(results));
        BoundWorkload w = p.workloads().get(i);
        RunContext ctx = contexts.get(i);
        List<ModelResult> done = allResults.get(i);
        searches.add(pool.submit(() -> p.planner().whatIf() ? BreakEvenSearch.search(w, ctx, done) : Optional.<BreakEven>empty()));
        durationSearches.add(pool.submit(() -> {
          if (!p.planner().whatIf()) return Optional.<DurationFlip>empty();
          Decision d0 = Recommender.decide(w, done, p.planner(), clusterTenants, Optional.ofNullable(p.priceBook()));
          return d0.recommendation().model().flatMap(m -> dev.polyvirt.planner.whatif.DurationSearch.search(w, ctx, done, m,
              d0.runnerUp(), p.planner(), clusterTenants, Optional.ofNullable(p.priceBook())));
        }));
      }
      List<WorkloadPlan> plans = new ArrayList<>();
      for (int i = 0; i < futures.size(); i++) {
        BoundWorkload w = p.workloads().get(i);
        List<ModelResult> results = allResults.get(i);
        Decision d = Recommender.decide(w, results, p.planner(), clusterTenants, Optional.ofNullable(p.priceBook()));
        Optional<BreakEven> breakEven = get(searches.get(i));
        WorkloadTraits t = get(traits.get(i));
        Optional<DurationFlip> durationFlip = get(durationSearches.get(i));
        List<String> flips = Flips.sentences(w, results, d.recommendation().model(), d.scorecards(), breakEven, p.priceBook(), durationFlip);
        plans.add(new WorkloadPlan(w, results, Summary.withTraits(d.recommendation(), t, w, p.priceBook()),
            new Assessment(d.scorecards(), d.runnerUp(), Summary.reason(w, results, d, t, p.priceBook()), flips, breakEven,
                tco(w, results, d, p), durationFlip)));
      }
      return new Plan(p, List.copyOf(plans));
    } finally {
      pool.shutdownNow();
    }
  }

  /** Returns every feasible result's TCO and carbon. */
  private static List<dev.polyvirt.planner.tco.Tco> tco(BoundWorkload w, List<ModelResult> results, Decision d, BoundPortfolio p) {
    List<dev.polyvirt.planner.tco.Tco> out = new ArrayList<>();
    for (var card : d.scorecards()) {
      results.stream().filter(r -> r.model().equals(card.model())).findFirst().ifPresent(r -> out.add(
          dev.polyvirt.planner.tco.TcoViews.of(r, card.criteria(), w.workload().requirements(), w.workload().dataTransfer(),
              p.priceBook(), w.horizonNanos())));
    }
    return out;
  }

  private static RunContext context(BoundPortfolio p, BoundWorkload w, RandomStreams root, int clusterTenants) {
    return new RunContext(w.workload(), w.traffic(), w.horizonNanos(), p.priceBook(),
        root.child("workload:" + w.workload().name()), clusterTenants);
  }

  /**
   * Counts the workloads a container can host: they share one Kubernetes cluster, so each pays
   * that share of its control-plane fee. Feasibility does not depend on the count.
   */
  static int clusterTenants(BoundPortfolio p, RandomStreams root) {
    int n = 0;
    for (BoundWorkload w : p.workloads()) {
      for (Candidate<?> c : w.candidates()) {
        if (c.name().equals("container") && dev.polyvirt.planner.limits.Feasibility.reasons(c, context(p, w, root, 1)).isEmpty()) n++;
      }
    }
    return Math.max(1, n);
  }

  private static <T> T get(Future<T> f) throws InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) throw re;
      if (cause instanceof Error err) throw err;
      throw new IllegalStateException(cause);
    }
  }
}
