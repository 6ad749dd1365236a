package dev.polyvirt.traffic;

import dev.polyvirt.spec.Fields;
import dev.polyvirt.spec.Problems;
import dev.polyvirt.spec.yaml.Node;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * {@code bursts: {baseRatePerSecond: 1, burstRatePerSecond: 500, every: 1h, length: 2m, start: 0s}}:
 * a base rate with a burst of {@code length} at the start of every {@code every}; start defaults to 0.
 */
final class BurstsKind implements TrafficKind {
  private static final String EXAMPLE = "bursts: {baseRatePerSecond: 1, burstRatePerSecond: 500, every: 1h, length: 2m}";

  @Override
  public String name() {
    return "bursts";
  }

  @Override
  public Optional<Traffic> bind(Node node, Problems problems) {
    Optional<Fields> opened = Fields.of(node, problems, "traffic.bursts");
    if (opened.isEmpty()) return Optional.empty();
    Fields f = opened.get();
    OptionalDouble base = TrafficFields.rate(f, "baseRatePerSecond", EXAMPLE);
    OptionalDouble burst = TrafficFields.rate(f, "burstRatePerSecond", EXAMPLE);
    OptionalLong every = TrafficFields.duration(f, "every", OptionalLong.empty(), true, EXAMPLE);
    OptionalLong length = TrafficFields.duration(f, "length", OptionalLong.empty(), true, EXAMPLE);
    OptionalLong start = TrafficFields.duration(f, "start", OptionalLong.of(0), false, EXAMPLE);
    f.done();
    if (base.isEmpty() || burst.isEmpty() || every.isEmpty() || length.isEmpty() || start.isEmpty()) {
      return Optional.empty();
    }
    if (length.getAsLong() >= every.getAsLong()) {
      problems.add(f.node("length").get().mark(), "a burst's length must be shorter than 'every', the time from one burst's start to the next",
          "shorten length or lengthen every; for a constant rate use poisson: {ratePerSecond: ...}");
      return Optional.empty();
    }
    return Optional.of(new BurstTraffic(base.getAsDouble(), burst.getAsDouble(), every.getAsLong(), length.getAsLong(),
        start.getAsLong()));
  }
}
