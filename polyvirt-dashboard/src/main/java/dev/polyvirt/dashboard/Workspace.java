package dev.polyvirt.dashboard;

import dev.polyvirt.results.ResultsDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The one folder the dashboard may read and write: specs under it, and the results database in its
 * {@code polyvirt-out} (where {@code polyvirt plan} writes by default). Every path a request names
 * is resolved here, and refused when it leads outside — by {@code ..}, an absolute path or a
 * symbolic link.
 */
public final class Workspace {
  /** The output folder inside the workspace, as {@code polyvirt plan}'s default {@code --out}. */
  public static final String OUT = "polyvirt-out";
  /** How deep the spec picker looks for YAML files (the workspace root, examples/, one more level). */
  private static final int SPEC_DEPTH = 3;
  private final Path root;

  /** Creates the workspace at {@code root}, which must be an existing folder. */
  public Workspace(Path root) throws IOException {
    this.root = root.toRealPath();
    if (!Files.isDirectory(this.root)) throw new IOException(root + " is not a folder");
  }

  /** Returns the workspace folder (absolute, symbolic links resolved). */
  public Path root() {
    return root;
  }

  /** Returns the results database of the workspace. */
  public ResultsDatabase results() {
    return ResultsDatabase.at(root.resolve(OUT));
  }

  /** Returns {@code relative} resolved inside the workspace, or empty when it would lead outside. */
  public Optional<Path> resolve(String relative) {
    return resolve(root, relative);
  }

  /** Returns {@code text} resolved against {@code base} when that stays inside the workspace, else empty. */
  public Optional<Path> resolve(Path base, String text) {
    try {
      if (text == null || text.isEmpty() || text.indexOf('\0') >= 0) return Optional.empty();
      Path p = base.resolve(text).normalize();
      if (!p.startsWith(root)) return Optional.empty();
      if (Files.exists(p) && !p.toRealPath().startsWith(root)) return Optional.empty(); // a link that leaves
      return Optional.of(p);
    } catch (InvalidPathException | IOException e) {
      return Optional.empty();
    }
  }

  /** Returns {@code path} relative to the workspace, with forward slashes. */
  public String relative(Path path) {
    return root.relativize(path).toString().replace('\\', '/');
  }

  /** Lists the YAML specs under the workspace (not in the output folder), by path. */
  public List<String> specs() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root, SPEC_DEPTH)) {
      files.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
          .map(this::relative)
          .filter(r -> !r.startsWith(OUT + "/") && !r.startsWith(".") && !r.contains("/."))
          .sorted()
          .forEach(found::add);
    }
    return found;
  }
}
