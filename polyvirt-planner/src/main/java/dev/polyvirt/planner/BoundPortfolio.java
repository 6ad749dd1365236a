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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A spec file read, validated and bound in one pass: the portfolio, its price book, and each
 * workload's traffic and candidate models. Every problem of the file is reported at once.
 */
public record BoundPortfolio(Portfolio portfolio, PriceBook priceBook, List<BoundWorkload> workloads) {

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
    List<BoundWorkload> bound = new ArrayList<>();
    for (Workload w : portfolio.workloads()) {
      Optional<Traffic> traffic = TrafficKinds.bind(w.traffic(), problems);
      List<Candidate<?>> candidates = new ArrayList<>();
      List<String> names = w.candidates().isEmpty() ? ComputeModels.names() : w.candidates();
      for (String name : names) {
        bindCandidate(ComputeModels.get(name).orElseThrow(), Optional.ofNullable(w.models().get(name)), w, problems)
            .ifPresent(candidates::add);
      }
      traffic.ifPresent(t -> bound.add(new BoundWorkload(w, t, List.copyOf(candidates))));
    }
    problems.throwIfAny();
    return new BoundPortfolio(portfolio, book, List.copyOf(bound));
  }

  private static <S> Optional<Candidate<?>> bindCandidate(ComputeModel<S> model, Optional<Node> node, Workload w, Problems problems) {
    return model.bind(node, w, problems).map(s -> new Candidate<>(model, s));
  }

  /** Returns the same portfolio with another seed. */
  public BoundPortfolio withSeed(long seed) {
    return new BoundPortfolio(portfolio.withSeed(seed), priceBook, workloads);
  }
}
