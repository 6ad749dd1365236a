package dev.polyvirt.planner.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Operations hours (seed 002 Table 1, "management overhead"): microVM node groups are run like container clusters. */
class OpsEffortTest {
  private final OpsEffort ops = OpsEffort.defaults();

  @Test
  void microvmIsTheClusterShareAndItsKvmNodeGroupNotAVmPerPod() {
    // 4 tenants share the cluster: 1 + 8/4 = 3 h as a container, + 2 h for the KVM node group + 0.5 h per metal node
    assertThat(ops.hours("container", 40, 4, false)).isCloseTo(3.0, within(1e-9));
    assertThat(ops.hours("microvm", 40, 1.0, 4, false)).isCloseTo(5.5, within(1e-9));
    // the pods' count does not enter: 40 pods or 400 on the same node cost the same hours
    assertThat(ops.hours("microvm", 400, 1.0, 4, false)).isEqualTo(ops.hours("microvm", 40, 1.0, 4, false));
    // each further metal node is patched like a VM
    assertThat(ops.hours("microvm", 40, 3.0, 4, false) - ops.hours("microvm", 40, 1.0, 4, false)).isCloseTo(1.0, within(1e-9));
    // state on Kubernetes adds the same hours as for containers
    assertThat(ops.hours("microvm", 40, 1.0, 4, true) - ops.hours("microvm", 40, 1.0, 4, false))
        .isEqualTo(ops.statefulContainer());
  }

  @Test
  void otherModelsKeepTheirHours() {
    assertThat(ops.hours("vm", 3, 1, false)).isCloseTo(3.5, within(1e-9));
    assertThat(ops.hours("faas", 30, 1, false)).isEqualTo(1.0);
    assertThat(new OpsEffort(2, 0.5, 1, 8, 4, 1).kvmNodeGroup()).isEqualTo(2.0);
  }
}
