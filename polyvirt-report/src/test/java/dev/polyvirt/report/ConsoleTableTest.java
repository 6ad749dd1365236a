package dev.polyvirt.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The console comparison table, plain and coloured. */
class ConsoleTableTest {

  @Test
  void plainTextHasNoAnsiEscapes() {
    // Without colour the table is plain text: no ESC character anywhere, yet every workload, model and recommendation is there.
    String out = new ConsoleTable(false).render(Plans.plan());
    assertThat(out).doesNotContain("\u001b");
    assertThat(out).contains("api", "batch.job_2", "vm", "container", "faas", "unikernel", "recommended: ", "infeasible: ");
    assertThat(out.lines()).allSatisfy(l -> assertThat(l).doesNotEndWith(" "));
  }

  @Test
  void colourModeUsesAnsiEscapes() {
    // With colour the table highlights with ANSI SGR sequences and resets every one it opens.
    String out = new ConsoleTable(true).render(Plans.plan());
    assertThat(out).contains("\u001b[1m", "\u001b[32m", "\u001b[0m");
    long opened = out.split("\u001b\\[[12]m|\u001b\\[32m", -1).length - 1;
    long reset = out.split("\u001b\\[0m", -1).length - 1;
    assertThat(reset).isEqualTo(opened);
  }

  @Test
  void colourOnlyAddsEscapes() {
    // Stripping the escapes from the coloured table gives exactly the plain one.
    String plain = new ConsoleTable(false).render(Plans.plan());
    String coloured = new ConsoleTable(true).render(Plans.plan());
    assertThat(coloured.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(plain);
  }
}
