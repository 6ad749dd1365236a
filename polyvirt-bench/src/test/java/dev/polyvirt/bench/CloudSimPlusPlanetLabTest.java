package dev.polyvirt.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.polyvirt.models.datacenter.HostModel;
import dev.polyvirt.models.datacenter.VmShape;
import dev.polyvirt.models.datacenter.power.ConsolidationResult;
import dev.polyvirt.models.datacenter.power.ConsolidationRun;
import dev.polyvirt.models.datacenter.power.PowerManagement;
import dev.polyvirt.models.datacenter.power.UtilisationTraces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Peer check of the PlanetLab DVFS run (800 hosts, 1052 VMs, 20110303): polyvirt's
 * {@link PowerManagement#DVFS} against the same day simulated by CloudSim Plus 8.5.7
 * ({@link CloudSimPlusPlanetLab}, policy {@code DVFS-FF}: first fit with CloudSim 3.0.3's core
 * check, energy by CloudSim 3.0.3's trapezoid rule). Measured: CloudSim Plus 921.30 kWh, 411.1
 * mean active hosts; polyvirt 924.50 kWh, 408.8. The residual comes from CloudSim Plus sampling
 * its hosts 0.1 s after each 300-s boundary (its trace model interpolates between samples) and
 * giving a VM at most its core's speed; the tolerances (1 % energy, 2 % active hosts) are about
 * three times the measured gap. Skipped when the traces (shared/data/planetlab, GPL-3.0, not in
 * the project) are absent. Takes a few seconds.
 */
class CloudSimPlusPlanetLabTest {

  @Test
  void dvfsEnergyAndActiveHostsAgreeWithCloudSimPlus() {
    Optional<Path> folder = find();
    Assumptions.assumeTrue(folder.isPresent(), "PlanetLab traces not found (shared/data/planetlab/20110303): peer check skipped");
    CloudSimPlusPlanetLab.Outcome peer = CloudSimPlusPlanetLab.run(folder.get(), "DVFS-FF", false, -1, CloudSimPlusPlanetLab.DEFAULT_UNDERLOAD);

    double[][] traces = UtilisationTraces.read(folder.get());
    List<HostModel> hosts = new ArrayList<>();
    for (int i = 0; i < 800; i++) hosts.add(i % 2 == 0 ? HostModel.HP_PROLIANT_ML110_G4 : HostModel.HP_PROLIANT_ML110_G5);
    int[] mips = {2500, 2000, 1000, 500};
    long[] ram = {870, 1740, 1740, 613};
    int perType = (int) Math.ceil(traces.length / 4.0);
    List<VmShape> vms = new ArrayList<>();
    for (int i = 0; i < traces.length; i++) vms.add(new VmShape("planetlab-" + i / perType, 1, mips[i / perType], ram[i / perType]));
    ConsolidationResult ours = ConsolidationRun.run(hosts, vms, traces, 300, PowerManagement.DVFS);

    assertThat(peer.vms()).isEqualTo(1052);
    assertThat(peer.migrations()).isZero();
    assertThat(ours.energyKwh()).isCloseTo(peer.energyTrapezoidKwh(), withinPercentage(1));
    assertThat(ours.meanActiveHosts()).isCloseTo(peer.meanActiveHosts(), withinPercentage(2));
  }

  static Optional<Path> find() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared/data/planetlab/20110303");
      if (Files.isDirectory(candidate)) return Optional.of(candidate);
    }
    return Optional.empty();
  }
}
