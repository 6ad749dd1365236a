package dev.polyvirt.models.datacenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.models.ModelResult;
import org.junit.jupiter.api.Test;

/** The per-host heat map's buckets equal their closed form: busy work split exactly at bucket edges. */
class HostHeatTest {
  private static ModelResult.HostHeatMap run(double taskMi, long horizonNanos, int buckets, BatchResult[] out) {
    // one 2-core × 1000 MIPS host, one 1-vCPU VM: a task runs alone at 1000 MIPS, i.e. half the host
    Cluster c = BatchRunTest.cluster(1, 1, new VmShape("v", 1, 1000, 1024));
    HostHeat heat = new HostHeat(horizonNanos, buckets, 1);
    out[0] = BatchRun.run(c, BatchRunTest.jobs(new double[] {0}, new double[] {taskMi}, new int[] {0}), TaskExecution.TIME_SHARED,
        0, false, run -> run.track(heat));
    return heat.map(c);
  }

  @Test
  void aTaskFillsWholeBucketsThenTheBoundaryBucketByItsFraction() {
    // 2500 MI at 1000 MIPS: busy [0, 2.5 s) at 50 % of the host; 1-s buckets over 4 s: 50 %, 50 %, 25 % (half a bucket), 0
    BatchResult[] r = new BatchResult[1];
    ModelResult.HostHeatMap m = run(2500, SimTime.ofSeconds(4), 4, r);
    assertThat(m.hosts()).containsExactly("host 0");
    assertThat(m.bucketNanos()).isEqualTo(SimTime.ofSeconds(1));
    assertThat(m.utilisation().get(0).stream().mapToDouble(u -> u).toArray()).containsExactly(new double[] {0.5, 0.5, 0.25, 0.0}, within(1e-12));
    // the buckets' busy time is the run's: Σ u_k × width_k = mean utilisation × run end (2.5 s ≤ horizon)
    double weighted = m.utilisation().get(0).stream().mapToDouble(u -> u).sum() * 1.0;
    assertThat(weighted).isCloseTo(r[0].hostUtilisation()[0] * SimTime.toSeconds(r[0].endNanos()), within(1e-12));
  }

  @Test
  void workAfterTheHorizonIsLeftOutAndUnevenBucketsKeepTheirShare() {
    // 3000 MI: busy [0, 3 s) but the horizon is 2 s in 3 buckets of 666,666,666 / 666,666,667 / 666,666,667 ns: all 50 %
    BatchResult[] r = new BatchResult[1];
    ModelResult.HostHeatMap m = run(3000, SimTime.ofSeconds(2), 3, r);
    assertThat(m.bucketNanos()).isEqualTo(666_666_666L);
    assertThat(m.utilisation().get(0).stream().mapToDouble(u -> u).toArray()).containsExactly(new double[] {0.5, 0.5, 0.5}, within(1e-12));
    assertThat(SimTime.toSeconds(r[0].endNanos())).isCloseTo(3, within(1e-9)); // the third second is in no bucket
  }

  @Test
  void onlyTheFirstHostsAreTrackedAndAnIdleOneStaysAtZero() {
    HostHeat heat = new HostHeat(SimTime.ofSeconds(10), 5, 2);
    heat.add(2, 0, SimTime.ofSeconds(10), 1000); // beyond the tracked hosts: ignored, no error
    heat.add(0, SimTime.ofSeconds(1), SimTime.ofSeconds(5), 1000); // crosses buckets [0,2) [2,4) [4,6)
    assertThat(heat.busyMipsSeconds(0, 0)).isCloseTo(1000, within(1e-9));
    assertThat(heat.busyMipsSeconds(0, 1)).isCloseTo(2000, within(1e-9));
    assertThat(heat.busyMipsSeconds(0, 2)).isCloseTo(1000, within(1e-9));
    assertThat(heat.busyMipsSeconds(1, 0)).isZero();
  }
}
