package dev.polyvirt.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.engine.random.RandomStreams;
import dev.polyvirt.pricing.PriceBook;
import dev.polyvirt.pricing.PriceBooks;
import dev.polyvirt.spec.Portfolio;
import dev.polyvirt.spec.PortfolioLoader;
import dev.polyvirt.spec.Problem;
import dev.polyvirt.spec.Problems;
import dev.polyvirt.spec.SpecException;
import dev.polyvirt.spec.Workload;
import dev.polyvirt.traffic.Traffic;
import dev.polyvirt.traffic.TrafficKinds;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Builds what the planner would build for one workload, without the planner (which depends on
 * this module): the spec parsed, its traffic bound, the price book loaded, the workload's random
 * streams derived from the spec seed, and a model's settings bound.
 */
public final class Runs {
  private Runs() {}

  /**
   * Returns a spec with one workload named {@code w}; {@code body} holds the workload's keys
   * (runtime, traffic, request, ...) at the left margin and is indented under {@code - name: w}.
   */
  public static String spec(String horizon, long seed, String body) {
    String indented = body.stripTrailing().lines().map(l -> "    " + l).collect(Collectors.joining("\n"));
    return "apiVersion: polyvirt/v1\nkind: Portfolio\nname: t\nseed: " + seed + "\nhorizon: " + horizon
        + "\nworkloads:\n  - name: w\n" + indented + "\n";
  }

  /** Returns {@link #spec(String, long, String)} with seed 7. */
  public static String spec(String horizon, String body) {
    return spec(horizon, 7, body);
  }

  /** Returns the 1-based line of the first line of {@code yaml} containing {@code text}. */
  public static int lineOf(String yaml, String text) {
    List<String> lines = yaml.lines().toList();
    for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
    throw new AssertionError("'" + text + "' is not in\n" + yaml);
  }

  /** Parses {@code yaml}, failing the test on any problem. */
  public static Portfolio portfolio(String yaml) {
    Problems problems = new Problems();
    Optional<Portfolio> p = PortfolioLoader.parse("t.yaml", yaml, Path.of("."), ComputeModels.names(), problems);
    assertThat(problems.all()).as("spec problems").isEmpty();
    return p.orElseThrow();
  }

  /** Returns the context of the spec's first workload, its cluster shared by {@code containerWorkloads}. */
  public static RunContext context(String yaml, int containerWorkloads) {
    Portfolio p = portfolio(yaml);
    Workload w = p.workloads().get(0);
    Problems problems = new Problems();
    Traffic traffic = TrafficKinds.bind(w.traffic(), problems).orElse(null);
    assertThat(problems.all()).as("traffic problems").isEmpty();
    PriceBook book;
    try {
      book = PriceBooks.load(p.priceBook(), Path.of("."));
    } catch (SpecException e) {
      throw new AssertionError(e.getMessage(), e);
    }
    RandomStreams streams = RandomStreams.root(p.seed()).child("workload:" + w.name());
    return new RunContext(w, traffic, p.horizonNanos(), book, streams, containerWorkloads);
  }

  /** Returns the context of the spec's first workload, alone on its cluster. */
  public static RunContext context(String yaml) {
    return context(yaml, 1);
  }

  /** Binds {@code model}'s settings for the context's workload, failing the test on any problem. */
  public static <S> S settings(ComputeModel<S> model, RunContext ctx) {
    Problems problems = new Problems();
    Optional<S> s = model.bind(Optional.ofNullable(ctx.workload().models().get(model.name())), ctx.workload(), problems);
    assertThat(problems.all()).as("settings problems").isEmpty();
    return s.orElseThrow();
  }

  /** Binds {@code model}'s settings for the first workload of {@code yaml} and returns the problems found. */
  public static List<Problem> bindProblems(ComputeModel<?> model, String yaml) {
    Workload w = portfolio(yaml).workloads().get(0);
    Problems problems = new Problems();
    model.bind(Optional.ofNullable(w.models().get(model.name())), w, problems);
    return problems.all();
  }

  /** Checks feasibility and simulates the first workload of the context on {@code model}. */
  public static <S> ModelResult run(ComputeModel<S> model, RunContext ctx) {
    return new Candidate<>(model, settings(model, ctx)).run(ctx);
  }

  /** Checks feasibility and simulates the first workload of {@code yaml} on {@code model}. */
  public static <S> ModelResult run(ComputeModel<S> model, String yaml) {
    return run(model, context(yaml));
  }

  /** Simulates the first workload of {@code yaml} on {@code model}, failing the test if it is infeasible. */
  public static ModelResult.Figures figures(ComputeModel<?> model, String yaml) {
    ModelResult r = run(model, yaml);
    assertThat(r.feasible()).as("%s feasible, reasons %s", model.name(), r.infeasibleReasons()).isTrue();
    return r.figures().orElseThrow();
  }
}
