package dev.polyvirt.spec;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.dist.Distribution;
import dev.polyvirt.spec.yaml.Mark;
import dev.polyvirt.spec.yaml.Node;
import dev.polyvirt.spec.yaml.YamlTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads a spec file's shared part (SPEC.md §2) into a {@link Portfolio}, collecting every problem.
 *
 * <p>Traffic kinds and model settings are bound afterwards by their registries with the same
 * {@link Problems}, so one pass reports every error of the file at once.
 */
public final class PortfolioLoader {
  static final String API_VERSION = "polyvirt/v1";
  static final long DEFAULT_HORIZON = 7 * SimTime.NANOS_PER_DAY;
  static final String DEFAULT_PRICE_BOOK = "aws-us-east-1";
  /** Default request CPU: one core busy per request (a conservative, CPU-bound default). */
  static final int DEFAULT_CPU_MILLIS = 1000;
  /** Default request memory: 128 MiB, the smallest Lambda size. */
  static final long DEFAULT_MEMORY = 128L << 20;
  /** Stands for a duration a trace will supply; replaced when the traffic is bound (never simulated). */
  static final Distribution PLACEHOLDER = new dev.polyvirt.engine.dist.Fixed(0);
  /** The VM placement policies infrastructure may name (the registry lives in polyvirt-models, above spec). */
  public static final List<String> PLACEMENTS = List.of("first-fit", "best-fit", "worst-fit", "spread");

  private PortfolioLoader() {}

  /** Reads and parses a spec file; problems are added to {@code problems}. */
  public static Optional<Portfolio> load(Path file, List<String> models, Problems problems) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      problems.add(Mark.file(file.toString()), "no such file", "check the path; examples are in examples/");
      return Optional.empty();
    } catch (IOException e) {
      problems.add(Mark.file(file.toString()), "cannot read the file: " + e.getMessage(), "check that it is a readable text file");
      return Optional.empty();
    }
    Path base = file.toAbsolutePath().getParent();
    return parse(file.toString(), text, base, models, problems);
  }

  /** Parses spec text named {@code fileName}; {@code models} are the compute model names known. */
  public static Optional<Portfolio> parse(String fileName, String text, Path baseDir, List<String> models, Problems problems) {
    Optional<Node> root = YamlTree.parse(fileName, text, problems);
    if (root.isEmpty()) return Optional.empty();
    Optional<Fields> top = Fields.of(root.get(), problems, "the spec");
    if (top.isEmpty()) return Optional.empty();
    Fields f = top.get();
    f.string("apiVersion").ifPresentOrElse(v -> {
      if (!v.equals(API_VERSION)) {
        problems.add(f.node("apiVersion").get().mark(), "apiVersion must be " + API_VERSION + ", found '" + v + "'",
            "this polyvirt reads " + API_VERSION + " specs");
      }
    }, () -> problems.add(f.mark(), "the spec needs 'apiVersion: " + API_VERSION + "'", "add it as the first line"));
    f.string("kind").ifPresentOrElse(v -> {
      if (!v.equals("Portfolio")) problems.add(f.node("kind").get().mark(), "kind must be Portfolio, found '" + v + "'",
          "a spec file describes a portfolio: write kind: Portfolio");
    }, () -> problems.add(f.mark(), "the spec needs 'kind: Portfolio'", "add 'kind: Portfolio' after apiVersion"));
    String name = f.string("name").orElseGet(() -> {
      if (!f.has("name")) problems.add(f.mark(), "the spec needs a 'name'", "e.g. name: webshop");
      return "unnamed";
    });
    long seed = f.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE).orElse(1);
    long horizon = f.duration("horizon").orElse(DEFAULT_HORIZON);
    if (horizon <= 0) problems.add(f.keyMark("horizon"), "'horizon' must be positive", "e.g. horizon: 7d");
    String priceBook = f.string("priceBook").orElse(DEFAULT_PRICE_BOOK);
    Mark priceBookMark = f.node("priceBook").map(Node::mark).orElse(Mark.file(fileName));
    List<Workload> workloads = new ArrayList<>();
    // infrastructure: a private datacenter for the datacenter model (issue #7); checked once here
    Optional<Node> infrastructure = f.node("infrastructure");
    infrastructure.ifPresent(n -> InfrastructureLoader.read(n, PLACEMENTS, problems));
    Optional<Node> wl = f.required("workloads", "list the workloads to place under 'workloads:'");
    Optional<Node> planner = f.node("planner"); // weights and rates, bound by the planner module in the same pass
    f.done();
    wl.ifPresent(n -> {
      if (!(n instanceof Node.ListNode list) || list.items().isEmpty()) {
        problems.add(n.mark(), "'workloads' must be a non-empty list", "start each workload with '- name: ...'");
        return;
      }
      Map<String, Mark> seen = new HashMap<>();
      for (Node item : list.items()) {
        workload(item, models, infrastructure, problems).ifPresent(w -> {
          Mark first = seen.putIfAbsent(w.name(), w.mark());
          if (first != null) {
            problems.add(w.mark(), "workload name '" + w.name() + "' is used twice (first at line " + first.line() + ")",
                "names identify results and random streams: make them unique");
          } else {
            workloads.add(w);
          }
        });
      }
    });
    return Optional.of(new Portfolio(name, seed, Math.max(1, horizon), priceBook, List.copyOf(workloads), baseDir, fileName,
        priceBookMark, planner));
  }

  private static Optional<Workload> workload(Node node, List<String> known, Optional<Node> infrastructure, Problems problems) {
    Optional<Fields> of = Fields.of(node, problems, "a workload");
    if (of.isEmpty()) return Optional.empty();
    Fields f = of.get();
    Optional<String> name = f.string("name");
    if (!f.has("name")) problems.add(f.mark(), "a workload needs a 'name'", "e.g. - name: checkout-api");
    name.filter(n -> !n.matches("[A-Za-z0-9][A-Za-z0-9._-]*")).ifPresent(n -> problems.add(f.node("name").get().mark(),
        "workload name '" + n + "' has characters other than letters, digits, '.', '_' and '-'", "e.g. checkout-api"));
    String where = "workload '" + name.orElse("?") + "'";
    String runtime = f.oneOf("runtime", Workload.RUNTIMES).orElse("container-image");
    Optional<Node> traffic = f.required("traffic", "give exactly one traffic kind, e.g. traffic: {poisson: {ratePerSecond: 2}}");
    boolean trace = traffic.filter(t -> t instanceof Node.MapNode m && m.entries().containsKey("trace")).isPresent();
    RequestSpec request = f.node("request").flatMap(r -> request(r, where, trace, problems)).orElse(null);
    if (!f.has("request")) {
      if (trace) request = new RequestSpec(PLACEHOLDER, DEFAULT_CPU_MILLIS, DEFAULT_MEMORY, false, false);
      else problems.add(f.mark(), where + " needs a 'request' with its 'duration'", "e.g. request: {duration: 120ms}");
    }
    Requirements req = f.node("requirements").flatMap(r -> requirements(r, where, problems)).orElse(Requirements.defaults());
    List<String> candidates = candidates(f, known, problems);
    Map<String, Node> models = new LinkedHashMap<>();
    f.node("models").ifPresent(m -> Fields.of(m, problems, where + " models").ifPresent(mf -> {
      for (String k : mf.keys()) {
        if (known.contains(k)) models.put(k, mf.node(k).get());
        else problems.add(mf.keyMark(k), "unknown compute model '" + k + "' under models", hint(k, known));
      }
    }));
    DataTransfer transfer = f.node("dataTransfer").flatMap(n -> DataTransfer.read(n, where, problems)).orElse(DataTransfer.NONE);
    String kind = f.oneOf("kind", List.of("service", "job")).orElse("service");
    InfrastructureLoader.attach(models, infrastructure, kind, f.mark());
    f.done();
    if (name.isEmpty() || traffic.isEmpty() || request == null) return Optional.empty();
    return Optional.of(new Workload(name.get(), runtime, traffic.get(), request, req, candidates, models, f.mark(), transfer));
  }

  private static List<String> candidates(Fields f, List<String> known, Problems problems) {
    Optional<Node> n = f.node("candidates");
    if (n.isEmpty()) return List.of();
    List<Node> items = n.get() instanceof Node.ListNode l ? l.items() : List.of(n.get());
    List<String> out = new ArrayList<>();
    boolean itemReported = false;
    for (Node item : items) {
      if (!(item instanceof Node.Scalar s) || s.text() == null) {
        problems.add(item.mark(), "a candidate must be a model name", "e.g. candidates: [vm, container, faas]");
        itemReported = true;
      } else if (!known.contains(s.text())) {
        problems.add(s.mark(), "unknown compute model '" + s.text() + "'", hint(s.text(), known));
        itemReported = true;
      } else if (!out.contains(s.text())) {
        out.add(s.text());
      }
    }
    if (out.isEmpty() && !itemReported) problems.add(n.get().mark(), "'candidates' is empty", "list at least one model, or leave it out for all");
    return out;
  }

  private static String hint(String word, List<String> known) {
    return Fields.suggestion(word, known).map(s -> "did you mean '" + s + "'? ").orElse("") + "models: " + String.join(", ", known);
  }

  private static Optional<RequestSpec> request(Node node, String where, boolean trace, Problems problems) {
    return Fields.of(node, problems, where + " request").flatMap(f -> {
      // a trace may supply durations: then the duration is an optional default
      Optional<Distribution> d = (trace ? f.node("duration") : f.required("duration", "e.g. duration: 120ms or {exponential: {mean: 2s}}"))
          .flatMap(n -> DistributionSpec.bind(n, "request duration", problems));
      boolean durationGiven = d.isPresent();
      if (trace && d.isEmpty() && !f.has("duration")) d = Optional.of(PLACEHOLDER);
      int cpu = f.parsed("cpu", Units::cpuMillis).orElse(DEFAULT_CPU_MILLIS);
      long mem = f.parsed("memory", Units::memoryBytes).orElse(DEFAULT_MEMORY);
      if (f.has("cpu") && cpu <= 0) problems.add(f.keyMark("cpu"), "'cpu' must be positive", "e.g. cpu: 250m");
      if (f.has("memory") && mem <= 0) problems.add(f.keyMark("memory"), "'memory' must be positive", "e.g. memory: 256Mi");
      boolean memoryGiven = f.has("memory");
      f.done();
      return d.map(dist -> new RequestSpec(dist, Math.max(1, cpu), Math.max(1, mem), durationGiven, memoryGiven));
    });
  }

  private static Optional<Requirements> requirements(Node node, String where, Problems problems) {
    return Fields.of(node, problems, where + " requirements").map(f -> {
      Requirements def = Requirements.defaults();
      OptionalLong slo = f.duration("latencyP99");
      String iso = f.oneOf("isolation", Requirements.ISOLATIONS).orElse(def.isolation());
      List<String> compliance = f.strings("compliance").orElse(List.of());
      String state = f.oneOf("state", Requirements.STATES).orElse(def.state());
      String os = f.oneOf("os", Requirements.OSES).orElse(def.os());
      int gpu = (int) f.integer("gpu", 0, 16).orElse(0);
      String connections = f.oneOf("connections", Requirements.CONNECTIONS).orElse(def.connections());
      String exposure = f.oneOf("exposure", Requirements.EXPOSURES).orElse(def.exposure());
      boolean confidential = f.bool("confidential").orElse(def.confidential());
      f.done();
      return new Requirements(slo, iso, List.copyOf(compliance), state, os, gpu, connections, exposure, confidential);
    });
  }
}
