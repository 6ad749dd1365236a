package dev.polyvirt.report.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * What changed between two runs, as GitHub-flavoured Markdown for a pull-request comment: a
 * headline (recommendation flips, the portfolio's monthly cost of its recommended placements),
 * one row per workload with the recommended placement's cost, p99, cold-start rate and CO2e in A
 * and B and the change, the gates that tripped, then per-model figures folded in a details block.
 */
public final class DiffMarkdown {
  private DiffMarkdown() {}

  /** Renders the comparison of {@code a} (labelled {@code nameA}) with {@code b}; {@code tripped} lists gate failures. */
  public static String render(String nameA, RunResults a, String nameB, RunResults b, List<WorkloadDiff> diffs,
      List<Gate> gates, List<String> tripped) {
    StringBuilder md = new StringBuilder();
    md.append("## polyvirt diff: ").append(cell(b.spec().equals(a.spec()) ? a.spec() : a.spec() + " → " + b.spec())).append("\n\n");
    md.append("A: `").append(nameA).append("` (seed ").append(a.seed()).append(", ").append(a.priceBook()).append(") → B: `")
        .append(nameB).append("` (seed ").append(b.seed()).append(", ").append(b.priceBook()).append(")\n\n");
    List<String> flips = diffs.stream().filter(WorkloadDiff::flipped).map(WorkloadDiff::name).toList();
    md.append(flips.isEmpty() ? "No recommendation changed" : "**" + flips.size() + " recommendation flip" + (flips.size() == 1 ? "" : "s")
        + "**: " + String.join(", ", flips.stream().map(DiffMarkdown::cell).toList()));
    double costA = total(a), costB = total(b);
    md.append(" · recommended placements cost ").append(usd(costA)).append(" → ").append(usd(costB)).append(" a month (")
        .append(pct(costA, costB)).append(")\n\n");
    md.append("| workload | recommended | cost/month | p99 | cold starts | CO2e |\n|---|---|--:|--:|--:|--:|\n");
    for (WorkloadDiff d : diffs) row(md, d);
    if (!gates.isEmpty()) {
      md.append('\n').append(tripped.isEmpty() ? "✅ **Gates passed**" : "❌ **Gates tripped**").append(" (--fail-on ")
          .append(String.join(",", gates.stream().map(DiffMarkdown::gate).toList())).append(")\n");
      for (String t : tripped) md.append("- ").append(t).append('\n');
    }
    md.append("\n<details><summary>Every model</summary>\n\n| workload | model | cost/month | p99 |\n|---|---|--:|--:|\n");
    for (WorkloadDiff d : diffs) models(md, d);
    md.append("\n</details>\n");
    return md.toString();
  }

  private static void row(StringBuilder md, WorkloadDiff d) {
    md.append("| ").append(cell(d.name())).append(" | ");
    if (!d.inA() || !d.inB()) {
      md.append(d.inA() ? "removed (was " + d.fromModel().orElse("none") + ")" : "added: " + d.toModel().orElse("none"))
          .append(" | | | | |\n");
      return;
    }
    String from = d.fromModel().orElse("none"), to = d.toModel().orElse("none");
    md.append(d.flipped() ? "**" + cell(from) + " → " + cell(to) + "**" : cell(to)).append(" | ");
    md.append(change(d, RunResults.Figures::costUsdPerMonth, DiffMarkdown::usd)).append(" | ")
        .append(change(d, RunResults.Figures::p99Ms, DiffMarkdown::ms)).append(" | ");
    if (d.from().isPresent() && d.to().isPresent()) {
      double ra = d.from().get().coldStartRate(), rb = d.to().get().coldStartRate();
      md.append(String.format(Locale.ROOT, "%.2f %% → %.2f %% (%+.2f pp)", 100 * ra, 100 * rb, 100 * (rb - ra)));
    } else {
      md.append(one(d, f -> String.format(Locale.ROOT, "%.2f %%", 100 * f.coldStartRate())));
    }
    md.append(" | ").append(change(d, RunResults.Figures::co2eKg, v -> String.format(Locale.ROOT, "%.3f kg", v))).append(" |\n");
  }

  private static void models(StringBuilder md, WorkloadDiff d) {
    List<String> names = new ArrayList<>();
    d.a().ifPresent(w -> names.addAll(w.models().keySet()));
    d.b().ifPresent(w -> w.models().keySet().stream().filter(m -> !names.contains(m)).forEach(names::add));
    for (String m : names) {
      Optional<RunResults.Figures> fa = d.a().map(w -> w.models().get(m)), fb = d.b().map(w -> w.models().get(m));
      md.append("| ").append(cell(d.name())).append(" | ").append(cell(m)).append(" | ")
          .append(change(fa, fb, RunResults.Figures::costUsdPerMonth, DiffMarkdown::usd)).append(" | ")
          .append(change(fa, fb, RunResults.Figures::p99Ms, DiffMarkdown::ms)).append(" |\n");
    }
  }

  private static String change(WorkloadDiff d, ToDoubleFunction<RunResults.Figures> f, java.util.function.DoubleFunction<String> fmt) {
    return change(d.from(), d.to(), f, fmt);
  }

  /** Formats "A → B (±x %)", or the one side there is, or "-". */
  private static String change(Optional<RunResults.Figures> a, Optional<RunResults.Figures> b, ToDoubleFunction<RunResults.Figures> f,
      java.util.function.DoubleFunction<String> fmt) {
    if (a.isPresent() && b.isPresent()) {
      double x = f.applyAsDouble(a.get()), y = f.applyAsDouble(b.get());
      return fmt.apply(x) + " → " + fmt.apply(y) + " (" + pct(x, y) + ")";
    }
    if (a.isPresent()) return fmt.apply(f.applyAsDouble(a.get())) + " → -";
    if (b.isPresent()) return "- → " + fmt.apply(f.applyAsDouble(b.get()));
    return "-";
  }

  private static String one(WorkloadDiff d, java.util.function.Function<RunResults.Figures, String> fmt) {
    return d.from().map(fmt).orElse("-") + " → " + d.to().map(fmt).orElse("-");
  }

  private static double total(RunResults r) {
    return r.workloads().stream().mapToDouble(w -> w.chosen().map(RunResults.Figures::costUsdPerMonth).orElse(0.0)).sum();
  }

  /** Formats a change in percent of A ("+12.3 %", "±0 %", "new" from zero). */
  static String pct(double a, double b) {
    double p = WorkloadDiff.percentChange(a, b);
    if (p == 0) return "±0 %";
    if (Double.isInfinite(p)) return "from 0";
    return String.format(Locale.ROOT, "%+.1f %%", p);
  }

  static String usd(double v) {
    if (v >= 1000) return String.format(Locale.ROOT, "$%,.0f", v);
    if (v >= 1 || v == 0) return String.format(Locale.ROOT, "$%.2f", v);
    return String.format(Locale.ROOT, "$%.4f", v);
  }

  static String ms(double v) {
    if (v >= 120_000) return String.format(Locale.ROOT, "%.1f min", v / 60_000);
    if (v >= 1000) return String.format(Locale.ROOT, "%.2f s", v / 1000);
    return String.format(Locale.ROOT, v >= 10 ? "%.0f ms" : "%.1f ms", v);
  }

  private static String gate(Gate g) {
    return g instanceof Gate.Increase i ? i.metric() + "+" + (i.percent() == Math.rint(i.percent()) ? String.valueOf((long) i.percent())
        : String.valueOf(i.percent())) + "%" : "flip";
  }

  /** Escapes what would break a Markdown table cell or start markup. */
  static String cell(String s) {
    return s.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;").replace("*", "\\*").replace("_", "\\_")
        .replace("`", "\\`").replace("\n", " ");
  }
}
