package dev.polyvirt.models.datacenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.models.ModelResult;
import org.junit.jupiter.api.Test;

/** Incremental snapshots with retention: stored GB-months and creation time by the closed form, and in the model's cost. */
class SnapshotScheduleTest {
  @Test
  void aChainKeepsOneFullCopyAndTheRetainedIncrements() {
    // daily, keep 3, 10 % change, 100 GB, 5 days: snapshots at days 0..4 store 100, 110, 120, 120, 120 GB for a day each
    SnapshotSchedule s = new SnapshotSchedule(24 * SimTime.NANOS_PER_HOUR, 3, 0.1, 100);
    SnapshotSchedule.Usage u = s.of(100, 5 * 24 * SimTime.NANOS_PER_HOUR);
    assertThat(u.snapshots()).isEqualTo(5);
    assertThat(u.gbMonths()).isCloseTo(570 * 24 / 730.0, within(1e-9));
    // 100 GB + 4 × 10 GB written at 100 MB/s
    assertThat(u.creationSeconds()).isCloseTo(1400, within(1e-9));
  }

  @Test
  void theModelChargesSnapshotStorageInOther() {
    // 4 VMs × 10 GiB, one snapshot each within the day: 4 × 10 × 24/730 GB-months at $0.05 (EBS standard, us-east-1)
    ModelResult r = VmRunningCostsTest.run("linux", "  snapshots: {every: 24h, retention: 7}", "disk: 10Gi");
    assertThat(r.metrics().get("snapshots")).isEqualTo(4.0);
    assertThat(r.metrics().get("snapshotGbMonths")).isCloseTo(4 * 10 * 24 / 730.0, within(1e-9));
    assertThat(r.metrics().get("snapshotUsd")).isCloseTo(0.05 * 4 * 10 * 24 / 730.0, within(1e-9));
    assertThat(r.metrics().get("snapshotCreationSeconds")).isCloseTo(4 * 10 * 1000 / 100.0, within(1e-9));
    ModelResult none = VmRunningCostsTest.run("linux", "", "disk: 10Gi");
    double extra = r.figures().orElseThrow().costUsd().other().doubleValue() - none.figures().orElseThrow().costUsd().other().doubleValue();
    assertThat(extra).isCloseTo(0.05 * 4 * 10 * 24 / 730.0, within(1e-6));
  }
}
