package dev.polyvirt.models.datacenter;

import dev.polyvirt.engine.random.RandomStreams;
import dev.polyvirt.engine.dist.Distribution;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Host failures drawn from time-to-failure and time-to-repair distributions (MTBF/MTTR), each
 * host from its own random stream {@code datacenter/host:N} so adding a host never changes the
 * failures of the others, and the result is the same whatever the thread count. Failures are
 * drawn up to the horizon; each is answered by HA as a scheduled {@link HostFailure} is.
 */
public record FailureProcess(Distribution timeToFailure, Distribution timeToRepair, long detectNanos, long bootNanos) {
  /** Draws every host's failures before {@code horizonNanos} and schedules them on {@code run}; returns how many. */
  public int schedule(BatchRun run, RandomStreams streams, long horizonNanos) {
    int n = 0;
    for (int h = 0; h < run.cluster().hosts(); h++) {
      UniformRandomProvider rng = streams.child("datacenter/host:" + h).stream("failures");
      Distribution.Sampler fail = timeToFailure.sampler(rng);
      Distribution.Sampler fix = timeToRepair.sampler(rng);
      long t = fail.next();
      while (t < horizonNanos) {
        long repair = Math.max(1, fix.next());
        new HostFailure(h, t, detectNanos, bootNanos, repair).schedule(run);
        n++;
        t += repair + Math.max(1, fail.next());
      }
    }
    return n;
  }
}
