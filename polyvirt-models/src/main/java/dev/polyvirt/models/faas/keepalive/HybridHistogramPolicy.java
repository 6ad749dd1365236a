package dev.polyvirt.models.faas.keepalive;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.spec.Fields;
import dev.polyvirt.spec.Problems;
import dev.polyvirt.spec.yaml.Mark;
import dev.polyvirt.spec.yaml.Node;
import java.util.Locale;
import java.util.Optional;

/**
 * The hybrid histogram policy of Shahrad et al., "Serverless in the Wild", USENIX ATC 2020 §4
 * (shared/reference/figures.md, "Keep-alive and scaling policies", row "Hybrid histogram
 * (Azure)"). Written {@code keepAlive: hybrid} or
 * {@code keepAlive: {hybrid: {range: 4h, bin: 1m, headPercentile: 5, tailPercentile: 99, margin: 0.1, cvThreshold: 2, minSamples: 10, instanceKeepAlive: 10m}}},
 * every setting optional with those defaults (the paper's; {@code instanceKeepAlive} is ours, see below).
 *
 * <p>The workload's idle times go into a histogram of {@code bin}-wide bins over {@code range}.
 * After each invocation the policy picks, for the instance that has just become idle:
 * <ul>
 *   <li><b>histogram</b> (the normal case): pre-warm = the {@code headPercentile} idle time
 *       rounded down to its bin's lower edge, less {@code margin} (× 0.9); keep-alive = the
 *       {@code tailPercentile} idle time rounded up to its bin's upper edge, plus {@code margin}
 *       (× 1.1), minus the pre-warm. Percentiles are nearest-rank over the in-range idle times;
 *   <li><b>standard keep-alive</b>, when the histogram is not representative: fewer than
 *       {@code minSamples} idle times (in and out of range), or the coefficient of variation of
 *       the bin counts (population standard deviation / mean over all bins) below
 *       {@code cvThreshold} — the paper's CV test; 2 is the threshold dslab's re-implementation
 *       uses. Then: no pre-warm and a keep-alive of {@code range} (4 h), as in the paper;
 *   <li><b>forecast</b>, when more than half of the idle times (with at least
 *       {@code minSamples}) exceed the range. The paper forecasts the next idle time with ARIMA;
 *       this replaces ARIMA by simple exponential smoothing (α = {@value #FORECAST_SMOOTHING}) of
 *       the out-of-range idle times, and keeps the paper's 15 % margins around the forecast f:
 *       pre-warm = 0.85 f, keep-alive = 0.30 f (so the instance is loaded from 0.85 f to 1.15 f).
 * </ul>
 *
 * <p>The policy acts on the <b>application</b>, as in the paper: the histogram holds the app's idle
 * times (end of its last running execution to its next invocation) and the windows say when the
 * app's image is unloaded and pre-warmed (see {@code AppInstances} in the faas package). The paper
 * runs each app as one unit; a busy app here has concurrent instances, and while the app is
 * active (and for the instances other than its image) an idle instance follows
 * {@code instanceKeepAlive}, the platform's normal fixed keep-alive: 10 min by default, the AWS
 * figure (figures.md "Keep-alive and scaling policies", Shilkov 2019). Applying the windows to
 * every instance instead would unload the concurrent instances of a busy function after the
 * short tail of its idle times and cold-start it far more than the fixed policy (1,089 cold
 * starts against 103 for the busiest queue function of the bundled Azure sample).
 *
 * <p>What an idle time is: see {@link HybridHistogram}.
 *
 * @param rangeNanos the histogram's span and the standard keep-alive
 * @param binNanos the width of one bin; the range must be a whole number of bins
 * @param headPercentile the idle-time percentile the pre-warm window is taken from
 * @param tailPercentile the idle-time percentile the pre-warm plus keep-alive windows reach
 * @param margin the safety margin taken off the pre-warm and added to the tail
 * @param cvThreshold below this coefficient of variation of bin counts, the histogram is not representative
 * @param minSamples with fewer idle times than this, the histogram is not representative
 * @param instanceKeepAliveNanos how long an idle instance other than the app's image stays
 *     loaded (the platform's normal keep-alive for concurrent instances)
 */
public record HybridHistogramPolicy(long rangeNanos, long binNanos, double headPercentile, double tailPercentile,
    double margin, double cvThreshold, long minSamples, long instanceKeepAliveNanos) implements KeepAlivePolicy {
  /** The normal keep-alive of concurrent instances: AWS's fixed 10 min (figures.md "Keep-alive and scaling policies"). */
  public static final long DEFAULT_INSTANCE_KEEP_ALIVE = 10 * SimTime.NANOS_PER_MINUTE;
  /** The paper's settings. */
  public static final HybridHistogramPolicy DEFAULT = new HybridHistogramPolicy(4 * SimTime.NANOS_PER_HOUR,
      SimTime.NANOS_PER_MINUTE, 5, 99, 0.1, 2, 10, DEFAULT_INSTANCE_KEEP_ALIVE);
  /** Most bins a histogram may have (4 h in 1 s bins is 14,400). */
  public static final long MAX_BINS = 100_000;
  /** Above this share of out-of-range idle times the policy forecasts instead of reading the histogram. */
  public static final double OUT_OF_RANGE_SHARE = 0.5;
  /** The smoothing factor of the exponential smoothing that stands in for the paper's ARIMA. */
  public static final double FORECAST_SMOOTHING = 0.5;
  /** The paper's margin around a forecast idle time: pre-warm (1 − m) f, keep-alive 2 m f. */
  public static final double FORECAST_MARGIN = 0.15;

  public HybridHistogramPolicy {
    if (binNanos <= 0 || rangeNanos <= 0 || rangeNanos % binNanos != 0 || rangeNanos / binNanos > MAX_BINS) {
      throw new IllegalArgumentException("the range must be a positive whole number (at most " + MAX_BINS + ") of bins");
    }
    if (!(headPercentile >= 0 && headPercentile <= tailPercentile && tailPercentile <= 100)) {
      throw new IllegalArgumentException("percentiles must satisfy 0 <= head <= tail <= 100");
    }
    if (!(margin >= 0 && margin < 1) || !(cvThreshold >= 0) || minSamples < 1) {
      throw new IllegalArgumentException("margin must be in [0, 1), cvThreshold >= 0, minSamples >= 1");
    }
    if (instanceKeepAliveNanos < 0) throw new IllegalArgumentException("instanceKeepAlive cannot be negative");
  }

  /** The policy with the default instance keep-alive (10 min). */
  public HybridHistogramPolicy(long rangeNanos, long binNanos, double headPercentile, double tailPercentile, double margin,
      double cvThreshold, long minSamples) {
    this(rangeNanos, binNanos, headPercentile, tailPercentile, margin, cvThreshold, minSamples, DEFAULT_INSTANCE_KEEP_ALIVE);
  }

  /** Returns the number of bins. */
  public int bins() {
    return (int) (rangeNanos / binNanos);
  }

  @Override
  public String name() {
    return "hybrid";
  }

  @Override
  public String describe() {
    return String.format(Locale.ROOT, "hybrid histogram (%s in %s bins, pre-warm p%s, keep-alive p%s, margin %s, CV >= %s, >= %d idle times%s)",
        SimTime.format(rangeNanos), SimTime.format(binNanos), num(headPercentile), num(tailPercentile), num(margin),
        num(cvThreshold), minSamples, instanceKeepAliveNanos == DEFAULT_INSTANCE_KEEP_ALIVE ? ""
            : ", instances " + SimTime.format(instanceKeepAliveNanos));
  }

  @Override
  public KeepAliveWindows newRun() {
    return new HybridHistogram(this);
  }

  private static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  /** Binds {@code hybrid} (defaults) or {@code {hybrid: {...}}}. */
  static Optional<KeepAlivePolicy> bind(Optional<Node> args, Mark where, Problems problems) {
    if (args.isEmpty()) return Optional.of(DEFAULT);
    return Fields.of(args.get(), problems, "keepAlive.hybrid").flatMap(f -> {
      HybridHistogramPolicy d = DEFAULT;
      int before = problems.all().size();
      long range = f.duration("range").orElse(d.rangeNanos);
      long bin = f.duration("bin").orElse(d.binNanos);
      double head = f.decimal("headPercentile", 0, 100).orElse(d.headPercentile);
      double tail = f.decimal("tailPercentile", 0, 100).orElse(d.tailPercentile);
      double margin = f.decimal("margin", 0, 0.99).orElse(d.margin);
      double cv = f.decimal("cvThreshold", 0, 1e6).orElse(d.cvThreshold);
      long min = f.integer("minSamples", 1, 1_000_000_000).orElse(d.minSamples);
      long instances = f.duration("instanceKeepAlive").orElse(d.instanceKeepAliveNanos);
      if (instances < 0) problems.add(f.keyMark("instanceKeepAlive"), "'instanceKeepAlive' cannot be negative", "e.g. instanceKeepAlive: 10m");
      f.done();
      if (f.has("range") && range <= 0) problems.add(f.keyMark("range"), "'range' must be positive", "e.g. range: 4h");
      if (f.has("bin") && bin <= 0) problems.add(f.keyMark("bin"), "'bin' must be positive", "e.g. bin: 1m");
      if (range > 0 && bin > 0 && (range % bin != 0 || range / bin > MAX_BINS)) {
        problems.add(f.keyMark(f.has("bin") ? "bin" : "range"), "the range " + SimTime.format(range) + " must be a whole number of "
            + SimTime.format(bin) + " bins, at most " + MAX_BINS, "e.g. range: 4h, bin: 1m (240 bins)");
      }
      if (head > tail) {
        problems.add(f.keyMark("headPercentile"), "headPercentile (" + num(head) + ") exceeds tailPercentile (" + num(tail) + ")",
            "the pre-warm percentile must not exceed the keep-alive one, e.g. 5 and 99");
      }
      if (problems.all().size() > before) return Optional.empty();
      return Optional.of(new HybridHistogramPolicy(range, bin, head, tail, margin, cv, min, instances));
    });
  }
}
