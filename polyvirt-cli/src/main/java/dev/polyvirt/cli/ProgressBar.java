package dev.polyvirt.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Progress of the simulations (workload × model) on standard error: on a terminal, one line
 * redrawn in place — a bar, the count, the last finished run, elapsed time and an ETA from the
 * mean time per finished run; with {@code --verbose} off a terminal, one line per finished run;
 * otherwise nothing (a log or pipe gets no carriage returns). Results never depend on it.
 */
final class ProgressBar implements Consumer<String> {
  /** How progress is shown. */
  enum Mode { BAR, LINES, NONE }

  private static final int WIDTH = 24;
  private final PrintWriter err;
  private final int total;
  private final Mode mode;
  private final LongSupplier clock;
  private final long start;
  private int done;

  /** Creates a display for {@code total} runs, reading time (nanoseconds) from {@code clock}. */
  ProgressBar(PrintWriter err, int total, Mode mode, LongSupplier clock) {
    this.err = err;
    this.total = total;
    this.mode = mode;
    this.clock = clock;
    this.start = clock.getAsLong();
  }

  /** Picks the mode: nothing when quiet, a bar on a terminal, lines when verbose elsewhere. */
  static Mode mode(boolean quiet, boolean verbose, boolean terminal) {
    if (quiet) return Mode.NONE;
    if (terminal) return Mode.BAR;
    return verbose ? Mode.LINES : Mode.NONE;
  }

  /** Records one finished run, {@code what} naming it ("api on faas"). */
  @Override
  public synchronized void accept(String what) {
    done++;
    long elapsed = clock.getAsLong() - start;
    if (mode == Mode.BAR) {
      err.print("\r\u001b[2K" + line(done, total, elapsed, what));
    } else if (mode == Mode.LINES) {
      err.println(String.format(Locale.ROOT, "[%d/%d] %s (%s elapsed)", done, total, what, clock(elapsed)));
    }
    err.flush();
  }

  /** Clears the bar once every run has finished. */
  synchronized void finish() {
    if (mode == Mode.BAR) {
      err.print("\r\u001b[2K");
      err.flush();
    }
  }

  /** Returns the bar's text: "[#####-----]  3/8  api on faas  0:12 elapsed, ETA 0:20". */
  static String line(int done, int total, long elapsedNanos, String what) {
    int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
    String eta = done >= total ? "done" : done == 0 ? "ETA ?" : "ETA " + clock(elapsedNanos / done * (total - done));
    return String.format(Locale.ROOT, "[%s%s] %" + String.valueOf(total).length() + "d/%d  %s  %s elapsed, %s",
        "#".repeat(filled), "-".repeat(WIDTH - filled), done, total, shorten(what, 40), clock(elapsedNanos), eta);
  }

  /** Formats a duration as m:ss, or h:mm:ss from an hour. */
  static String clock(long nanos) {
    long s = Math.max(0, nanos) / 1_000_000_000L;
    if (s >= 3600) return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
