package dev.polyvirt.models;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.pricing.CarbonCoefficients;

/**
 * Energy and carbon in the Cloud Carbon Footprint method: vCPU-hours × watts at the measured
 * utilisation (interpolated between idle and full load) plus memory GB-hours × kWh/GB-h, times
 * the data centre's PUE; CO2e = kWh × the region's grid intensity (coefficients from the price
 * book, figures.md "Energy and carbon"). Utilisation is the simulated one, not a 50 % guess.
 */
public record Energy(double kwh, double co2eKg) {
  /** Computes energy for {@code vcpuHours} at {@code utilisation} and {@code memoryGbHours}. */
  public static Energy of(CarbonCoefficients c, double vcpuHours, double utilisation, double memoryGbHours) {
    double kwh = (vcpuHours * c.wattsPerVcpu(utilisation) / 1000.0
        + memoryGbHours * c.memoryKwhPerGbHour().doubleValue()) * c.pue().doubleValue();
    return new Energy(kwh, kwh * c.gridTco2ePerKwh().doubleValue() * 1000.0);
  }

  /** Converts value-seconds (e.g. instance-seconds) to hours. */
  public static double hours(double valueSeconds) {
    return valueSeconds / (SimTime.NANOS_PER_HOUR / (double) SimTime.NANOS_PER_SECOND);
  }
}
