package dev.polyvirt.models.vm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.Simulation;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.RequestDriver;
import dev.polyvirt.models.RunContext;
import dev.polyvirt.models.RunStats;
import dev.polyvirt.models.Runs;
import dev.polyvirt.models.pool.LoadBalancer;
import dev.polyvirt.models.pool.ServerPool;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** EC2 target tracking: scale out under load above the target, back in once it drops. */
class TargetTrackingTest {
  private static final long MIN = SimTime.NANOS_PER_MINUTE;

  /** Quiet 0.5/s, a 30-minute burst of 6/s from minute 20, quiet again until 3 h; 1-core 1 s requests on 2-vCPU m5.large. */
  private static String spec(long seed) {
    return Runs.spec("3h", seed, """
        runtime: java
        traffic: {bursts: {baseRatePerSecond: 0.5, burstRatePerSecond: 6, every: 6h, length: 30m, start: 20m}}
        request: {duration: 1s, cpu: 1, memory: 512Mi}
        candidates: [vm]
        models:
          vm: {instanceType: m5.large, count: 1, autoscaling: {min: 1, max: 20, targetCpu: 50}}
        """);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void scalesOutUnderLoadAndBackInAfterItDrops(long seed) {
    // Above the CPU target the fleet grows past min; 15 minutes after the load falls below 90 % of target it shrinks back to min.
    RunContext ctx = Runs.context(spec(seed));
    VmSettings s = Runs.settings(new VmModel(), ctx);
    VmSettings.Autoscaling policy = s.autoscaling().orElseThrow();
    Simulation sim = new Simulation();
    RunStats stats = new RunStats(ctx.horizonNanos());
    ServerPool pool = new ServerPool(sim, stats, LoadBalancer.SHARED_QUEUE, 2, new ServerPool.Lifecycle() {
      @Override
      public void started(int server, long now) {}

      @Override
      public void stopped(int server, long now) {}
    });
    pool.add(0, 1.0);
    // one busy slot is one of the instance's two vCPUs; new instances boot for 60 s
    new TargetTracking(sim, stats, pool, policy, 0.5, () -> pool.add(MIN, 1.0)).start();
    new RequestDriver(sim, ctx.traffic().arrivals(ctx.streams().stream("arrivals"), ctx.horizonNanos()),
        ctx.workload().request().duration().sampler(ctx.streams().stream("durations")), pool::submit, stats).start();

    sim.runUntil(19 * MIN);
    assertThat(pool.provisioned()).as("quiet: min").isEqualTo(1);
    sim.runUntil(50 * MIN);
    int underLoad = pool.provisioned();
    // 6 Erlangs of 1-core requests at a 50 % target on 2-vCPU instances need 6 instances
    assertThat(underLoad).as("burst: scaled out").isGreaterThanOrEqualTo(6).isLessThanOrEqualTo(policy.max());
    sim.runUntil(ctx.horizonNanos());
    assertThat(pool.provisioned()).as("after the burst: back to min").isEqualTo(policy.min());
    assertThat(stats.instances.peak()).isGreaterThanOrEqualTo(underLoad);
    sim.runUntil(Long.MAX_VALUE);
    assertThat(stats.completed).as("no request lost while scaling").isEqualTo(stats.requests);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2})
  void vmModelReportsTheScaledFleet(long seed) {
    // Through the vm model, a burst above target shows as peakInstances above min, while the time-weighted average stays well below the peak.
    ModelResult r = Runs.run(new VmModel(), spec(seed));
    ModelResult.Figures f = r.figures().orElseThrow();
    assertThat(f.peakInstances()).isGreaterThan(1);
    assertThat(f.avgInstances()).isGreaterThan(1.0).isLessThan(f.peakInstances() / 2.0);
    assertThat(f.completed()).isEqualTo(f.requests());
    assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("target tracking 1-20"));
  }
}
