package dev.polyvirt.models.datacenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Consolidation's target index offers, per host model and power state, the lowest host that fits and passes the detector, and picks the least rise among those. */
class PowerAwareFitTest {
  static final HostModel STEEP = new HostModel("steep", 2, 1000, 8192, 1000, PowerCurve.linear(100, 200));
  static final HostModel FLAT = new HostModel("flat", 2, 1000, 8192, 1000, PowerCurve.linear(50, 100));

  /** Hosts 0, 1 steep and 2, 3 flat; VMs on 0, 1, 2 (host 3 empty, switched off) and VM 3 on host 0 to be placed. */
  static Cluster cluster() {
    Cluster c = new Cluster(List.of(STEEP, STEEP, FLAT, FLAT), 1, 1, new FirstFit());
    for (int i = 0; i < 4; i++) c.add(new VmShape("v" + i, 1, 1000, 1024));
    c.move(2, 2); // first fit put v0, v1 on host 0 and v2, v3 on host 1
    c.move(1, 1);
    c.move(3, 0);
    assertThat(new int[] {c.hostOf(0), c.hostOf(1), c.hostOf(2), c.hostOf(3)}).containsExactly(0, 1, 2, 0);
    return c;
  }

  /** The rise of a 1,000-MIPS VM (half of a 2,000-MIPS host) on an idle host: slope × 0.5, or its whole power when off. */
  static double rise(Cluster c, PowerAwareFit fit, int t) {
    PowerCurve p = c.model(t).power();
    return p.watts(0.5) - (fit.isOn(t) ? p.watts(0) : 0);
  }

  @Test
  void theFlatModelsPoweredOnHostWins() {
    Cluster c = cluster();
    PowerAwareFit fit = new PowerAwareFit(c, true, new boolean[4]);
    // steep on: host 1 (+50 W; host 0 is the VM's own); flat on: host 2 (+25 W); flat off: host 3 (75 W)
    assertThat(fit.choose(3, true, t -> true, t -> rise(c, fit, t))).isEqualTo(2);
  }

  @Test
  void closedAndTurnedDownHostsAreSkipped() {
    Cluster c = cluster();
    PowerAwareFit fit = new PowerAwareFit(c, true, new boolean[] {false, false, true, false});
    assertThat(fit.choose(3, true, t -> true, t -> rise(c, fit, t))).isEqualTo(1); // 50 W beats switching host 3 on (75 W)
    assertThat(fit.choose(3, true, t -> t != 1, t -> rise(c, fit, t))).isEqualTo(3); // the detector turns host 1 down
    assertThat(fit.choose(3, false, t -> t != 1, t -> rise(c, fit, t))).isEqualTo(-1); // and switched-off hosts are not allowed
    assertThat(fit.choose(3, true, t -> true, t -> rise(c, fit, t))).isEqualTo(1); // a turned-down host is offered again next time
  }

  @Test
  void tentativeReservationsTakeCapacityAndPowerAHostOn() {
    Cluster c = cluster();
    PowerAwareFit fit = new PowerAwareFit(c, true, new boolean[4]);
    fit.reserve(0, 2, 1);
    fit.reserve(1, 2, 1); // host 2 (2 vCPUs, one used) has no room left
    assertThat(fit.choose(3, false, t -> true, t -> rise(c, fit, t))).isEqualTo(1);
    fit.reserve(1, 2, -1);
    fit.reserve(0, 2, -1);
    fit.reserve(0, 3, 1); // host 3 now counts as on: flat on at +25 W, the lowest flat host that fits is 2
    assertThat(fit.isOn(3)).isTrue();
    assertThat(fit.choose(3, false, t -> true, t -> rise(c, fit, t))).isEqualTo(2);
  }
}
