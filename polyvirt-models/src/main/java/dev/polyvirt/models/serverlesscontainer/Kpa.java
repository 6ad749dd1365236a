package dev.polyvirt.models.serverlesscontainer;

import dev.polyvirt.engine.SimTime;

/**
 * The decision of the Knative Pod Autoscaler (KPA) at one tick, as Knative Serving's
 * {@code pkg/autoscaler/scaling/autoscaler.go} computes it, with the defaults of its
 * {@code config-autoscaler} (Knative docs, "Autoscaling concepts" and "Additional autoscaling
 * configuration for Knative Pod Autoscaler"):
 *
 * <ul>
 *   <li>desired stable = ceil(stable-window concurrency / target), desired panic =
 *       ceil(panic-window concurrency / target), target = containerConcurrency × target
 *       utilisation (70 %, figures.md "Knative");
 *   <li>both kept within [floor(ready / {@value #MAX_SCALE_DOWN_RATE}),
 *       ceil(ready × {@value #MAX_SCALE_UP_RATE})] (max-scale-down-rate 2, max-scale-up-rate
 *       1000), ready counted as at least 1;
 *   <li>panic mode starts when desired panic / ready ≥ {@value #PANIC_THRESHOLD} (panic threshold
 *       200 %), is extended at every tick still over it, and ends once a whole stable window
 *       (60 s) has passed without; while panicking the scale is the highest of the stable and
 *       panic desires seen since panic began: never down;
 *   <li>scale to zero: the last instance goes only after the stable window shows no traffic at
 *       all and no request is in the system, plus the scale-to-zero grace period (30 s,
 *       figures.md "Knative"); while a request is in the system at least one instance is wanted;
 *   <li>the result is kept within [minScale, maxScale].
 * </ul>
 *
 * Windows: stable 60 s (Knative's {@code stable-window} default), panic 6 s (10 %,
 * {@code panic-window-percentage}); the autoscaler ticks every 2 s.
 */
final class Kpa {
  static final long TICK = 2 * SimTime.NANOS_PER_SECOND;
  static final long STABLE_WINDOW = 60 * SimTime.NANOS_PER_SECOND;
  static final long PANIC_WINDOW = 6 * SimTime.NANOS_PER_SECOND;
  static final long SCALE_TO_ZERO_GRACE = 30 * SimTime.NANOS_PER_SECOND;
  static final double PANIC_THRESHOLD = 2.0;
  static final double MAX_SCALE_UP_RATE = 1000;
  static final double MAX_SCALE_DOWN_RATE = 2;

  private final double target;
  private final int minScale;
  private final int maxScale;
  private long panicTime = -1;
  private int maxPanicPods;
  private long idleSince = -1;
  private long panics;

  /** Creates the autoscaler of one revision: {@code target} concurrent requests per instance, scale within [min, max]. */
  Kpa(double target, int minScale, int maxScale) {
    if (!(target > 0)) throw new IllegalArgumentException("target must be positive");
    this.target = target;
    this.minScale = minScale;
    this.maxScale = maxScale;
  }

  /**
   * Returns the instances wanted at {@code now} given the concurrency averaged over the stable
   * and panic windows, the ready instances, the instances provisioned (ready or starting) and
   * the requests in the system right now (a request the activator holds keeps the revision
   * active, as its poke does in Knative, even before it shows in any window).
   */
  int decide(long now, double stableConcurrency, double panicConcurrency, int ready, int provisioned, long inSystemNow) {
    double readyCount = Math.max(1, ready);
    double maxScaleUp = Math.ceil(MAX_SCALE_UP_RATE * readyCount);
    double maxScaleDown = Math.floor(readyCount / MAX_SCALE_DOWN_RATE);
    double dspc = Math.ceil(stableConcurrency / target);
    double dppc = Math.ceil(panicConcurrency / target);
    int desiredStable = (int) Math.min(Math.max(dspc, maxScaleDown), maxScaleUp);
    int desiredPanic = (int) Math.min(Math.max(dppc, maxScaleDown), maxScaleUp);
    boolean over = dppc / readyCount >= PANIC_THRESHOLD;
    if (panicTime < 0 && over) {
      panicTime = now;
      panics++;
    } else if (over) {
      panicTime = now;
    } else if (panicTime >= 0 && panicTime + STABLE_WINDOW < now) {
      panicTime = -1;
      maxPanicPods = 0;
    }
    int desired = desiredStable;
    if (panicTime >= 0) {
      desired = Math.max(desired, desiredPanic);
      maxPanicPods = Math.max(maxPanicPods, desired);
      desired = maxPanicPods;
    }
    if (stableConcurrency == 0 && inSystemNow == 0) {
      if (idleSince < 0) idleSince = now;
    } else {
      idleSince = -1;
    }
    if (desired == 0 && (inSystemNow > 0 || provisioned > 0 && (idleSince < 0 || now - idleSince < SCALE_TO_ZERO_GRACE))) desired = 1;
    return Math.max(minScale, Math.min(maxScale, desired));
  }

  /** Returns true while in panic mode. */
  boolean panicking() {
    return panicTime >= 0;
  }

  /** Returns how many times panic mode began. */
  long panics() {
    return panics;
  }
}
