package dev.polyvirt.spec.yaml;

import java.util.LinkedHashMap;
import java.util.List;

/** A YAML value that remembers where it was written, so every error can name file:line:column. */
public sealed interface Node permits Node.Scalar, Node.MapNode, Node.ListNode {
  /** Returns where the value starts. */
  Mark mark();

  /** Names the kind of value for error messages ("a mapping", "a list", "a value"). */
  String kind();

  /** A scalar: its text as written (null for YAML null), and whether it was quoted. */
  record Scalar(String text, boolean quoted, Mark mark) implements Node {
    @Override
    public String kind() {
      return text == null ? "nothing (null)" : "a value";
    }
  }

  /** A key in a mapping, with its own mark. */
  record Key(String name, Mark mark) {}

  /** A mapping with string keys in file order. */
  record MapNode(LinkedHashMap<String, Entry> entries, Mark mark) implements Node {
    @Override
    public String kind() {
      return "a mapping";
    }
  }

  /** One key: value pair of a mapping. */
  record Entry(Key key, Node value) {}

  /** A sequence. */
  record ListNode(List<Node> items, Mark mark) implements Node {
    @Override
    public String kind() {
      return "a list";
    }
  }
}
