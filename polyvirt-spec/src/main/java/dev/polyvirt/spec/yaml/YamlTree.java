package dev.polyvirt.spec.yaml;

import dev.polyvirt.spec.Problems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Parses YAML text into {@link Node}s with marks, using SnakeYAML Engine's composer (YAML 1.2).
 *
 * <p>Values stay text: each binder decides whether "10" is a count, "10m" a duration or "500m"
 * a CPU quantity, and says so with the mark when it is neither.
 */
public final class YamlTree {
  private YamlTree() {}

  /** Parses one YAML document; syntax errors go to {@code problems} and yield an empty result. */
  public static Optional<Node> parse(String file, String text, Problems problems) {
    LoadSettings settings = LoadSettings.builder().setLabel(file).setAllowDuplicateKeys(true)
        .setUseMarks(true).setCodePointLimit(64 * 1024 * 1024).build();
    try {
      Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
      Optional<org.snakeyaml.engine.v2.nodes.Node> root = composer.getSingleNode();
      if (root.isEmpty()) {
        problems.add(Mark.file(file), "the file is empty", "start from an example in examples/");
        return Optional.empty();
      }
      return Optional.of(convert(file, root.get(), problems, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>())));
    } catch (MarkedYamlEngineException e) {
      Mark m = e.getProblemMark().map(pm -> new Mark(file, pm.getLine() + 1, pm.getColumn() + 1)).orElse(Mark.file(file));
      problems.add(m, "YAML syntax: " + firstLine(e.getProblem()), "check indentation and quoting around this point");
      return Optional.empty();
    } catch (YamlEngineException e) {
      problems.add(Mark.file(file), "YAML syntax: " + firstLine(e.getMessage()), "check the file is valid YAML");
      return Optional.empty();
    }
  }

  private static String firstLine(String s) {
    if (s == null) return "unreadable";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static Mark mark(String file, org.snakeyaml.engine.v2.nodes.Node n) {
    return n.getStartMark().map(m -> new Mark(file, m.getLine() + 1, m.getColumn() + 1)).orElse(Mark.file(file));
  }

  /** Converts a node; {@code path} holds the collections being converted, to catch an alias to itself. */
  private static Node convert(String file, org.snakeyaml.engine.v2.nodes.Node n, Problems problems,
      java.util.Set<org.snakeyaml.engine.v2.nodes.Node> path) {
    Mark at = mark(file, n);
    if (!(n instanceof ScalarNode) && !path.add(n)) {
      problems.add(at, "a value refers to itself through an alias", "remove the recursive *alias");
      return new Node.Scalar(null, false, at);
    }
    try {
      return convertIn(file, n, problems, path, at);
    } finally {
      path.remove(n);
    }
  }

  private static Node convertIn(String file, org.snakeyaml.engine.v2.nodes.Node n, Problems problems,
      java.util.Set<org.snakeyaml.engine.v2.nodes.Node> path, Mark at) {
    if (n instanceof ScalarNode s) {
      boolean plain = s.isPlain();
      String v = s.getValue();
      boolean isNull = plain && (v.isEmpty() || v.equals("~") || v.equals("null") || v.equals("Null") || v.equals("NULL"));
      return new Node.Scalar(isNull ? null : v, !plain, at);
    }
    if (n instanceof SequenceNode seq) {
      List<Node> items = new ArrayList<>();
      for (org.snakeyaml.engine.v2.nodes.Node item : seq.getValue()) items.add(convert(file, item, problems, path));
      return new Node.ListNode(List.copyOf(items), at);
    }
    MappingNode map = (MappingNode) n;
    LinkedHashMap<String, Node.Entry> entries = new LinkedHashMap<>();
    for (NodeTuple t : map.getValue()) {
      Mark km = mark(file, t.getKeyNode());
      if (!(t.getKeyNode() instanceof ScalarNode ks)) {
        problems.add(km, "a key must be a plain name", "write the key as text, e.g. name:");
        continue;
      }
      String key = ks.getValue();
      if (entries.containsKey(key)) {
        problems.add(km, "'" + key + "' is given twice (first at line " + entries.get(key).key().mark().line() + ")",
            "keep one of them");
        continue;
      }
      entries.put(key, new Node.Entry(new Node.Key(key, km), convert(file, t.getValueNode(), problems, path)));
    }
    return new Node.MapNode(entries, at);
  }
}
