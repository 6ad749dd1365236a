package dev.polyvirt.models.datacenter.power;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.models.datacenter.HostModel;
import dev.polyvirt.models.datacenter.VmShape;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CloudSim mode decides as CloudSim 3.0.3's code does where it departs from the CCPE 2012 text
 * (read in Cloudslab/cloudsim: {@code MathUtil.iqr}, {@code MathUtil.createWeigthedLinearRegression},
 * {@code PowerVmAllocationPolicyMigrationAbstract.findHostForVm}, {@code PowerHost.getPower}); the
 * paper mode keeps the text's definitions. Each case is one where the two decide differently.
 */
class CloudSimModeTest {
  @Test
  void cloudSimTakesQuartilesByNearestRank() {
    // 0.30, 0.31, …, 0.40 then 0.90 now. Interpolated: Q1 0.3275, Q3 0.3825, IQR 0.055, threshold
    // 1 − 1.5 × 0.055 = 0.9175 > 0.90. Nearest rank (n = 12): Q1 = 3rd = 0.32, Q3 = 10th = 0.39,
    // IQR 0.07, threshold 0.895 < 0.90.
    double[] h = new double[12];
    for (int i = 0; i < 11; i++) h[i] = 0.30 + 0.01 * i;
    h[11] = 0.90;
    assertThat(AdaptiveThreshold.iqr(1.5).overloaded(h, 12, 10, 300)).isFalse();
    assertThat(AdaptiveThreshold.iqr(1.5).asCloudSim().overloaded(h, 12, 10, 300)).isTrue();
  }

  @Test
  void madIsTheSameInBothModes() {
    double[] h = new double[12];
    for (int i = 0; i < 12; i++) h[i] = i % 2 == 0 ? 0.4 : 0.6;
    h[11] = 0.76; // threshold 1 − 2.5 × 0.1 = 0.75 either way
    assertThat(AdaptiveThreshold.mad(2.5).overloaded(h, 12, 10, 300)).isTrue();
    assertThat(AdaptiveThreshold.mad(2.5).asCloudSim().overloaded(h, 12, 10, 300)).isTrue();
  }

  @Test
  void cloudSimFitsAnUnweightedLine() {
    // 0.1 three times then 0.75 seven times. Ordinary least squares: slope 0.0788, intercept 0.1764,
    // prediction at x = 11 → 1.01, × 1.2 = 1.212 ≥ 1. Tricube weights nearly ignore the three old
    // samples: prediction × 1.2 = 0.977 < 1.
    double[] h = new double[10];
    Arrays.fill(h, 0.75);
    h[0] = h[1] = h[2] = 0.1;
    assertThat(new LocalRegression(1.2).overloaded(h, 10, 10, 300)).isFalse();
    assertThat(new LocalRegression(1.2).asCloudSim().overloaded(h, 10, 10, 300)).isTrue();
  }

  @Test
  void robustRegressionDiscountsAnOutlierUnlessAsCloudSim() {
    // 0.700, 0.705, …, 0.745 with a spike of 1.0 at the ninth sample. Tricube LR predicts 0.862
    // (× 1.2 = 1.035 ≥ 1); the bisquare pass all but drops the spike: 0.802 (× 1.2 = 0.962 < 1).
    // CloudSim's LRR fits the unweighted line, as its LR does: 0.837 (× 1.2 = 1.004 ≥ 1).
    double[] h = new double[10];
    for (int i = 0; i < 10; i++) h[i] = 0.70 + 0.005 * i;
    h[8] = 1.0;
    assertThat(new LocalRegression(1.2).overloaded(h, 10, 10, 300)).isTrue();
    assertThat(new RobustLocalRegression(1.2).overloaded(h, 10, 10, 300)).isFalse();
    assertThat(new RobustLocalRegression(1.2).asCloudSim().overloaded(h, 10, 10, 300)).isTrue();
    assertThat(new RobustLocalRegression(1.2).overloaded(new double[] {0.71}, 1, 10, 300)).as("fallback THR 0.7").isTrue();
  }

  @Test
  void thrIsTheSameInBothModes() {
    assertThat(new StaticThreshold(0.8).asCloudSim()).isEqualTo(new StaticThreshold(0.8));
  }

  /** Three G5 hosts (5,320 MIPS) and VMs with constant demand, at step 0 of a run. */
  static ConsolidationRun threeHosts(PowerManagement policy, double... vmMips) {
    List<HostModel> hosts = List.of(HostModel.HP_PROLIANT_ML110_G5, HostModel.HP_PROLIANT_ML110_G5, HostModel.HP_PROLIANT_ML110_G5);
    List<VmShape> vms = Arrays.stream(vmMips).mapToObj(m -> new VmShape("vm", 1, (int) Math.round(m), 512)).toList();
    double[][] trace = new double[vmMips.length][];
    for (int i = 0; i < trace.length; i++) trace[i] = new double[] {1.0};
    ConsolidationRun run = new ConsolidationRun(hosts, vms, trace, 300, policy);
    run.instantiating = false;
    run.recomputeDemand();
    return run;
  }

  @Test
  void cloudSimMeasuresThePowerIncreaseFromTheHostsPowerAtTheStartOfTheRound() {
    // Hosts 0 and 1 start the round at 50 %; host 0 then takes a 10 % VM (now 60 %). Placing a
    // 5 % VM with host 2 excluded: the paper compares 60→65 % on host 0 (slope 4 W per 10 %, 2 W)
    // with 50→55 % on host 1 (slope 5 W, 2.5 W) and picks host 0; CloudSim compares host 0's
    // power after (123 W) with its power at the start (116 W), 7 W, and picks host 1.
    PowerManagement thr = PowerManagement.consolidating(new StaticThreshold(1.0), 1.0);
    for (PowerManagement p : List.of(thr, thr.asCloudSim())) {
      ConsolidationRun run = threeHosts(p, 2660, 2660, 532, 266);
      run.attach(0, 0);
      run.attach(1, 1);
      Placement placement = new Placement(run);
      placement.startRound(null);
      run.attach(2, 0);
      int chosen = placement.powerAwareHost(3, new boolean[] {false, false, true});
      assertThat(chosen).as(p.name()).isEqualTo(p.cloudSim() ? 1 : 0);
    }
  }

  @Test
  void cloudSimSkipsTheOverloadCheckForHostsThatWereOffAtTheStartOfTheRound() {
    // Host 0 is empty when the round starts, then takes a 75 % VM. A further 10 % VM would bring
    // it to 85 % > THR 0.8: the paper refuses the host; CloudSim, whose host still reports 0 MIPS,
    // does not ask the detector and places the VM there.
    PowerManagement thr = PowerManagement.consolidating(new StaticThreshold(0.8), 0.8);
    for (PowerManagement p : List.of(thr, thr.asCloudSim())) {
      ConsolidationRun run = threeHosts(p, 3990, 532);
      Placement placement = new Placement(run);
      placement.startRound(new StaticThreshold(0.8));
      run.attach(0, 0);
      int chosen = placement.powerAwareHost(1, new boolean[] {false, true, true});
      assertThat(chosen).as(p.name()).isEqualTo(p.cloudSim() ? 0 : -1);
    }
  }

  @Test
  void cloudSimFitsAVcpuToACoreByItsDemandOnceCreated() {
    // a 2,500-MIPS VM running at 12 % (300 MIPS) and a G4 host (1,860-MIPS cores): the paper's
    // model keeps the VM off the slower cores; CloudSim compares the core with the current demand
    for (boolean cloudSim : new boolean[] {false, true}) {
      PowerManagement thr = PowerManagement.consolidating(new StaticThreshold(0.8), 0.8);
      PowerManagement p = cloudSim ? thr.asCloudSim() : thr;
      ConsolidationRun run = new ConsolidationRun(List.of(HostModel.HP_PROLIANT_ML110_G4), List.of(new VmShape("vm", 1, 2500, 870)),
          new double[][] {{0.12}}, 300, p);
      assertThat(run.suitable(0, 0)).as("while created").isFalse();
      run.instantiating = false;
      run.recomputeDemand();
      assertThat(run.suitable(0, 0)).as(p.name()).isEqualTo(cloudSim);
    }
  }

  @Test
  void cloudSimDrainsTheTargetOfAnOverloadMigrationAndRanksHostsByTheirStartingUtilisation() {
    // Host 0 (A 4,000 + B 500 MIPS, 85 %) is over THR 0.8 and sheds B, the least RAM; B goes to
    // host 1 (C, 1,000 MIPS: +3.8 W, cheaper than +4.5 W on host 2 with D, 1,500 MIPS). The paper
    // then spares host 1 and drains host 2 into it (2 migrations). CloudSim drains the host that
    // was least utilised when the round started, host 1 (19 %), B included, into host 2 (3).
    for (boolean cloudSim : new boolean[] {false, true}) {
      PowerManagement thr = PowerManagement.consolidating(new StaticThreshold(0.8), 0.8);
      PowerManagement p = cloudSim ? thr.asCloudSim() : thr;
      List<HostModel> hosts = List.of(HostModel.HP_PROLIANT_ML110_G5, HostModel.HP_PROLIANT_ML110_G5, HostModel.HP_PROLIANT_ML110_G5);
      List<VmShape> vms = List.of(new VmShape("a", 2, 2000, 1740), new VmShape("b", 1, 500, 613), new VmShape("c", 1, 1000, 1740),
          new VmShape("d", 1, 1500, 1740));
      ConsolidationRun run = new ConsolidationRun(hosts, vms, new double[][] {{1}, {1}, {1}, {1}}, 300, p);
      run.instantiating = false;
      run.attach(0, 0);
      run.attach(1, 0);
      run.attach(2, 1);
      run.attach(3, 2);
      run.recomputeDemand();
      new Placement(run).optimise(new StaticThreshold(0.8));
      assertThat(run.migrations).as(p.name()).isEqualTo(cloudSim ? 3 : 2);
      assertThat(run.vmHost).as(p.name()).containsExactly(cloudSim ? new int[] {0, 2, 2, 2} : new int[] {0, 1, 1, 1});
    }
  }

  @Test
  void npaAndDvfsHaveNoCloudSimVariant() {
    assertThat(PowerManagement.NPA.asCloudSim()).isSameAs(PowerManagement.NPA);
    assertThat(PowerManagement.DVFS.asCloudSim()).isSameAs(PowerManagement.DVFS);
    PowerManagement lr = PowerManagement.consolidating(new LocalRegression(1.2), 1.2).asCloudSim();
    assertThat(lr.name()).isEqualTo("LR-MMT-1.2-cloudsim");
    assertThat(lr.consolidation()).contains(new LocalRegression(1.2, false));
  }
}
