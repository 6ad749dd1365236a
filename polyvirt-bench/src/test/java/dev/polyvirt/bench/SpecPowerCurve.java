package dev.polyvirt.bench;

import org.cloudsimplus.power.PowerMeasurement;
import org.cloudsimplus.power.models.PowerModelHostAbstract;

/**
 * A SPECpower host curve for CloudSim Plus that interpolates linearly between the 11 published
 * points, as CloudSim 3.0.3's {@code PowerModelSpecPower} does. CloudSim Plus 8.5.7's own
 * {@code PowerModelHostSpec} instead reads the point at index {@code round(u × 11)} of an 11-point
 * table: no interpolation, one step high (50 % reads the 60 % point), and out of bounds from
 * 95.5 %. The run can use either (see {@link CloudSimPlusPlanetLab}); energy is always integrated
 * with this curve.
 */
final class SpecPowerCurve extends PowerModelHostAbstract {
  /** HP ProLiant ML110 G4 watts at 0, 10, …, 100 % load (figures.md "Host power"). */
  static final double[] ML110_G4 = {86, 89.4, 92.6, 96, 99.5, 102, 106, 108, 112, 114, 117};
  /** HP ProLiant ML110 G5 watts at 0, 10, …, 100 % load (figures.md "Host power"). */
  static final double[] ML110_G5 = {93.7, 97, 101, 105, 110, 116, 121, 125, 129, 133, 135};

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
