package dev.polyvirt.planner.whatif;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.planner.BoundWorkload;
import dev.polyvirt.planner.BreakEven;
import dev.polyvirt.planner.DurationFlip;
import dev.polyvirt.planner.limits.PlacementLimits;
import dev.polyvirt.planner.score.Scorecard;
import dev.polyvirt.pricing.PriceBook;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Sentences naming what would change a workload's recommendation: the traffic at which FaaS and
 * the cheapest always-on model break even (searched by simulation), the p99 target at which the
 * chosen model stops qualifying, the request duration at which FaaS's time limit bites, and the
 * request-duration multiplier at which the runner-up takes over (searched by simulation,
 * {@link DurationSearch}).
 */
public final class Flips {
  private Flips() {}

  /** Lists the what-would-flip sentences, most telling first. */
  public static List<String> sentences(BoundWorkload w, List<ModelResult> results, Optional<String> chosen, List<Scorecard> cards,
      Optional<BreakEven> breakEven, PriceBook book) {
    return sentences(w, results, chosen, cards, breakEven, book, Optional.empty());
  }

  /** Lists the sentences as above, with the searched duration flip after the FaaS time limit's. */
  public static List<String> sentences(BoundWorkload w, List<ModelResult> results, Optional<String> chosen, List<Scorecard> cards,
      Optional<BreakEven> breakEven, PriceBook book, Optional<DurationFlip> durationFlip) {
    List<String> out = new ArrayList<>();
    if (chosen.isEmpty()) return out;
    double rateNow = w.traffic().meanRatePerSecond(w.horizonNanos());
    breakEven.ifPresent(b -> out.add(breakEven(b, chosen.get(), rateNow)));
    slo(w, chosen.get(), cards).ifPresent(out::add);
    duration(w, results, chosen.get(), book).ifPresent(out::add);
    Optional<String> limit = maxDuration(chosen.get(), book).map(l -> "the " + SimTime.format(l) + " maximum duration");
    durationFlip.filter(f -> f.recommended().equals(chosen.get())).ifPresent(f -> out.add(durationFlip(f, limit)));
    return out;
  }

  /** States the searched duration flip, e.g. "at ≈ 3.2× longer requests (p50 ≈ 320 ms, now 100 ms), vm overtakes faas ...". */
  static String durationFlip(DurationFlip f, Optional<String> limit) {
    String steady = f.sustained() ? "as a steady stream, " : "";
    String runs = String.format(Locale.ROOT, "%d simulations", f.simulations());
    if (!f.found()) {
      double lo = f.steps().stream().mapToDouble(DurationFlip.Step::multiplier).min().orElse(1);
      double hi = f.steps().stream().mapToDouble(DurationFlip.Step::multiplier).max().orElse(1);
      return String.format(Locale.ROOT, "%srequest durations from ×%s to ×%s (p50 %s to %s, now %s) keep %s ahead of %s (%s)", steady,
          num(lo), num(hi), span(f.p50NowMs() * lo), span(f.p50NowMs() * hi), span(f.p50NowMs()), f.recommended(), f.challenger(), runs);
    }
    double k = f.multiplier();
    String at = k >= 1
        ? String.format(Locale.ROOT, "at ≈ %s× longer requests (p50 ≈ %s, now %s)", num(k), span(f.p50NowMs() * k), span(f.p50NowMs()))
        : String.format(Locale.ROOT, "at ≈ %s× today's request duration (p50 ≈ %s, now %s)", num(k), span(f.p50NowMs() * k), span(f.p50NowMs()));
    String money = Double.isFinite(f.recommendedUsdPerMonth()) && Double.isFinite(f.challengerUsdPerMonth())
        ? String.format(Locale.ROOT, "; %s $%,.2f vs %s $%,.2f a month in total there", f.challenger(), f.challengerUsdPerMonth(),
            f.recommended(), f.recommendedUsdPerMonth()) : "";
    String what = switch (f.cause()) {
      case "infeasible" -> f.recommended() + " is ruled out by its hard limits" + limit.map(l -> " (" + l + ")").orElse("")
          + " and " + f.challenger() + " takes over";
      case "latency" -> f.recommended() + " misses the p99 target and " + f.challenger() + " takes over";
      case "loss" -> f.recommended() + " leaves over 0.1 % of requests unserved and " + f.challenger() + " takes over";
      default -> f.challenger() + " overtakes " + f.recommended() + " on the weighted score";
    };
    return steady + at + ", " + what + " (searched by simulation, " + runs + money + ")";
  }

  static String breakEven(BreakEven b, String chosen, double rateNow) {
    // a heavy workload is searched as a steady Poisson stream at the scaled mean rate: say so first,
    // since without its peaks the break-even can sit on the other side of today's mean rate
    String steady = b.sustained() ? "as a steady stream (this workload's peaks and gaps removed), " : "";
    String at = String.format(Locale.ROOT, "%s req/s (traffic ×%s; now %s req/s on average)", num(b.ratePerSecond()),
        num(b.multiplier()), num(rateNow));
    if (!b.found()) {
      return b.multiplier() >= 1
          ? steady + "faas bills less than " + b.alwaysOn() + " at every traffic searched, up to " + at
          : steady + "faas bills more than " + b.alwaysOn() + " at every traffic searched, down to " + at;
    }
    String money = String.format(Locale.ROOT, " (both ≈ $%,.2f/month there, found in %d simulations)", b.costUsdPerMonth(), b.simulations());
    if (chosen.equals("faas")) return steady + "above ≈ " + at + ", " + b.alwaysOn() + " would bill less than faas" + money;
    if (BreakEvenSearch.ALWAYS_ON.contains(chosen)) {
      return steady + "below ≈ " + at + ", faas would bill less than " + b.alwaysOn() + ", the cheapest always-on model there" + money;
    }
    return steady + "faas and " + b.alwaysOn() + " bill the same at ≈ " + at + money;
  }

  private static Optional<String> slo(BoundWorkload w, String chosen, List<Scorecard> cards) {
    OptionalLong slo = w.workload().requirements().latencyP99Nanos();
    Optional<Scorecard> mine = cards.stream().filter(c -> c.model().equals(chosen)).findFirst();
    if (slo.isEmpty() || mine.isEmpty() || !mine.get().eligible()) return Optional.empty();
    double p99 = mine.get().criteria().p99Ms();
    Optional<Scorecard> next = cards.stream().filter(Scorecard::eligible).filter(c -> c.criteria().p99Ms() < p99)
        .max(Comparator.comparingDouble(Scorecard::score));
    String head = "a p99 target under " + ms(p99) + " (now " + SimTime.format(slo.getAsLong()) + ") would rule out " + chosen;
    Optional<Scorecard> excluded = cards.stream().filter(c -> !c.eligible() && c.criteria().tcoUsdPerMonth() < mine.get().criteria().tcoUsdPerMonth())
        .min(Comparator.comparingDouble(c -> c.criteria().p99Ms()));
    String loosen = excluded.map(c -> "; a target of " + ms(c.criteria().p99Ms()) + " or more would admit " + c.model()
        + String.format(Locale.ROOT, " at $%,.2f/month in total", c.criteria().tcoUsdPerMonth())).orElse("");
    return Optional.of(head + next.map(n -> ", leaving " + n.model() + " (p99 " + ms(n.criteria().p99Ms()) + ")").orElse(", leaving no model that meets it") + loosen);
  }

  /** Returns {@code model}'s maximum request duration in the planner's hard limits, if it has one. */
  private static Optional<Long> maxDuration(String model, PriceBook book) {
    return PlacementLimits.of(model, book).flatMap(l -> l.maxDurationNanos().isPresent()
        ? Optional.of(l.maxDurationNanos().getAsLong()) : Optional.empty());
  }

  private static Optional<String> duration(BoundWorkload w, List<ModelResult> results, String chosen, PriceBook book) {
    OptionalLong max = PlacementLimits.of("faas", book).flatMap(l -> l.maxDurationNanos().isPresent() ? Optional.of(l.maxDurationNanos()) : Optional.empty())
        .orElse(OptionalLong.empty());
    boolean faasListed = results.stream().anyMatch(r -> r.model().equals("faas"));
    if (max.isEmpty() || !faasListed) return Optional.empty();
    long p99 = Math.round(w.workload().request().duration().quantileNanos(0.99));
    String limit = SimTime.format(max.getAsLong());
    if (p99 > max.getAsLong()) {
      return Optional.of("requests under " + limit + " (p99 now " + SimTime.format(p99) + ") would let faas compete");
    }
    if (chosen.equals("faas")) {
      return Optional.of(String.format(Locale.ROOT, "requests longer than %s (p99 now %s, %.0f %% of the limit) would rule out faas",
          limit, SimTime.format(p99), 100.0 * p99 / max.getAsLong()));
    }
    return Optional.empty();
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : v >= 0.1 ? "%.2f" : "%.3g", v);
  }

  /** Formats a duration in milliseconds at its own scale: "34 ms", "4.4 min", "6.0 h". */
  static String span(double millis) {
    if (millis < 10) return String.format(Locale.ROOT, "%.2g ms", millis);
    if (millis < 1000) return String.format(Locale.ROOT, "%.0f ms", millis);
    if (millis < 120_000) return String.format(Locale.ROOT, "%.1f s", millis / 1000);
    if (millis < 7_200_000) return String.format(Locale.ROOT, "%.1f min", millis / 60_000);
    return String.format(Locale.ROOT, "%.1f h", millis / 3_600_000);
  }

  private static String ms(double millis) {
    return millis >= 1000 ? String.format(Locale.ROOT, "%.2f s", millis / 1000) : String.format(Locale.ROOT, "%.0f ms", millis);
  }
}
