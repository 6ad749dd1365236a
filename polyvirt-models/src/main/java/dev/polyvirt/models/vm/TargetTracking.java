package dev.polyvirt.models.vm;

import dev.polyvirt.engine.EventHandler;
import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.Simulation;
import dev.polyvirt.models.RunStats;
import dev.polyvirt.models.pool.ServerPool;

/**
 * EC2 Auto Scaling target tracking on average CPU utilisation.
 *
 * <p>Every minute (CloudWatch's 1-minute detailed metric) it computes the fleet's CPU
 * utilisation over the past minute. As AWS's target-tracking alarms do, it scales out after 3
 * consecutive datapoints above the target and scales in after 15 consecutive datapoints below
 * 90 % of it, to the capacity ceil(current × utilisation / target) clamped to [min, max]
 * (AWS EC2 Auto Scaling user guide, "Target tracking scaling policies"). New instances serve
 * only after their boot time; while some are booting no further scale-out is decided (their
 * warm-up).
 */
final class TargetTracking implements EventHandler {
  static final long PERIOD = SimTime.NANOS_PER_MINUTE;
  static final int OUT_DATAPOINTS = 3;
  static final int IN_DATAPOINTS = 15;
  static final double IN_THRESHOLD = 0.9;

  private final Simulation sim;
  private final RunStats stats;
  private final ServerPool pool;
  private final VmSettings.Autoscaling policy;
  private final double cpuPerSlot; // fraction of an instance's CPU one busy slot uses
  private final Launcher launcher;
  private double lastBusy;
  private int above;
  private int below;

  /** Starts a new instance (drawing its boot time and overhead). */
  interface Launcher {
    void launch();
  }

  TargetTracking(Simulation sim, RunStats stats, ServerPool pool, VmSettings.Autoscaling policy, double cpuPerSlot, Launcher launcher) {
    this.sim = sim;
    this.stats = stats;
    this.pool = pool;
    this.policy = policy;
    this.cpuPerSlot = cpuPerSlot;
    this.launcher = launcher;
  }

  void start() {
    sim.after(PERIOD, this, 0);
  }

  @Override
  public void onEvent(long payload) {
    long now = sim.now();
    if (now > stats.horizon()) return;
    double busy = stats.busy.integralSeconds(now);
    int current = pool.provisioned();
    double util = current == 0 ? 1 : (busy - lastBusy) * cpuPerSlot / (current * SimTime.toSeconds(PERIOD));
    lastBusy = busy;
    double target = policy.targetCpu() / 100.0;
    above = util > target ? above + 1 : 0;
    below = util < target * IN_THRESHOLD ? below + 1 : 0;
    int desired = (int) Math.ceil(current * util / target - 1e-9);
    desired = Math.max(policy.min(), Math.min(policy.max(), desired));
    boolean booting = current > pool.ready();
    if (above >= OUT_DATAPOINTS && desired > current && !booting) {
      for (int i = current; i < desired; i++) launcher.launch();
      above = 0;
    } else if (below >= IN_DATAPOINTS && desired < current) {
      for (int i = desired; i < current; i++) pool.removeOne();
      below = 0;
    }
    sim.after(PERIOD, this, 0);
  }
}
