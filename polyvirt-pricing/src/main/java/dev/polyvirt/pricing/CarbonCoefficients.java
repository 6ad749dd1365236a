package dev.polyvirt.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A region's energy and carbon coefficients in the Cloud Carbon Footprint method: watts per vCPU
 * at idle and at full load, data-centre PUE, memory energy per GB-hour and grid carbon intensity.
 */
public record CarbonCoefficients(BigDecimal minWattsPerVcpu, BigDecimal maxWattsPerVcpu, BigDecimal pue,
    BigDecimal memoryKwhPerGbHour, BigDecimal gridTco2ePerKwh) {
  public CarbonCoefficients {
    Objects.requireNonNull(minWattsPerVcpu, "minWattsPerVcpu");
    Objects.requireNonNull(maxWattsPerVcpu, "maxWattsPerVcpu");
    Objects.requireNonNull(pue, "pue");
    Objects.requireNonNull(memoryKwhPerGbHour, "memoryKwhPerGbHour");
    Objects.requireNonNull(gridTco2ePerKwh, "gridTco2ePerKwh");
  }

  /** Returns the watts drawn by one vCPU at {@code utilisation} in [0, 1], interpolated linearly (CCF). */
  public double wattsPerVcpu(double utilisation) {
    double u = Math.max(0, Math.min(1, utilisation));
    double min = minWattsPerVcpu.doubleValue();
    return min + u * (maxWattsPerVcpu.doubleValue() - min);
  }
}
