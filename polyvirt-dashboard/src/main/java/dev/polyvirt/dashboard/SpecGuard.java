package dev.polyvirt.dashboard;

import dev.polyvirt.spec.Problems;
import dev.polyvirt.spec.SpecException;
import dev.polyvirt.spec.yaml.Node;
import dev.polyvirt.spec.yaml.YamlTree;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Keeps a spec sent to the dashboard inside the workspace: every value that, read as a path
 * against the spec's folder, leads outside the workspace (an absolute path, {@code ..} too far, a
 * link that leaves) is a problem at its line and column, found before anything is read. The rule
 * looks at every value rather than at known keys, so a file key added to the spec later is
 * covered too; values that are not paths (rates, cron lines, names) resolve inside and pass.
 */
final class SpecGuard {
  private SpecGuard() {}

  /** Throws with every value of {@code text} that points outside {@code workspace}. */
  static void check(String name, String text, Path specFolder, Workspace workspace) throws SpecException {
    Problems problems = new Problems();
    Optional<Node> tree = YamlTree.parse(name, text, problems);
    tree.ifPresent(n -> walk(n, specFolder, workspace, problems));
    problems.throwIfAny(); // YAML syntax problems too: the loader would report the same
  }

  private static void walk(Node node, Path folder, Workspace workspace, Problems problems) {
    if (node instanceof Node.Scalar s) {
      if (s.text() != null && !s.text().isEmpty() && workspace.resolve(folder, s.text()).isEmpty()) {
        problems.add(s.mark(), "'" + s.text() + "' points outside the workspace " + workspace.root(),
            "the dashboard reads only files under its workspace: copy the file there and name it by a relative path");
      }
    } else if (node instanceof Node.MapNode m) {
      m.entries().values().forEach(e -> walk(e.value(), folder, workspace, problems));
    } else if (node instanceof Node.ListNode l) {
      l.items().forEach(i -> walk(i, folder, workspace, problems));
    }
  }
}
