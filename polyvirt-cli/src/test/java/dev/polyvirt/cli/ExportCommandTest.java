package dev.polyvirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** polyvirt export: files for the recommended placements under --out; exit 2 with a message on a bad target, workload or no match. */
class ExportCommandTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void writesTheTemplateAndUsageForTheRecommendedFunction() throws Exception {
    // CliTest's spec recommends faas for its one workload, hook.
    Path spec = dir.resolve("spec.yaml");
    Files.writeString(spec, CliTest.SPEC);
    Path out = dir.resolve("sam");
    Run r = run("export", "--target", "sam", spec.toString(), "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("template.yaml", "infracost-usage.yml", "for hook");
    assertThat(Files.readString(out.resolve("template.yaml"))).contains("  Hook:\n    Type: AWS::Serverless::Function\n", "MemorySize: ");
    assertThat(Files.readString(out.resolve("infracost-usage.yml"))).contains("aws_lambda_function.hook:");
  }

  @Test
  void badTargetWorkloadOrNoMatchExitTwo() throws Exception {
    Path spec = dir.resolve("spec.yaml");
    Files.writeString(spec, CliTest.SPEC);
    Run target = run("export", "--target", "helm", spec.toString(), "--out", dir.resolve("x").toString());
    assertThat(target.code()).isEqualTo(2);
    assertThat(target.err()).contains("--target: unknown target 'helm'; targets: sam, knative, k8s, compose");
    Run workload = run("export", "--target", "sam", spec.toString(), "--workload", "nope", "--out", dir.resolve("x").toString());
    assertThat(workload.code()).isEqualTo(2);
    assertThat(workload.err()).contains("--workload: no workload 'nope'");
    Run none = run("export", "--target", "k8s", spec.toString(), "--out", dir.resolve("x").toString());
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("no workload is recommended for container", "hook: recommended faas", "use --workload NAME");
    assertThat(dir.resolve("x")).doesNotExist();
  }
}
