package dev.polyvirt.models.faas;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.spec.Fields;
import dev.polyvirt.spec.Problems;
import dev.polyvirt.spec.yaml.Node;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Keep-warm pings, the practitioners' workaround for cold starts (seed 003: "Keep functions
 * warm: scheduled pings at regular intervals"): {@code models.faas.pings: {every: 5m,
 * concurrency: 1, duration: 1ms}} sends {@code concurrency} tiny invocations at 0, every,
 * 2·every, … before the horizon, each running {@code duration}. Sent together, they occupy
 * {@code concurrency} instances at once, so they keep that many warm under any keep-alive
 * longer than {@code every}.
 *
 * <p>Pings are billed like any invocation (request fee and duration, through the same meter) but
 * are not workload requests: they count in neither requests, completed, latency nor cold starts;
 * their own counts are in {@link Figures}. To the platform they are invocations: they take
 * instances, may cold-start one, count against the concurrency limit, and feed an adaptive
 * keep-alive policy's idle-time histogram.
 *
 * @param everyNanos the interval between ping rounds ({@code > 0} when enabled)
 * @param concurrency pings per round ({@code 0}: no pings)
 * @param durationNanos how long each ping runs
 */
public record Pings(long everyNanos, int concurrency, long durationNanos) {
  /** No pings. */
  public static final Pings NONE = new Pings(0, 0, 0);
  static final long DEFAULT_DURATION = SimTime.NANOS_PER_MILLI;

  /** Returns true when pings are sent. */
  public boolean enabled() {
    return concurrency > 0;
  }

  /** Describes the pings for notes, e.g. "1 every 5m, 1ms each". */
  public String describe() {
    return concurrency + " every " + SimTime.format(everyNanos) + ", " + SimTime.format(durationNanos) + " each";
  }

  /** Binds {@code pings: {every: 5m, concurrency: 1, duration: 1ms}}. */
  static Optional<Pings> bind(Node node, Problems problems) {
    return Fields.of(node, problems, "pings").flatMap(f -> {
      Optional<Node> everyNode = f.required("every", "write pings: {every: 5m, concurrency: 1}");
      long every = f.duration("every").orElse(-1);
      int concurrency = (int) f.integer("concurrency", 1, 100_000).orElse(1);
      long duration = f.duration("duration").orElse(DEFAULT_DURATION);
      f.done();
      boolean ok = everyNode.isPresent() && every >= 0;
      if (everyNode.isPresent() && every == 0) {
        problems.add(everyNode.get().mark(), "pings 'every' must be positive", "e.g. every: 5m");
        ok = false;
      }
      if (f.has("duration") && (duration <= 0 || duration > FaasModel.MAX_TIMEOUT)) {
        problems.add(f.node("duration").get().mark(), "pings 'duration' must be between 1ms and 15m", "e.g. duration: 1ms");
        ok = false;
      }
      return ok ? Optional.of(new Pings(every, concurrency, duration)) : Optional.empty();
    });
  }

  /**
   * What the pings of one run did.
   *
   * @param pings ping invocations served
   * @param coldStarts pings that found no warm instance
   * @param throttled pings refused by the concurrency limit (not billed)
   * @param costUsd what the served pings cost on their own, at list price (no free tier); the run's bill includes them
   */
  public record Figures(long pings, long coldStarts, long throttled, BigDecimal costUsd) {
    /** No pings. */
    public static final Figures NONE = new Figures(0, 0, 0, BigDecimal.ZERO);
  }
}
