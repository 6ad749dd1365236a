package dev.polyvirt.pricing;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What EC2 charges: instance types by name, the Windows licence per vCPU-hour, granularity,
 * minimum, and the price of surplus CPU credits a burstable instance in unlimited mode spends.
 */
public record Ec2Prices(Map<String, InstanceType> instanceTypes, BigDecimal windowsLicencePerVcpuHour,
    long billingGranularityNanos, long minimumBilledNanos, BigDecimal surplusCreditPerVcpuHour) {
  public Ec2Prices {
    instanceTypes = Collections.unmodifiableMap(new LinkedHashMap<>(instanceTypes));
    Objects.requireNonNull(windowsLicencePerVcpuHour, "windowsLicencePerVcpuHour");
    Objects.requireNonNull(surplusCreditPerVcpuHour, "surplusCreditPerVcpuHour");
  }

  /** Finds the instance type called {@code name}. */
  public Optional<InstanceType> instanceType(String name) {
    return Optional.ofNullable(instanceTypes.get(name));
  }
}
