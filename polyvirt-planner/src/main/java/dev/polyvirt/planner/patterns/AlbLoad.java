package dev.polyvirt.planner.patterns;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.metrics.StepSeries;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.pricing.IntegrationPrices;
import dev.polyvirt.spec.DataTransfer;
import java.util.Arrays;

/**
 * What an Application Load Balancer carries, hour by hour, in the units of its Load Balancer
 * Capacity Units (aws.amazon.com/elasticloadbalancing/pricing): new connections per second, GB of
 * requests and responses processed per hour (1 GB/h per LCU for instance, container and IP
 * targets), and connections open at once (3,000 per LCU). An ALB bills each hour at the largest
 * dimension, so the hours are kept apart: the sum of hourly maxima is at least the maximum of the
 * monthly means, and equal to it only when one dimension dominates every hour.
 *
 * <p>For one workload alone the hours change nothing: every dimension here is its hour's arrivals
 * times a fixed per-request factor (1 connection, the request + response bytes, the mean latency),
 * so the same dimension binds every hour and the month's LCU-hours are the month's requests times
 * the largest factor — the monthly mean is exact. They matter for a load balancer that several
 * workloads share (the cluster's ingress, the one behind the gateway): there the factors mix in
 * each hour's proportions, a byte-heavy service and a connection-heavy one may bind in different
 * hours, and the shared ALB pays the larger of their summed dimensions hour by hour, which is at
 * most what they pay apart.
 *
 * <p>Hours come from the simulated arrivals series ({@link ModelResult.Series}, 200 buckets): a
 * bucket's arrivals are spread over the hours it overlaps in proportion to the overlap, so a span
 * up to 200 h is resolved hour by hour; longer spans have buckets wider than an hour, whose
 * arrivals are taken as even within the bucket (the dimensions are then hourly means of that
 * bucket). A result without a series is one even "hour" over its whole span (the monthly mean).
 *
 * <p>Assumptions: every request opens a new connection (the upper bound the new-connections
 * dimension already used: clients that reuse connections open fewer); a connection stays open for
 * its request's mean latency, so connections open at once = arrival rate × mean latency (Little's
 * law) — which exceeds new connections / 25 only for requests over 120 s; rule evaluations (1,000
 * per second per LCU, the first 10 rules free) stay under new connections / 25 with one rule per
 * request, so they are not counted. Processed bytes are the workload's {@code dataTransfer}
 * request + response sizes per request (headers not counted), GB = 2^30 bytes as in
 * {@link dev.polyvirt.planner.tco.DataTransferBill}.
 *
 * @param horizonNanos the span the hours cover
 * @param hourSeconds each hour's length in seconds (the last may be shorter)
 * @param newConnectionsPerSecond mean new connections per second in each hour
 * @param gbPerHour GB processed, as an hourly rate, in each hour
 * @param activeConnections mean connections open at once in each hour
 */
public record AlbLoad(long horizonNanos, double[] hourSeconds, double[] newConnectionsPerSecond, double[] gbPerHour,
    double[] activeConnections) {
  static final double BYTES_PER_GB = 1L << 30;

  /** Returns the load {@code r}'s requests put on an ALB, each moving {@code t}'s bytes. */
  public static AlbLoad of(ModelResult r, DataTransfer t, long horizonNanos) {
    ModelResult.Series s = r.series();
    int hours = (int) Math.max(1, (horizonNanos + SimTime.NANOS_PER_HOUR - 1) / SimTime.NANOS_PER_HOUR);
    double[] arrivals = new double[hours];
    if (s.buckets() == 0 || s.horizonNanos() != horizonNanos) {
      double requests = r.figures().map(ModelResult.Figures::requests).orElse(0L);
      for (int h = 0; h < hours; h++) arrivals[h] = requests * seconds(h, horizonNanos) * SimTime.NANOS_PER_SECOND / horizonNanos;
    } else {
      int n = s.buckets();
      for (int k = 0; k < n; k++) {
        long start = StepSeries.boundary(horizonNanos, n, k); // the series' own bucket boundaries
        long end = StepSeries.boundary(horizonNanos, n, k + 1);
        spread(arrivals, s.arrivals().get(k), start, end);
      }
    }
    double meanLatencySeconds = r.figures().map(f -> f.latencyMs().mean() / 1000).orElse(0.0);
    double bytes = t.requestBytes() + t.responseBytes();
    double[] secs = new double[hours], fresh = new double[hours], gb = new double[hours], active = new double[hours];
    for (int h = 0; h < hours; h++) {
      secs[h] = seconds(h, horizonNanos);
      fresh[h] = arrivals[h] / secs[h];
      gb[h] = arrivals[h] * bytes / BYTES_PER_GB * 3600 / secs[h];
      active[h] = fresh[h] * meanLatencySeconds;
    }
    return new AlbLoad(horizonNanos, secs, fresh, gb, active);
  }

  /** Returns the load of one ALB carrying this and {@code o} (same span), hour by hour. */
  public AlbLoad plus(AlbLoad o) {
    if (o.horizonNanos != horizonNanos) throw new IllegalArgumentException("loads over different spans do not add hour by hour");
    double[] fresh = newConnectionsPerSecond.clone(), gb = gbPerHour.clone(), active = activeConnections.clone();
    for (int h = 0; h < fresh.length; h++) {
      fresh[h] += o.newConnectionsPerSecond[h];
      gb[h] += o.gbPerHour[h];
      active[h] += o.activeConnections[h];
    }
    return new AlbLoad(horizonNanos, hourSeconds, fresh, gb, active);
  }

  /** Returns the LCUs of hour {@code h}: the largest dimension the book prices. */
  public double lcus(int h, IntegrationPrices p) {
    double lcu = newConnectionsPerSecond[h] / p.albNewConnectionsPerLcu().doubleValue();
    if (p.albProcessedGbPerLcu().signum() > 0) lcu = Math.max(lcu, gbPerHour[h] / p.albProcessedGbPerLcu().doubleValue());
    if (p.albActiveConnectionsPerLcu().signum() > 0) lcu = Math.max(lcu, activeConnections[h] / p.albActiveConnectionsPerLcu().doubleValue());
    return lcu;
  }

  /** Returns the LCU-hours of the span scaled to a 730-hour month, priced. */
  public double lcuUsdPerMonth(IntegrationPrices p) {
    double lcuHours = 0;
    for (int h = 0; h < hourSeconds.length; h++) lcuHours += lcus(h, p) * hourSeconds[h] / 3600;
    return lcuHours * SimTime.NANOS_PER_BILLING_MONTH / horizonNanos * p.albPerLcuHour().doubleValue();
  }

  /** Returns the name of the dimension that bills most hours: new connections, processed bytes or active connections. */
  public String binding(IntegrationPrices p) {
    int[] wins = new int[3];
    for (int h = 0; h < hourSeconds.length; h++) {
      double a = newConnectionsPerSecond[h] / p.albNewConnectionsPerLcu().doubleValue();
      double b = p.albProcessedGbPerLcu().signum() > 0 ? gbPerHour[h] / p.albProcessedGbPerLcu().doubleValue() : 0;
      double c = p.albActiveConnectionsPerLcu().signum() > 0 ? activeConnections[h] / p.albActiveConnectionsPerLcu().doubleValue() : 0;
      wins[b > a && b >= c ? 1 : c > a && c > b ? 2 : 0]++;
    }
    int best = wins[1] > wins[0] && wins[1] >= wins[2] ? 1 : wins[2] > wins[0] && wins[2] > wins[1] ? 2 : 0;
    return new String[] {"new connections", "processed bytes", "active connections"}[best];
  }

  private static double seconds(int h, long horizonNanos) {
    long start = h * SimTime.NANOS_PER_HOUR;
    return (Math.min(horizonNanos, start + SimTime.NANOS_PER_HOUR) - start) / (double) SimTime.NANOS_PER_SECOND;
  }

  /** Adds {@code count} arrivals spread evenly over [start, end) to the hours they overlap. */
  private static void spread(double[] hours, long count, long start, long end) {
    if (count == 0 || end <= start) {
      if (count > 0) hours[(int) Math.min(hours.length - 1, start / SimTime.NANOS_PER_HOUR)] += count;
      return;
    }
    for (long t = start; t < end; ) {
      int h = (int) Math.min(hours.length - 1, t / SimTime.NANOS_PER_HOUR);
      long next = Math.min(end, (h + 1L) * SimTime.NANOS_PER_HOUR);
      if (h == hours.length - 1) next = end;
      hours[h] += count * (double) (next - t) / (end - start);
      t = next;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AlbLoad a && a.horizonNanos == horizonNanos && Arrays.equals(a.hourSeconds, hourSeconds)
        && Arrays.equals(a.newConnectionsPerSecond, newConnectionsPerSecond) && Arrays.equals(a.gbPerHour, gbPerHour)
        && Arrays.equals(a.activeConnections, activeConnections);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(horizonNanos) * 31 + Arrays.hashCode(newConnectionsPerSecond);
  }

  @Override
  public String toString() {
    return "AlbLoad[" + hourSeconds.length + " hours over " + SimTime.format(horizonNanos) + "]";
  }
}
