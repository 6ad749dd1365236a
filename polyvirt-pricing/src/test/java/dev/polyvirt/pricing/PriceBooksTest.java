package dev.polyvirt.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyvirt.spec.Problem;
import dev.polyvirt.spec.SpecException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading price books: the bundled one, user files, and the problems a bad file produces. */
class PriceBooksTest {
  @TempDir Path dir;

  /** Loads the bundled AWS book for tests. */
  static PriceBook bundled() {
    try {
      return PriceBooks.load("aws-us-east-1", Path.of("."));
    } catch (SpecException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  @Test
  void bundledBookCarriesItsIdentityAndRules() {
    // The bundled book names itself, its date and currency, and keeps billing rules as data.
    PriceBook book = bundled();

    assertThat(book.label()).isEqualTo("aws-us-east-1@2025-10-01");
    assertThat(book.effective()).isEqualTo(LocalDate.of(2025, 10, 1));
    assertThat(book.currency()).isEqualTo("USD");
    assertThat(book.lambda().billInitPhase()).isTrue();
    assertThat(book.lambda().rates(Architecture.X86_64).duration().get(0))
        .isEqualTo(new Tier(6_000_000_000L, new java.math.BigDecimal("0.0000166667")));
    assertThat(book.lambda().limits().memoryMaxMb()).isEqualTo(10240);
    assertThat(book.fargate().rates(Architecture.ARM64).perGbHour()).isEqualByComparingTo("0.00356");
    assertThat(book.eksControlPlanePerClusterHour()).isEqualByComparingTo("0.10");
    assertThat(book.carbon().gridTco2ePerKwh()).isEqualByComparingTo("0.000379069");
    assertThat(PriceBooks.bundled()).extracting(PriceBook::label)
        .containsExactly("aws-us-east-1@2025-10-01", "azure-eastus@2026-11-22", "gcp-us-central1@2026-11-22");
  }

  @Test
  void bundledBookHoldsTheReferenceEc2Prices() {
    // Every EC2 type of the reference table is present with its exact price, size and architecture.
    PriceBook book = bundled();
    List<String> table = List.of("t3.micro 0.0104 2 1024", "t3.small 0.0208 2 2048", "t3.medium 0.0416 2 4096",
        "t3.large 0.0832 2 8192", "m5.large 0.096 2 8192", "m5.xlarge 0.192 4 16384", "m5.2xlarge 0.384 8 32768",
        "c5.large 0.085 2 4096", "c5.xlarge 0.17 4 8192", "r5.large 0.126 2 16384", "m6g.large 0.077 2 8192",
        "c6g.large 0.068 2 4096", "g4dn.xlarge 0.526 4 16384");
    for (String row : table) {
      String[] c = row.split(" ");
      InstanceType t = book.instanceType(c[0]).orElseThrow();
      assertThat(t.pricePerHour()).as(c[0]).isEqualByComparingTo(c[1]);
      assertThat(t.vcpus()).as(c[0]).isEqualTo(Integer.parseInt(c[2]));
      assertThat(t.memoryMiB()).as(c[0]).isEqualTo(Long.parseLong(c[3]));
    }
    assertThat(book.instanceTypes()).hasSize(table.size());
    assertThat(book.instanceType("m6g.large").orElseThrow().architecture()).isEqualTo(Architecture.ARM64);
    InstanceType gpu = book.instanceType("g4dn.xlarge").orElseThrow();
    assertThat(gpu.gpus()).isEqualTo(1);
    assertThat(gpu.gpuModel()).isEqualTo("NVIDIA T4");
    assertThat(book.instanceType("x9.huge")).isEmpty();
  }

  @Test
  void userFileLoadsFromAPathRelativeToTheBaseDirectory() throws Exception {
    // A user's own book in the bundled format loads by path, relative to the spec's directory.
    Files.createDirectories(dir.resolve("prices"));
    Files.writeString(dir.resolve("prices/mine.yaml"), bundledText().replace("id: aws-us-east-1", "id: my-region")
        .replace("perHour: 0.096,", "perHour: 0.05,"));

    PriceBook book = PriceBooks.load("prices/mine.yaml", dir);

    assertThat(book.label()).isEqualTo("my-region@2025-10-01");
    assertThat(book.instanceType("m5.large").orElseThrow().pricePerHour()).isEqualByComparingTo("0.05");
  }

  @Test
  void malformedUserFileReportsEveryProblemWithPlaceAndHint() throws Exception {
    // A negative price, a missing field and a typo'd key (which also leaves its field missing) are all reported, each at file:line:column with a hint.
    String text = bundledText().replace("perHour: 0.0104,", "perHour: -0.0104,")
        .replace("  gridTco2ePerKwh: 0.000379069", "").replace("  pue: 1.135", "  peu: 1.135");
    Files.writeString(dir.resolve("bad.yaml"), text);

    SpecException e = catchSpec(() -> PriceBooks.load("bad.yaml", dir));

    List<Problem> problems = e.problems();
    assertThat(problems).hasSize(4);
    assertThat(problems).allSatisfy(p -> {
      assertThat(p.where().file()).endsWith("bad.yaml");
      assertThat(p.where().line()).isPositive();
      assertThat(p.where().column()).isPositive();
      assertThat(p.hint()).isNotBlank();
    });
    assertThat(problem(problems, "price of 0 or more").where().line()).isEqualTo(lineOf(text, "t3.micro:"));
    assertThat(problem(problems, "needs 'gridTco2ePerKwh'").where().line()).isEqualTo(lineOf(text, "minWattsPerVcpu"));
    assertThat(problem(problems, "needs 'pue'").hint()).contains("1.135");
    Problem typo = problem(problems, "unknown key 'peu'");
    assertThat(typo.hint()).contains("did you mean 'pue'?");
    assertThat(typo.format()).contains("bad.yaml:" + lineOf(text, "peu:") + ":3: error:");
  }

  @Test
  void unknownBundledNameListsTheValidOnes() {
    // A name that is neither bundled nor a file lists the bundled books and hints at giving a path.
    SpecException e = catchSpec(() -> PriceBooks.load("aws-us-east-2", dir));

    assertThat(e.getMessage()).contains("unknown price book 'aws-us-east-2'").contains("aws-us-east-1");
    assertThat(e.problems().get(0).hint()).contains("did you mean 'aws-us-east-1'?").contains("path");
    assertThatThrownBy(() -> PriceBooks.load("prices/none.yaml", dir)).isInstanceOf(SpecException.class)
        .hasMessageContaining("not found");
  }

  private interface Load {
    PriceBook run() throws SpecException;
  }

  private static SpecException catchSpec(Load load) {
    try {
      load.run();
    } catch (SpecException e) {
      return e;
    }
    throw new AssertionError("expected a SpecException");
  }

  private static Problem problem(List<Problem> problems, String message) {
    return problems.stream().filter(p -> p.message().contains(message)).findFirst()
        .orElseThrow(() -> new AssertionError("no problem '" + message + "' in " + problems));
  }

  private static int lineOf(String text, String needle) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) if (lines[i].contains(needle)) return i + 1;
    throw new AssertionError(needle + " not in text");
  }

  private static String bundledText() {
    try (InputStream in = PriceBooks.class.getResourceAsStream("aws-us-east-1.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
