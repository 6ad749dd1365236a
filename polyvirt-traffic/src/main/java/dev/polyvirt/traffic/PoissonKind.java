package dev.polyvirt.traffic;

import dev.polyvirt.spec.Fields;
import dev.polyvirt.spec.Problems;
import dev.polyvirt.spec.yaml.Node;
import java.util.Optional;
import java.util.OptionalDouble;

/** {@code poisson: {ratePerSecond: 0.5}}: requests arriving independently at a constant mean rate. */
final class PoissonKind implements TrafficKind {
  @Override
  public String name() {
    return "poisson";
  }

  @Override
  public Optional<Traffic> bind(Node node, Problems problems) {
    Optional<Fields> fields = Fields.of(node, problems, "traffic.poisson");
    if (fields.isEmpty()) return Optional.empty();
    OptionalDouble rate = TrafficFields.rate(fields.get(), "ratePerSecond", "poisson: {ratePerSecond: 0.5}");
    fields.get().done();
    return rate.isPresent() ? Optional.of(new PoissonTraffic(rate.getAsDouble())) : Optional.empty();
  }
}
