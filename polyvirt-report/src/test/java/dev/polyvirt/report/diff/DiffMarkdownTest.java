package dev.polyvirt.report.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** polyvirt diff on two real results of examples/portfolio.yaml (see the README beside them): flips, deltas and gates. */
class DiffMarkdownTest {
  private static final Path DIR = Path.of("src/test/resources/dev/polyvirt/report/diff");
  private static final RunResults A = ResultsFile.read(DIR.resolve("portfolio-seed42.json"));
  private static final RunResults B = ResultsFile.read(DIR.resolve("portfolio-seed7-no-faas.json"));

  @TempDir Path tmp;

  private static List<String> tripped(RunResults a, RunResults b, String gates) {
    List<String> out = new ArrayList<>();
    for (WorkloadDiff d : WorkloadDiff.compare(a, b)) for (Gate g : Gate.parse(gates)) g.check(d).ifPresent(out::add);
    return out;
  }

  @Test
  void readsTheRecommendationAndFiguresOfEveryWorkload() {
    // The figures come from the file as written: catalog-api's container at $235.4551/month, p99 439.039 ms.
    assertThat(A.workloads()).extracting(RunResults.Workload::name)
        .containsExactly("catalog-api", "checkout-api", "nightly-reconcile", "payment-webhook", "search-indexer");
    RunResults.Workload catalog = A.workload("catalog-api").orElseThrow();
    assertThat(catalog.recommended()).contains("container");
    assertThat(catalog.chosen().orElseThrow()).isEqualTo(new RunResults.Figures(235.4551, 439.039, 0.0, 0.47));
    assertThat(A.workload("nightly-reconcile").orElseThrow().models()).containsOnlyKeys("vm", "container");
  }

  @Test
  void reportsFlipsAndTheRecommendedPlacementsDeltas() {
    // checkout-api and payment-webhook move from faas to vm; the row shows both placements' cost and the change.
    String md = DiffMarkdown.render("a.json", A, "b.json", B, WorkloadDiff.compare(A, B), List.of(), List.of());
    assertThat(md).startsWith("## polyvirt diff: webshop\n");
    assertThat(md).contains("**2 recommendation flips**: checkout-api, payment-webhook");
    assertThat(md).contains("| checkout-api | **faas → vm** | $60.83 → $136.66 (+124.6 %) | 904 ms → 975 ms (+7.9 %) |");
    assertThat(md).contains("| payment-webhook | **faas → vm** | $0.0175 → $7.59 (+43282.9 %) | 662 ms → 803 ms (+21.3 %) |");
    assertThat(md).contains("| catalog-api | container | $235.46 → $237.75 (+1.0 %) | 439 ms → 439 ms (+0.1 %) | 0.00 % → 0.00 % (+0.00 pp) |");
    // portfolio: 235.4551 + 60.8345 + 30.368 + 0.0175 + 482.6876 = 809.3627 → 237.7468 + 136.656 + 30.368 + 7.592 + 483.3221 = 895.6849
    assertThat(md).contains("recommended placements cost $809.36 → $895.68 a month (+10.7 %)");
    assertThat(md).contains("<details><summary>Every model</summary>", "| checkout-api | faas | $60.83 → - | 904 ms → - |");
    assertThat(md).doesNotContain("Gates");
  }

  @Test
  void theSameRunTwiceChangesNothingAndTripsNoGate() {
    String md = DiffMarkdown.render("a.json", A, "a.json", A, WorkloadDiff.compare(A, A), Gate.parse("flip,cost+0%,p99+0%"), List.of());
    assertThat(md).contains("No recommendation changed", "(±0 %)", "✅ **Gates passed** (--fail-on flip,cost+0%,p99+0%)");
    assertThat(tripped(A, A, "flip,cost+0%,p99+0%,co2e+0%")).isEmpty();
  }

  @Test
  void gatesTripOnFlipsAndOnRisesBeyondTheirLimit() {
    // cost rose 124.6 % and 43283 % (the two flips), 1.0 % for catalog-api: a 10 % limit trips on the two flips only.
    assertThat(tripped(A, B, "flip")).containsExactly("checkout-api: recommendation faas → vm", "payment-webhook: recommendation faas → vm");
    assertThat(tripped(A, B, "cost+10%")).containsExactly("checkout-api: cost rose +124.6 % (limit +10 %)",
        "payment-webhook: cost rose +43282.9 % (limit +10 %)");
    // p99 rose 21.3 % for payment-webhook, 7.9 % for checkout-api: only the first passes 20 %
    assertThat(tripped(A, B, "p99+20%")).containsExactly("payment-webhook: p99 rose +21.3 % (limit +20 %)");
    assertThat(tripped(A, B, "p99+25%")).isEmpty();
    // going back from B to A, costs fall: no cost gate trips, but the flips still do
    assertThat(tripped(B, A, "cost+0%")).isEmpty();
    assertThat(tripped(B, A, "flip")).hasSize(2);
  }

  @Test
  void badGatesAreRefusedWithTheFormsAccepted() {
    for (String bad : new String[] {"flop", "cost+10", "cost+-5%", "latency+5%", "", "flip,"}) {
      assertThatThrownBy(() -> Gate.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("is not a gate; use flip, cost+N%, p99+N%, co2e+N%");
    }
    assertThat(Gate.parse(" flip , COST+12.5% ")).containsExactly(new Gate.Flip(), new Gate.Increase("cost", 12.5));
  }

  @Test
  void aFileThatIsNotAResultIsNamedWithItsLineAndColumn() throws Exception {
    Path broken = tmp.resolve("broken.json");
    Files.writeString(broken, "{\n  \"polyvirt\": \"1.0.0\",\n  \"workloads\": [ ,\n");
    assertThatThrownBy(() -> ResultsFile.read(broken)).isInstanceOf(ResultsFile.BadResults.class)
        .hasMessageStartingWith(broken + ":3:18: error: not valid JSON");
    Path other = tmp.resolve("other.json");
    Files.writeString(other, "{\"name\": \"x\"}");
    assertThatThrownBy(() -> ResultsFile.read(other)).hasMessageStartingWith(other + ": error: not a polyvirt result");
    assertThatThrownBy(() -> ResultsFile.read(tmp.resolve("missing.json"))).hasMessageEndingWith("missing.json: error: no such file");
  }
}
