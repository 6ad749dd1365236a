package dev.polyvirt.planner;

import dev.polyvirt.models.Candidate;
import dev.polyvirt.models.ComputeModel;
import dev.polyvirt.models.ComputeModels;
import dev.polyvirt.pricing.PriceBook;
import dev.polyvirt.pricing.PriceBooks;
import dev.polyvirt.spec.Portfolio;
import dev.polyvirt.spec.PortfolioLoader;
import dev.polyvirt.spec.Problems;
import dev.polyvirt.spec.SpecException;
import dev.polyvirt.spec.Workload;
import dev.polyvirt.spec.yaml.Node;
import dev.polyvirt.traffic.Traffic;
import dev.polyvirt.traffic.TrafficKinds;
import dev.polyvirt.traffic.trace.TraceTraffic;
import dev.polyvirt.spec.RequestSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A spec file read, validated and bound in one pass: the portfolio, its price book, and each
 * workload's traffic and candidate models. Every problem of the file is reported at once.
 */
public record BoundPortfolio(Portfolio portfolio, PriceBook priceBook, List<BoundWorkload> workloads,
    dev.polyvirt.planner.score.PlannerSettings planner) {
  /** Creates a bound portfolio with the planner's default settings. */
  public BoundPortfolio(Portfolio portfolio, PriceBook priceBook, List<BoundWorkload> workloads) {
    this(portfolio, priceBook, workloads, dev.polyvirt.planner.score.PlannerSettings.defaults());
  }

  /** Loads and binds the spec at {@code file}; throws with every problem found. */
  public static BoundPortfolio load(Path file) throws SpecException {
    Problems problems = new Problems();
    Optional<Portfolio> p = PortfolioLoader.load(file, ComputeModels.names(), problems);
    return bind(p, problems);
  }

  /** Parses and binds spec text (for tests and the dashboard). */
  public static BoundPortfolio parse(String name, String text, Path baseDir) throws SpecException {
    Problems problems = new Problems();
    return bind(PortfolioLoader.parse(name, text, baseDir, ComputeModels.names(), problems), problems);
  }

  private static BoundPortfolio bind(Optional<Portfolio> p, Problems problems) throws SpecException {
    if (p.isEmpty()) {
      problems.throwIfAny();
      throw new IllegalStateException("a spec that could not be read must have problems");
    }
    Portfolio portfolio = p.get();
    PriceBook book = null;
    try {
      book = PriceBooks.load(portfolio.priceBook(), portfolio.baseDir(), portfolio.priceBookMark());
    } catch (SpecException e) {
      problems.addAll(e.problems());
    }
    var planner = dev.polyvirt.planner.score.PlannerSettings.bind(portfolio.planner(), problems);
    List<BoundWorkload> bound = new ArrayList<>();
    for (Workload w : portfolio.workloads()) {
      Optional<Traffic> traffic = TrafficKinds.bind(w.traffic(), portfolio.baseDir(), problems);
      if (traffic.isEmpty()) {
        bindCandidates(w, problems); // still report the model settings' problems in this pass
        continue;
      }
      for (Map.Entry<String, Traffic> e : expand(w, traffic.get(), problems).entrySet()) {
        if (bound.stream().anyMatch(b -> b.workload().name().equals(e.getKey()))) {
          problems.add(w.mark(), "workload name '" + e.getKey() + "' is used twice: another workload has it, or expands to it with function: \"*\"",
              "replay one function in only one workload, or rename the other workload");
          continue;
        }
        Workload effective = effective(w, e.getKey(), e.getValue(), problems);
        long horizon = e.getValue().spanNanos().orElse(portfolio.horizonNanos());
        bound.add(new BoundWorkload(effective, e.getValue(), bindCandidates(effective, problems), horizon));
      }
    }
    problems.throwIfAny();
    return new BoundPortfolio(portfolio, book, List.copyOf(bound), planner);
  }

  private static List<Candidate<?>> bindCandidates(Workload w, Problems problems) {
    List<Candidate<?>> candidates = new ArrayList<>();
    List<String> names = w.candidates().isEmpty() ? ComputeModels.names() : w.candidates();
    for (String name : names) {
      bindCandidate(ComputeModels.get(name).orElseThrow(), Optional.ofNullable(w.models().get(name)), w, problems)
          .ifPresent(candidates::add);
    }
    return List.copyOf(candidates);
  }

  /** Returns the workload's traffic, or with {@code function: "*"} one traffic per function, named by its id. */
  private static Map<String, Traffic> expand(Workload w, Traffic traffic, Problems problems) {
    Map<String, Traffic> out = new LinkedHashMap<>();
    if (traffic instanceof TraceTraffic trace && trace.perFunction()) {
      try {
        for (TraceTraffic one : trace.split()) out.put(one.functions().get(0).id(), one);
      } catch (SpecException e) {
        problems.addAll(e.problems());
      }
    } else {
      out.put(w.name(), traffic);
    }
    return out;
  }

  /**
   * Completes the workload's request with what its trace supplies: a trace's durations and memory
   * take precedence, and the spec's values are defaults (SPEC.md §2, traces).
   */
  private static Workload effective(Workload w, String name, Traffic traffic, Problems problems) {
    RequestSpec request = w.request().withTrace(traffic.duration(), traffic.memoryBytes());
    if (!request.durationGiven()) {
      problems.add(w.mark(), "workload '" + w.name() + "': its trace records no durations and the spec gives none",
          "add request: {duration: ...}, or use a trace format that records durations");
    }
    return new Workload(name, w.runtime(), w.traffic(), request, w.requirements(), w.candidates(), w.models(), w.mark(), w.dataTransfer());
  }

  private static <S> Optional<Candidate<?>> bindCandidate(ComputeModel<S> model, Optional<Node> node, Workload w, Problems problems) {
    return model.bind(node, w, problems).map(s -> new Candidate<>(model, s));
  }

  /** Returns the same portfolio with another seed. */
  public BoundPortfolio withSeed(long seed) {
    return new BoundPortfolio(portfolio.withSeed(seed), priceBook, workloads, planner);
  }

  /** Returns the same portfolio restricted to {@code chosen} workloads. */
  public BoundPortfolio withWorkloads(List<BoundWorkload> chosen) {
    return new BoundPortfolio(portfolio, priceBook, List.copyOf(chosen), planner);
  }
}
