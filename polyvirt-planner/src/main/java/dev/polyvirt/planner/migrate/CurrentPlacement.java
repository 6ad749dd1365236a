package dev.polyvirt.planner.migrate;

import dev.polyvirt.spec.Fields;
import dev.polyvirt.spec.Problems;
import dev.polyvirt.spec.SpecException;
import dev.polyvirt.spec.yaml.Mark;
import dev.polyvirt.spec.yaml.Node;
import dev.polyvirt.spec.yaml.YamlTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a portfolio's workloads run today ({@code polyvirt migrate --from current.yaml}):
 *
 * <pre>
 * apiVersion: polyvirt/v1
 * kind: CurrentPlacement
 * placements:
 *   catalog-api: vm                           # the model it runs on now
 *   search-indexer: {model: vm, size: large}  # size: small | medium | large (effort factor)
 * migration: {personWeeks: {refactor-and-rearchitect: 8}, costPerPersonWeek: 3000, teamSize: 2}
 * </pre>
 *
 * @param placements workload name → its current placement, in file order
 */
public record CurrentPlacement(Map<String, Placement> placements, MigrationSettings settings) {
  /** One workload's current model and size. */
  public record Placement(String model, String size, Mark mark) {}

  /** Reads and checks {@code file} against the spec's workload names and the known models; throws with every problem. */
  public static CurrentPlacement load(Path file, List<String> workloads, List<String> models) throws SpecException {
    Problems problems = new Problems();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw SpecException.of(Mark.file(file.toString()), "cannot read the current placement: " + e.getMessage(),
          "give the path of a file with kind: CurrentPlacement");
    }
    Optional<CurrentPlacement> c = parse(file.toString(), text, workloads, models, problems);
    problems.throwIfAny();
    return c.orElseThrow();
  }

  /** Parses current-placement text, adding every problem to {@code problems}. */
  public static Optional<CurrentPlacement> parse(String name, String text, List<String> workloads, List<String> models, Problems problems) {
    Optional<Fields> top = YamlTree.parse(name, text, problems).flatMap(n -> Fields.of(n, problems, "the current placement"));
    if (top.isEmpty()) return Optional.empty();
    Fields f = top.get();
    f.string("apiVersion").filter(v -> !v.equals("polyvirt/v1")).ifPresent(v -> problems.add(f.node("apiVersion").get().mark(),
        "apiVersion must be polyvirt/v1, found '" + v + "'", "write apiVersion: polyvirt/v1"));
    String kind = f.string("kind").orElse("");
    if (!kind.equals("CurrentPlacement")) {
      problems.add(f.node("kind").map(Node::mark).orElse(f.mark()), "kind must be CurrentPlacement" + (kind.isEmpty() ? "" : ", found '" + kind + "'"),
          "the --from file says where workloads run today: kind: CurrentPlacement");
    }
    Map<String, Placement> out = new LinkedHashMap<>();
    f.required("placements", "list each workload's current model, e.g. placements: {catalog-api: vm}")
        .flatMap(n -> Fields.of(n, problems, "placements")).ifPresent(pf -> {
          for (String w : pf.keys()) {
            if (!workloads.contains(w)) {
              problems.add(pf.keyMark(w), "no workload '" + w + "' in the spec",
                  Fields.suggestion(w, workloads).map(s -> "did you mean '" + s + "'?").orElse("workloads: " + String.join(", ", workloads)));
              pf.node(w);
              continue;
            }
            placement(pf.node(w).orElseThrow(), models, problems).ifPresent(p -> out.put(w, p));
          }
          pf.done();
        });
    MigrationSettings settings = MigrationSettings.bind(f.node("migration"), problems);
    f.done();
    for (String w : workloads) {
      if (!out.containsKey(w) && f.node("placements").isPresent() && problems.isEmpty()) {
        problems.add(f.keyMark("placements"), "workload '" + w + "' has no current placement", "add " + w + ": <model> under placements");
      }
    }
    return Optional.of(new CurrentPlacement(out, settings));
  }

  private static Optional<Placement> placement(Node n, List<String> models, Problems problems) {
    if (n instanceof Node.Scalar s && s.text() != null) return model(s.text(), s.mark(), models, problems).map(m -> new Placement(m, "medium", s.mark()));
    return Fields.of(n, problems, "a placement").flatMap(pf -> {
      Optional<String> model = pf.string("model").flatMap(m -> model(m, pf.node("model").get().mark(), models, problems));
      if (!pf.has("model")) problems.add(pf.mark(), "a placement needs its 'model'", "e.g. {model: vm, size: large}");
      String size = pf.oneOf("size", MigrationSettings.SIZES).orElse("medium");
      pf.done();
      return model.map(m -> new Placement(m, size, pf.mark()));
    });
  }

  private static Optional<String> model(String m, Mark mark, List<String> models, Problems problems) {
    if (models.contains(m)) return Optional.of(m);
    problems.add(mark, "unknown compute model '" + m + "'",
        Fields.suggestion(m, models).map(s -> "did you mean '" + s + "'? ").orElse("") + "models: " + String.join(", ", models));
    return Optional.empty();
  }
}
