package dev.polyvirt.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing a report whole or not at all. */
class AtomicFileTest {
  @TempDir
  Path dir;

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writesTheTextCreatingFoldersAndLeavesNoTemporaryFile() throws IOException {
    // write() creates missing parent folders and leaves exactly the target behind, holding the text in UTF-8.
    Path target = dir.resolve("out/deep/results.json");
    AtomicFile.write(target, "{\"µ\": \"é\"}\n");
    assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo("{\"µ\": \"é\"}\n");
    assertThat(names(target.getParent())).containsExactly("results.json");
  }

  @Test
  void replacesAnExistingFileByRenameNotInPlace() throws IOException {
    // Overwriting swaps in a new file (a rename), so a reader holding the old one never sees a half-written mix, and no temporary is left.
    Path target = dir.resolve("report.html");
    AtomicFile.write(target, "old contents that are longer than the new ones");
    Object before = Files.getAttribute(target, "unix:ino");
    Path link = dir.resolve("old-view");
    Files.createLink(link, target); // a second name for the old file, as an open reader would hold it
    AtomicFile.write(target, "new");
    assertThat(Files.readString(target)).isEqualTo("new");
    assertThat(Files.getAttribute(target, "unix:ino")).isNotEqualTo(before);
    assertThat(Files.readString(link)).as("the old file is untouched").isEqualTo("old contents that are longer than the new ones");
    assertThat(names(dir)).containsExactly("old-view", "report.html");
  }

  @Test
  void failedWriteLeavesNoTemporaryFile() throws IOException {
    // When the target cannot be replaced (it is a non-empty folder), write() fails and leaves nothing behind.
    Path target = dir.resolve("results.json");
    Files.createDirectories(target);
    Files.writeString(target.resolve("keep"), "x");
    assertThatThrownBy(() -> AtomicFile.write(target, "{}")).isInstanceOf(IOException.class);
    assertThat(names(dir)).containsExactly("results.json");
    assertThat(names(target)).containsExactly("keep");
  }

  @Test
  void writtenFileIsReadableLikeAnOrdinaryOne() throws IOException {
    // The report gets the permissions an ordinary file written in the same folder gets, not the owner-only mode of a temporary file.
    Path ordinary = dir.resolve("ordinary.txt");
    Files.writeString(ordinary, "x");
    Path target = dir.resolve("results.json");
    AtomicFile.write(target, "{}");
    assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(ordinary));
  }
}
