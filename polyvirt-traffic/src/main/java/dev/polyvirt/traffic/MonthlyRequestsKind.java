package dev.polyvirt.traffic;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.spec.Problems;
import dev.polyvirt.spec.yaml.Node;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * {@code monthlyRequests: 2000000}: the figure cloud pricing pages quote, spread evenly as a
 * Poisson process over a billing month of 730 hours ({@link SimTime#NANOS_PER_BILLING_MONTH}).
 */
final class MonthlyRequestsKind implements TrafficKind {
  @Override
  public String name() {
    return "monthlyRequests";
  }

  @Override
  public Optional<Traffic> bind(Node node, Problems problems) {
    if (node instanceof Node.MapNode) {
      problems.add(node.mark(), "monthlyRequests takes a single number, found a mapping",
          "write e.g. monthlyRequests: 2000000");
      return Optional.empty();
    }
    double maxPerMonth = TrafficFields.MAX_RATE_PER_SECOND * SimTime.toSeconds(SimTime.NANOS_PER_BILLING_MONTH);
    OptionalDouble n = TrafficFields.number(node, "monthlyRequests", problems, "requests per month", maxPerMonth,
        "monthlyRequests: 2000000");
    return n.isPresent() ? Optional.of(new MonthlyTraffic(n.getAsDouble())) : Optional.empty();
  }
}
