package dev.polyvirt.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.models.datacenter.BatchJobs;
import dev.polyvirt.models.datacenter.BatchResult;
import dev.polyvirt.models.datacenter.BatchRun;
import dev.polyvirt.models.datacenter.Cluster;
import dev.polyvirt.models.datacenter.Consolidation;
import dev.polyvirt.models.datacenter.FirstFit;
import dev.polyvirt.models.datacenter.HostModel;
import dev.polyvirt.models.datacenter.PowerCurve;
import dev.polyvirt.models.datacenter.TaskExecution;
import dev.polyvirt.models.datacenter.VmShape;
import dev.polyvirt.models.datacenter.power.StaticThreshold;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/**
 * Power-aware consolidation by hand (Beloglazov &amp; Buyya, CCPE 2012, §5–6: THR overload
 * detection, minimum migration time selection, power-aware best fit decreasing, emptying
 * underloaded hosts). Four hosts of 4 × 1000 MIPS drawing 100 + 100·u W, empty hosts switched
 * off; every VM (1 vCPU) runs one 1,000-s task from t = 0, so a busy VM is 0.25 of a host.
 * Host 0 runs a (1 GiB), b, c, d (2 GiB): utilisation 1 > 0.8; host 1 runs e, host 2 runs f, host 3
 * is empty. At the first round (100 s) host 0 sheds a (the smallest memory) and stops at 0.75;
 * a goes to host 1 (+25 W, the first of two equal rises; switching host 3 on would cost 125 W);
 * then host 2, the least utilised host not touched, is emptied onto host 1 (0.75 ≤ 0.8) and switched
 * off. Migrations take 1 GiB over half of 1 Gbit/s = 16.384 s at 90 % speed, so a and f end 1.6384 s late.
 */
class ConsolidationValidationTest {
  static final HostModel HOST = new HostModel("h", 4, 1000, 8192, 1000, PowerCurve.linear(100, 200));

  static BatchResult run(boolean consolidate) {
    Cluster c = new Cluster(Collections.nCopies(4, HOST), 1, 1, new FirstFit());
    long[] mem = {1024, 2048, 2048, 2048, 1024, 1024};
    for (int i = 0; i < mem.length; i++) c.add(new VmShape("vm" + i, 1, 1000, mem[i]));
    c.move(5, 2); // first fit put f beside e on host 1
    long[] at = new long[6];
    double[] len = new double[6];
    int[] vm = new int[6];
    for (int i = 0; i < 6; i++) {
      len[i] = 1_000_000;
      vm[i] = i;
    }
    return BatchRun.run(c, new BatchJobs(at, len, vm), TaskExecution.TIME_SHARED, 0, true, run -> {
      run.endAt(SimTime.ofSeconds(1000));
      if (consolidate) new Consolidation(SimTime.ofSeconds(100), new StaticThreshold(0.8), true).schedule(run);
    });
  }

  @Test
  void theOverloadedHostShedsTheSmallestVmAndTheUnderloadedHostIsSwitchedOff() {
    BatchResult plain = run(false);
    BatchResult packed = run(true);
    // without consolidation: 200 + 125 + 125 W for 1,000 s
    assertThat(plain.energyKwh() * 3.6e6).isCloseTo(450_000, within(1e-6));
    assertThat(packed.operations().overloadDetections()).isEqualTo(1);
    assertThat(packed.operations().consolidationMigrations()).isEqualTo(2);
    assertThat(packed.operations().hostsEmptied()).isEqualTo(1);
    // 450 W for 100 s; 175 + 175 W for 900 s; then host 0 idle (100 W) and host 1 at 0.5 (150 W) for 1.6384 s
    double joules = 450 * 100 + 350 * 900 + 250 * 1.6384;
    assertThat(packed.energyKwh() * 3.6e6).isCloseTo(joules, within(1e-3));
    assertThat(SimTime.toSeconds(packed.endNanos())).isCloseTo(1001.6384, within(1e-6));
    assertThat((plain.energyKwh() - packed.energyKwh()) * 3.6e6).isCloseTo(450_000 - joules, within(1e-3));
  }
}
