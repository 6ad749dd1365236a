package dev.polyvirt.traffic;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Arrivals of {@link BurstTraffic}: walks the alternating pieces of constant rate (base, burst,
 * base, …) and draws exponential gaps within the current piece, restarting at each boundary.
 */
final class BurstArrivals implements ArrivalProcess {
  private final BurstTraffic traffic;
  private final UniformRandomProvider rng;
  private final long horizonNanos;
  private double now;
  private long pieceEnd;
  private boolean inBurst;

  BurstArrivals(BurstTraffic traffic, UniformRandomProvider rng, long horizonNanos) {
    this.traffic = traffic;
    this.rng = rng;
    this.horizonNanos = horizonNanos;
    this.inBurst = traffic.startNanos() == 0;
    this.pieceEnd = inBurst ? traffic.lengthNanos() : traffic.startNanos();
  }

  @Override
  public long next() {
    while (now < horizonNanos) {
      double rate = inBurst ? traffic.burstRatePerSecond() : traffic.baseRatePerSecond();
      if (rate > 0) {
        double candidate = now + -Math.log(1.0 - rng.nextDouble()) * 1e9 / rate;
        if (candidate < pieceEnd) {
          now = candidate;
          return now < horizonNanos ? (long) now : NONE;
        }
      }
      enterNextPiece();
    }
    return NONE;
  }

  private void enterNextPiece() {
    now = pieceEnd;
    // a burst is followed by (every - length) of base rate; base rate by a burst
    pieceEnd += inBurst ? traffic.everyNanos() - traffic.lengthNanos() : traffic.lengthNanos();
    inBurst = !inBurst;
  }
}
