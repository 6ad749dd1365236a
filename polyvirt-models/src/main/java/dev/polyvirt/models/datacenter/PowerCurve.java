package dev.polyvirt.models.datacenter;

import java.util.Arrays;

/**
 * A host's power draw as a function of its CPU utilisation, SPECpower style: watts measured at
 * 0 %, 10 %, …, 100 % load and interpolated linearly between them (the method of CloudSim's
 * {@code PowerModelSpecPower}). A linear curve is the two-point table {idle, max}.
 *
 * @param wattsAtLoad watts at equally spaced loads from 0 % to 100 % (at least two points)
 */
public record PowerCurve(String name, double[] wattsAtLoad) {
  /**
   * HP ProLiant ML110 G4 (Xeon 3040, 2 × 1860 MHz, 4 GB): SPECpower_ssj2008 results as used by
   * CloudSim's PlanetLab experiments (figures.md "Host power").
   */
  public static final PowerCurve HP_PROLIANT_ML110_G4 =
      new PowerCurve("hp-proliant-ml110-g4", new double[] {86, 89.4, 92.6, 96, 99.5, 102, 106, 108, 112, 114, 117});
  /** HP ProLiant ML110 G5 (Xeon 3075, 2 × 2660 MHz, 4 GB): same source (figures.md "Host power"). */
  public static final PowerCurve HP_PROLIANT_ML110_G5 =
      new PowerCurve("hp-proliant-ml110-g5", new double[] {93.7, 97, 101, 105, 110, 116, 121, 125, 129, 133, 135});

  public PowerCurve {
    if (wattsAtLoad.length < 2) throw new IllegalArgumentException("a power curve needs at least idle and full-load watts");
    wattsAtLoad = wattsAtLoad.clone();
    for (double w : wattsAtLoad) {
      if (!(w >= 0) || !Double.isFinite(w)) throw new IllegalArgumentException("watts must be finite and non-negative: " + w);
    }
  }

  /** Returns a copy of the table (the record keeps its own). */
  @Override
  public double[] wattsAtLoad() {
    return wattsAtLoad.clone();
  }

  /** Creates a linear curve from idle to full-load watts. */
  public static PowerCurve linear(double idleWatts, double maxWatts) {
    return new PowerCurve("linear", new double[] {idleWatts, maxWatts});
  }

  /** Returns the watts drawn at {@code utilisation} (clamped to [0, 1]). */
  public double watts(double utilisation) {
    double u = Math.max(0, Math.min(1, utilisation));
    int steps = wattsAtLoad.length - 1;
    double x = u * steps;
    int i = Math.min(steps - 1, (int) x);
    return wattsAtLoad[i] + (wattsAtLoad[i + 1] - wattsAtLoad[i]) * (x - i);
  }

  /** Returns the watts at full load. */
  public double maxWatts() {
    return wattsAtLoad[wattsAtLoad.length - 1];
  }

  /** Returns the watts when idle (switched on, no load). */
  public double idleWatts() {
    return wattsAtLoad[0];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PowerCurve p && p.name.equals(name) && Arrays.equals(p.wattsAtLoad, wattsAtLoad);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(wattsAtLoad);
  }

  @Override
  public String toString() {
    return name + Arrays.toString(wattsAtLoad);
  }
}
