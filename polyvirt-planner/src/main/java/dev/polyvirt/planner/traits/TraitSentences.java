package dev.polyvirt.planner.traits;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.planner.limits.ModelLimits;
import dev.polyvirt.planner.limits.PlacementLimits;
import dev.polyvirt.pricing.PriceBook;
import dev.polyvirt.spec.Requirements;
import dev.polyvirt.spec.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a workload's measured traits into the rationale's plain sentences, mirroring the decision
 * guides' questions: is it stateful, does it need a particular OS, a GPU, a hardware boundary;
 * how long do requests run against the FaaS limit; how idle and how bursty is it.
 */
public final class TraitSentences {
  /** Idle more than half the time: the intermittent workload of seed 002 §4.3. */
  static final double MOSTLY_IDLE = 0.5;
  /** Peak at least 10× the mean: bursty in seed 003's sense (its table's row says 0–1000×). */
  static final double BURSTY = 10;
  /** Idle under a fifth of the time: a constant load (seed 003's "high-traffic consistent API"). */
  static final double BUSY = 0.2;

  private TraitSentences() {}

  /** Describes the measured traits in one sentence. */
  public static String measured(WorkloadTraits t, Workload w, PriceBook book) {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "measured on %,d request%s: idle %s of the time, peak/mean %s",
        t.scannedRequests(), t.scannedRequests() == 1 ? "" : "s", pct(t.idleFraction()), ratio(t.peakToMean())));
    if (t.scannedRequests() > 1) {
      b.append(String.format(Locale.ROOT, ", gaps between requests p50 %s / p90 %s / p99 %s (%s longer than a 10m FaaS keep-alive)",
          human(t.gapP50Nanos()), human(t.gapP90Nanos()), human(t.gapP99Nanos()),
          pct(t.gapsOverKeepAlive())));
    }
    b.append(", p99 duration ").append(human(t.durationP99Nanos()));
    faasLimit(book).ifPresent(max -> b.append(String.format(Locale.ROOT, " (%s of the %s FaaS limit)",
        pct(t.durationP99Nanos() / (double) max), SimTime.format(max))));
    return b.toString();
  }

  /** Lists the traits that decided for {@code chosen}, most decisive first, each with its source. */
  public static List<String> deciding(WorkloadTraits t, Workload w, String chosen, PriceBook book) {
    return traits(t, w, chosen, book).stream().map(Trait::sentence).toList();
  }

  /** Returns the first deciding trait in a few words, for the one-line summary (empty when none). */
  public static String shortly(WorkloadTraits t, Workload w, String chosen, PriceBook book) {
    List<Trait> d = traits(t, w, chosen, book);
    return d.isEmpty() ? "" : d.get(0).brief();
  }

  /** A deciding trait: a few words for the summary and the full sentence for the rationale. */
  record Trait(String brief, String sentence) {}

  private static List<Trait> traits(WorkloadTraits t, Workload w, String chosen, PriceBook book) {
    Requirements r = w.requirements();
    List<Trait> out = new ArrayList<>();
    if (r.state().equals("stateful")) {
      out.add(new Trait("stateful", "stateful: its state needs disks that outlive instances, which FaaS and serverless containers do not keep (seed 003: stateful database)"));
    }
    if (r.os().equals("legacy")) out.add(new Trait("legacy OS", "os: legacy runs only on a VM's own guest OS (seed 003: legacy OS-dependent app)"));
    if (r.os().equals("windows")) {
      out.add(new Trait("Windows", "os: windows runs on a VM or on the container platform's Windows node pool, nodes billed with the "
          + "Windows licence per vCPU-hour plus a Linux system node for CoreDNS (Windows Server containers share the Windows kernel, "
          + "seed 004 §4.4); FaaS, serverless containers and microVMs run Linux only"));
    }
    if (r.gpu() > 0) out.add(new Trait("needs " + r.gpu() + " GPU", "needs " + r.gpu() + " GPU(s): only GPU instance types serve it (seed 003: ML training)"));
    if (!r.effectiveIsolation().equals(r.isolation())) {
      String regimes = String.join(", ", r.compliance());
      out.add(new Trait(regimes + " needs a hardware boundary", regimes + " needs a hardware isolation boundary (seed 002 §4.1, §6.2)"));
    }
    Optional<Long> limit = faasLimit(book);
    if (limit.isPresent() && t.durationP99Nanos() > limit.get()) {
      String d = human(t.durationP99Nanos());
      out.add(new Trait(d + " requests > " + SimTime.format(limit.get()) + " FaaS limit", "requests run " + d + " at p99, beyond the "
          + SimTime.format(limit.get()) + " FaaS limit (seed 003: long-running batch)"));
    }
    boolean perRequest = chosen.equals("faas") || chosen.equals("serverless-container");
    if (perRequest && t.idleFraction() >= MOSTLY_IDLE) {
      out.add(new Trait("idle " + pct(t.idleFraction()), "idle " + pct(t.idleFraction())
          + " of the time: pay-per-use bills nothing while idle, where an always-on fleet pays for every hour (seed 002 §4.3)"));
    }
    if (perRequest && t.peakToMean() >= BURSTY) {
      out.add(new Trait("peak " + ratio(t.peakToMean()) + " mean", "peak " + ratio(t.peakToMean())
          + " the mean: per-request scale-out absorbs bursts without capacity held for the peak (seed 003: bursty traffic)"));
    }
    if (!perRequest && t.idleFraction() < BUSY && t.peakToMean() < BURSTY) {
      out.add(new Trait("busy " + pct(1 - t.idleFraction()) + ", steady", "busy " + pct(1 - t.idleFraction()) + " of the time at peak/mean "
          + ratio(t.peakToMean()) + ": a fleet sized for the load stays busy, and per-request billing costs more at constant load "
          + "(seed 003: high-traffic consistent API)"));
    }
    return out;
  }

  private static Optional<Long> faasLimit(PriceBook book) {
    return PlacementLimits.of("faas", book).map(ModelLimits::maxDurationNanos).filter(o -> o.isPresent()).map(o -> o.getAsLong());
  }

  /** Formats a duration for reading: "850 ms", "14.5 s", "6.2 min", "3.0 h". */
  static String human(long nanos) {
    double s = nanos / 1e9;
    if (s < 1) return String.format(Locale.ROOT, s < 0.01 ? "%.2f ms" : "%.0f ms", s * 1000);
    if (s < 120) return String.format(Locale.ROOT, "%.1f s", s);
    if (s < 7200) return String.format(Locale.ROOT, "%.1f min", s / 60);
    return String.format(Locale.ROOT, "%.1f h", s / 3600);
  }

  private static String pct(double f) {
    return String.format(Locale.ROOT, f > 0 && f < 0.001 ? "%.3f %%" : "%.1f %%", 100 * f);
  }

  private static String ratio(double v) {
    return String.format(Locale.ROOT, v >= 10 ? "%.0f×" : "%.1f×", v);
  }
}
