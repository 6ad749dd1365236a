package dev.polyvirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** polyvirt diff's exit codes for CI: 0 nothing tripped, 3 a gate tripped, 2 a bad gate or file; the Markdown on stdout either way. */
class DiffCommandTest {
  private static final Path DIR = Path.of("..", "polyvirt-report", "src", "test", "resources", "dev", "polyvirt", "report", "diff");
  private static final String A = DIR.resolve("portfolio-seed42.json").toString();
  private static final String B = DIR.resolve("portfolio-seed7-no-faas.json").toString();

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void withoutGatesTheDiffExitsZero() {
    Run r = run("diff", A, B);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("## polyvirt diff: webshop").contains("**2 recommendation flips**");
  }

  @Test
  void aTrippedGateExitsThreeAndSaysWhich() throws Exception {
    Path md = dir.resolve("comment.md");
    Run r = run("diff", A, B, "--fail-on", "flip,p99+20%", "--out", md.toString());
    assertThat(r.code()).isEqualTo(DiffCommand.GATE_TRIPPED).isEqualTo(3);
    assertThat(r.out()).contains("❌ **Gates tripped** (--fail-on flip,p99+20%)", "- checkout-api: recommendation faas → vm",
        "- payment-webhook: p99 rose +21.3 % (limit +20 %)");
    assertThat(Files.readString(md)).isEqualTo(r.out());
    assertThat(run("diff", A, A, "--fail-on", "flip,cost+0%").code()).isZero();
  }

  @Test
  void aBadGateOrFileExitsTwoWithAMessage() throws Exception {
    Run bad = run("diff", A, B, "--fail-on", "cost+ten%");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--fail-on: 'cost+ten%' is not a gate; use flip, cost+N%, p99+N%, co2e+N%").doesNotContain("Exception");
    Path spec = dir.resolve("spec.yaml");
    Files.writeString(spec, "apiVersion: polyvirt/v1\n");
    Run notJson = run("diff", A, spec.toString());
    assertThat(notJson.code()).isEqualTo(2);
    assertThat(notJson.err()).contains(spec + ":1:").contains("not valid JSON");
    assertThat(run("diff", A).code()).isEqualTo(2);
  }
}
