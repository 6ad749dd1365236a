package dev.polyvirt.traffic;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.spec.Fields;
import dev.polyvirt.spec.Problems;
import dev.polyvirt.spec.yaml.Node;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * {@code diurnal: {peakPerSecond: 50, troughPerSecond: 1, period: 24h, peakAt: 14h}}: a daily
 * cycle; period defaults to 24h and peakAt to 14h (early afternoon, when interactive traffic
 * typically peaks).
 */
final class DiurnalKind implements TrafficKind {
  private static final String EXAMPLE = "diurnal: {peakPerSecond: 50, troughPerSecond: 1, period: 24h, peakAt: 14h}";

  @Override
  public String name() {
    return "diurnal";
  }

  @Override
  public Optional<Traffic> bind(Node node, Problems problems) {
    Optional<Fields> opened = Fields.of(node, problems, "traffic.diurnal");
    if (opened.isEmpty()) return Optional.empty();
    Fields f = opened.get();
    OptionalDouble peak = TrafficFields.rate(f, "peakPerSecond", EXAMPLE);
    OptionalDouble trough = TrafficFields.rate(f, "troughPerSecond", EXAMPLE);
    OptionalLong period = TrafficFields.duration(f, "period", OptionalLong.of(SimTime.NANOS_PER_DAY), true, EXAMPLE);
    OptionalLong peakAt = TrafficFields.duration(f, "peakAt", OptionalLong.of(14 * SimTime.NANOS_PER_HOUR), false, EXAMPLE);
    f.done();
    if (peak.isEmpty() || trough.isEmpty() || period.isEmpty() || peakAt.isEmpty()) return Optional.empty();
    if (trough.getAsDouble() > peak.getAsDouble()) {
      problems.add(f.node("troughPerSecond").get().mark(),
          "troughPerSecond (" + TrafficFields.format(trough.getAsDouble()) + ") is above peakPerSecond ("
              + TrafficFields.format(peak.getAsDouble()) + ")",
          "the trough is the quietest rate of the cycle: swap the two values");
      return Optional.empty();
    }
    return Optional.of(new DiurnalTraffic(peak.getAsDouble(), trough.getAsDouble(), period.getAsLong(), peakAt.getAsLong()));
  }
}
