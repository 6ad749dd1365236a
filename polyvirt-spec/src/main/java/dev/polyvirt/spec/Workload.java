package dev.polyvirt.spec;

import dev.polyvirt.spec.yaml.Mark;
import dev.polyvirt.spec.yaml.Node;
import java.util.List;
import java.util.Map;

/**
 * One workload of a portfolio as written in the spec. Traffic and per-model settings stay as
 * marked YAML nodes here: each traffic kind and each compute model binds its own part (they are
 * extension points living in higher modules), reporting problems with the same marks.
 *
 * @param models per-model settings keyed by model name, in file order
 * @param dataTransfer the bytes its requests and responses move ({@link DataTransfer#NONE} without the section)
 */
public record Workload(String name, String runtime, Node traffic, RequestSpec request,
    Requirements requirements, List<String> candidates, Map<String, Node> models, Mark mark, DataTransfer dataTransfer) {
  /** Creates a workload that moves no data. */
  public Workload(String name, String runtime, Node traffic, RequestSpec request,
      Requirements requirements, List<String> candidates, Map<String, Node> models, Mark mark) {
    this(name, runtime, traffic, request, requirements, candidates, models, mark, DataTransfer.NONE);
  }

  public static final List<String> RUNTIMES =
      List.of("java", "java-native", "python", "node", "go", "dotnet", "ruby", "container-image", "wasm");
}
