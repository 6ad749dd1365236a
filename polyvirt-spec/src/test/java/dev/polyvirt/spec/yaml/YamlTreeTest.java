package dev.polyvirt.spec.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.polyvirt.spec.Problem;
import dev.polyvirt.spec.Problems;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class YamlTreeTest {
  private final Problems problems = new Problems();

  private Node.MapNode parseMap(String text) {
    Optional<Node> root = YamlTree.parse("s.yaml", text, problems);
    assertThat(problems.all()).isEmpty();
    return (Node.MapNode) root.orElseThrow();
  }

  private static Mark at(int line, int column) {
    return new Mark("s.yaml", line, column);
  }

  @Test
  void marksAreOneBasedLineAndColumnOfKeysAndValues() {
    // Every key and value remembers its 1-based line:column, in block and flow style alike.
    Node.MapNode root = parseMap("""
        name: web
        items:
          - a
          - key: v
        flow: {x: 1, y: [2, 3]}
        """);
    assertThat(root.mark()).isEqualTo(at(1, 1));
    Node.Entry name = root.entries().get("name");
    assertThat(name.key().mark()).isEqualTo(at(1, 1));
    assertThat(name.value().mark()).isEqualTo(at(1, 7));
    Node.ListNode items = (Node.ListNode) root.entries().get("items").value();
    assertThat(root.entries().get("items").key().mark()).isEqualTo(at(2, 1));
    assertThat(items.mark()).isEqualTo(at(3, 3));
    assertThat(items.items().get(0).mark()).isEqualTo(at(3, 5));
    Node.MapNode inner = (Node.MapNode) items.items().get(1);
    assertThat(inner.mark()).isEqualTo(at(4, 5));
    assertThat(inner.entries().get("key").key().mark()).isEqualTo(at(4, 5));
    assertThat(inner.entries().get("key").value().mark()).isEqualTo(at(4, 10));
    Node.MapNode flow = (Node.MapNode) root.entries().get("flow").value();
    assertThat(flow.mark()).isEqualTo(at(5, 7));
    assertThat(flow.entries().get("x").key().mark()).isEqualTo(at(5, 8));
    assertThat(flow.entries().get("x").value().mark()).isEqualTo(at(5, 11));
    Node.ListNode y = (Node.ListNode) flow.entries().get("y").value();
    assertThat(y.items().get(1).mark()).isEqualTo(at(5, 21));
    assertThat(root.entries().keySet()).containsExactly("name", "items", "flow");
  }

  @Test
  void scalarsStayTextAndRememberQuoting() {
    // Values are kept as written (no YAML typing); quoting is recorded, and plain null forms become null.
    Node.MapNode root = parseMap("""
        a: 10
        b: '10'
        c:
        d: ~
        e: "null"
        f: 1.50
        g: true
        """);
    assertThat(root.entries().get("a").value()).isEqualTo(new Node.Scalar("10", false, at(1, 4)));
    assertThat(((Node.Scalar) root.entries().get("b").value()).quoted()).isTrue();
    assertThat(((Node.Scalar) root.entries().get("b").value()).text()).isEqualTo("10");
    assertThat(((Node.Scalar) root.entries().get("c").value()).text()).isNull();
    assertThat(((Node.Scalar) root.entries().get("d").value()).text()).isNull();
    assertThat(((Node.Scalar) root.entries().get("e").value()).text()).isEqualTo("null");
    assertThat(((Node.Scalar) root.entries().get("f").value()).text()).isEqualTo("1.50");
    assertThat(((Node.Scalar) root.entries().get("g").value()).text()).isEqualTo("true");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "a:\\n\\tb: c\\n | 2 | 1",
      "a: b\\n c: d\\n | 2 | 3",
      "key: [1, 2]]\\n | 1 | 12",
      "a: {b: c\\n | 2 | 1",
  })
  void aSyntaxErrorIsOneProblemAtFileLineColumn(String escaped, int line, int column) {
    // Broken YAML yields no tree and exactly one problem, placed at file:line:column, with a hint.
    String text = escaped.replace("\\n", "\n").replace("\\t", "\t");
    assertThat(YamlTree.parse("s.yaml", text, problems)).isEmpty();
    assertThat(problems.all()).singleElement().satisfies(p -> {
      assertThat(p.where()).isEqualTo(at(line, column));
      assertThat(p.message()).startsWith("YAML syntax: ");
      assertThat(p.hint()).isNotBlank();
      assertThat(p.format()).startsWith("s.yaml:" + line + ":" + column + ": error: YAML syntax: ");
    });
  }

  @Test
  void duplicateKeysAreReportedWithTheFirstLine() {
    // A key given twice is reported at the second occurrence, naming the line of the first; the first wins.
    Node.MapNode root = (Node.MapNode) YamlTree.parse("s.yaml", """
        a: 1
        b:
          x: 1
          y: 2
          x: 3
        a: 4
        """, problems).orElseThrow();
    List<Problem> all = problems.all();
    assertThat(all).extracting(Problem::where).containsExactly(at(5, 3), at(6, 1));
    assertThat(all.get(0).message()).isEqualTo("'x' is given twice (first at line 3)");
    assertThat(all.get(1).message()).isEqualTo("'a' is given twice (first at line 1)");
    assertThat(all).allSatisfy(p -> assertThat(p.hint()).isNotBlank());
    assertThat(((Node.Scalar) root.entries().get("a").value()).text()).isEqualTo("1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "# only a comment\n", "\n\n"})
  void anEmptyFileIsReported(String text) {
    // A file with no document is one problem for the whole file, with a hint.
    assertThat(YamlTree.parse("s.yaml", text, problems)).isEmpty();
    assertThat(problems.all()).singleElement().satisfies(p -> {
      assertThat(p.where()).isEqualTo(Mark.file("s.yaml"));
      assertThat(p.message()).contains("empty");
      assertThat(p.hint()).isNotBlank();
      assertThat(p.format()).startsWith("s.yaml: error: ");
    });
  }

  @Test
  void aNonScalarKeyIsReported() {
    // Keys must be plain names; a complex key is reported at its own mark.
    YamlTree.parse("s.yaml", "? [a, b]\n: c\nd: e\n", problems);
    assertThat(problems.all()).singleElement().satisfies(p -> {
      assertThat(p.where()).isEqualTo(at(1, 3));
      assertThat(p.message()).contains("key");
    });
  }

  @Test
  void aliasesExpandToTheAnchoredValue() {
    // A *alias reads the same as the &anchored value it names.
    Node.MapNode root = parseMap("""
        base: &b {cpu: 1}
        other: *b
        """);
    Node.MapNode other = (Node.MapNode) root.entries().get("other").value();
    assertThat(((Node.Scalar) other.entries().get("cpu").value()).text()).isEqualTo("1");
  }

  @Test
  void aRecursiveAliasIsAProblemNotACrash() {
    // A value that contains itself cannot be a spec: it must be reported, not overflow the stack.
    assertThatCode(() -> YamlTree.parse("s.yaml", "a: &x [1, *x]\n", problems)).doesNotThrowAnyException();
    assertThat(problems.isEmpty()).isFalse();
  }
}
