package dev.polyvirt.traffic;

import dev.polyvirt.spec.Fields;
import dev.polyvirt.spec.Problems;
import dev.polyvirt.spec.yaml.Node;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * <code>schedule: {cron: "*&#47;15 * * * *", requestsPerFiring: 1}</code>: requests at the firings of
 * a five-field cron expression in UTC (see {@link CronExpression}); requestsPerFiring defaults to 1.
 */
final class ScheduleKind implements TrafficKind {
  private static final String EXAMPLE = "schedule: {cron: \"*/15 * * * *\"}";
  private static final String CRON_HINT = "write five fields, minute hour day-of-month month day-of-week, in UTC,"
      + " e.g. \"*/15 * * * *\" (every 15 minutes) or \"30 9 * * MON-FRI\"";

  @Override
  public String name() {
    return "schedule";
  }

  @Override
  public Optional<Traffic> bind(Node node, Problems problems) {
    Optional<Fields> opened = Fields.of(node, problems, "traffic.schedule");
    if (opened.isEmpty()) return Optional.empty();
    Fields f = opened.get();
    Optional<CronExpression> cron = f.required("cron", "write e.g. " + EXAMPLE).flatMap(n -> cron(n, problems));
    OptionalDouble perFiring = f.node("requestsPerFiring").map(n -> TrafficFields.number(n, "requestsPerFiring",
        problems, "requests", 1e6, "requestsPerFiring: 10")).orElse(OptionalDouble.of(1));
    f.done();
    if (perFiring.isPresent() && perFiring.getAsDouble() != Math.rint(perFiring.getAsDouble())) {
      problems.add(f.node("requestsPerFiring").get().mark(), "'requestsPerFiring' must be a whole number, found "
          + TrafficFields.format(perFiring.getAsDouble()), "write e.g. requestsPerFiring: 10");
      return Optional.empty();
    }
    if (cron.isEmpty() || perFiring.isEmpty()) return Optional.empty();
    return Optional.of(new ScheduleTraffic(cron.get(), (int) perFiring.getAsDouble()));
  }

  private static Optional<CronExpression> cron(Node node, Problems problems) {
    if (!(node instanceof Node.Scalar s) || s.text() == null) {
      problems.add(node.mark(), "'cron' must be a cron expression in quotes, found " + node.kind(), CRON_HINT);
      return Optional.empty();
    }
    try {
      return Optional.of(CronExpression.parse(s.text()));
    } catch (IllegalArgumentException e) {
      problems.add(node.mark(), "bad cron expression '" + s.text() + "': " + e.getMessage(), CRON_HINT);
      return Optional.empty();
    }
  }
}
