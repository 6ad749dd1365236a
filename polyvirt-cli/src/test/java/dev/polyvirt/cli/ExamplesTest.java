package dev.polyvirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bundled example, and so SPEC.md's own example, runs end to end and recommends something for each workload. */
class ExamplesTest {
  @TempDir Path out;

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("..", "examples"))) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void exampleRunsAndRecommends(Path example) {
    // an example that stops running, or leaves a workload without a recommendation, fails here
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    int code = Main.run(new String[] {"plan", example.toString(), "--out", out.toString(), "--no-color"},
        new PrintWriter(stdout, true), new PrintWriter(stderr, true));
    assertThat(code).as(stderr.toString()).isZero();
    assertThat(stdout.toString()).contains("→ recommended:").doesNotContain("recommended: none");
    assertThat(out.resolve("results.json")).exists();
  }
}
