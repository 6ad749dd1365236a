package dev.polyvirt.bench;

import dev.polyvirt.models.datacenter.PowerCurve;
import org.cloudsimplus.power.PowerMeasurement;
import org.cloudsimplus.power.models.PowerModelHostAbstract;

/**
 * A SPECpower host curve for CloudSim Plus that interpolates linearly between the 11 published
 * points, as CloudSim 3.0.3's {@code PowerModelSpecPower} does. CloudSim Plus 8.5.7's own
 * {@code PowerModelHostSpec} instead reads the point at index {@code round(u × 11)} of an 11-point
 * table: no interpolation, one step high (50 % reads the 60 % point), and out of bounds from
 * 95.5 %. The run can use either (see {@link CloudSimPlusPlanetLab}); energy is always integrated
 * with this curve. The interpolation is written out here (not polyvirt's {@code PowerCurve.watts})
 * so the peer's side is computed the way CloudSim 3.0.3 computes it, independently of ours.
 */
final class SpecPowerCurve extends PowerModelHostAbstract {
  /** HP ProLiant ML110 G4 watts at 0, 10, …, 100 % load: the table polyvirt's hosts use (figures.md "Host power"). */
  static final double[] ML110_G4 = PowerCurve.HP_PROLIANT_ML110_G4.wattsAtLoad();
  /** HP ProLiant ML110 G5 watts at 0, 10, …, 100 % load: the table polyvirt's hosts use (figures.md "Host power"). */
  static final double[] ML110_G5 = PowerCurve.HP_PROLIANT_ML110_G5.wattsAtLoad();

  private final double[] watts;

  SpecPowerCurve(double[] watts) {
    this.watts = watts.clone();
  }

  /** Watts at a utilisation in [0, 1] (clamped), interpolated between the 10 % points. */
  static double watts(double[] table, double utilisation) {
    double u = Math.min(1, Math.max(0, utilisation)) * 10;
    int lo = (int) Math.floor(u);
    if (lo >= 10) return table[10];
    return table[lo] + (table[lo + 1] - table[lo]) * (u - lo);
  }

  @Override
  protected double getPowerInternal(double utilisation) {
    return watts(watts, utilisation);
  }

  @Override
  public PowerMeasurement getPowerMeasurement() {
    double u = getHost().getCpuMipsUtilization() / getHost().getTotalMipsCapacity();
    return new PowerMeasurement(watts[0], watts(watts, u) - watts[0]);
  }
}
