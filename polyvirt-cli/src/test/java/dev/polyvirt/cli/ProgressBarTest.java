package dev.polyvirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress display: its bar and ETA from a given clock (no real time involved), and when each mode is used. */
class ProgressBarTest {
  private static final long S = 1_000_000_000L;

  @Test
  void etaIsTheMeanTimePerFinishedRunTimesTheRunsLeft() {
    // 3 of 8 done in 12 s: 4 s a run, 5 left → 20 s; the bar is 3/8 of 24 = 9 marks.
    assertThat(ProgressBar.line(3, 8, 12 * S, "api on faas"))
        .isEqualTo("[#########---------------] 3/8  api on faas  0:12 elapsed, ETA 0:20");
    assertThat(ProgressBar.line(0, 8, 0, "x")).endsWith("ETA ?");
    assertThat(ProgressBar.line(8, 8, 3725 * S, "x")).startsWith("[########################]").endsWith("1:02:05 elapsed, done");
    assertThat(ProgressBar.clock(59 * S)).isEqualTo("0:59");
  }

  @Test
  void aTerminalGetsOneRedrawnLineAndALogGetsLinesOnlyWhenVerbose() {
    assertThat(ProgressBar.mode(false, false, true)).isEqualTo(ProgressBar.Mode.BAR);
    assertThat(ProgressBar.mode(false, false, false)).isEqualTo(ProgressBar.Mode.NONE);
    assertThat(ProgressBar.mode(false, true, false)).isEqualTo(ProgressBar.Mode.LINES);
    assertThat(ProgressBar.mode(true, true, true)).isEqualTo(ProgressBar.Mode.NONE);
    AtomicLong now = new AtomicLong();
    StringWriter lines = new StringWriter();
    ProgressBar p = new ProgressBar(new PrintWriter(lines), 2, ProgressBar.Mode.LINES, now::get);
    now.set(2 * S);
    p.accept("a on vm");
    now.set(5 * S);
    p.accept("a on faas");
    p.finish();
    assertThat(lines.toString()).isEqualTo("[1/2] a on vm (0:02 elapsed)\n[2/2] a on faas (0:05 elapsed)\n".replace("\n", System.lineSeparator()));
    StringWriter bar = new StringWriter();
    ProgressBar b = new ProgressBar(new PrintWriter(bar), 1, ProgressBar.Mode.BAR, now::get);
    b.accept("a on vm");
    b.finish();
    assertThat(bar.toString()).startsWith("\r\u001b[2K[").endsWith("\r\u001b[2K").doesNotContain("\n");
  }

  @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir;

  @Test
  void verbosePrintsEachModelsNotesAndQuietPrintsNothing() throws Exception {
    // off a terminal (as here), --verbose prints a line per finished run (in finishing order) and the notes; --quiet wins over it
    java.nio.file.Path spec = dir.resolve("spec.yaml");
    java.nio.file.Files.writeString(spec, CliTest.SPEC);
    StringWriter out = new StringWriter(), err = new StringWriter();
    int code = Main.run(new String[] {"plan", spec.toString(), "--out", dir.resolve("out").toString(), "--verbose"},
        new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(code).isZero();
    assertThat(out.toString()).contains("  faas: ").doesNotContain("\u001b[");
    assertThat(err.toString()).contains("[1/4] hook on ", "[4/4] hook on ");
    StringWriter qout = new StringWriter(), qerr = new StringWriter();
    assertThat(Main.run(new String[] {"plan", spec.toString(), "--out", dir.resolve("q").toString(), "--quiet", "--verbose"},
        new PrintWriter(qout, true), new PrintWriter(qerr, true))).isZero();
    assertThat(qout.toString()).isEmpty();
    assertThat(qerr.toString()).isEmpty();
  }
}
