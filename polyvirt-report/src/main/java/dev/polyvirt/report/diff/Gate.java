package dev.polyvirt.report.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CI gate of {@code polyvirt diff --fail-on}: {@code flip} (a workload's recommendation
 * changed) or {@code METRIC+N%} (the recommended placement's figure rose by more than N % from A
 * to B, in any workload both runs recommend something for). Metrics: {@code cost} (per month),
 * {@code p99}, {@code co2e}.
 */
public sealed interface Gate {
  /** The forms {@link #parse} accepts, for messages. */
  String FORMS = "flip, cost+N%, p99+N%, co2e+N% (N a number, e.g. cost+10%)";

  /** Returns why {@code d} trips this gate, or empty. */
  Optional<String> check(WorkloadDiff d);

  /** Trips when the recommended model changed, or a recommendation appeared or vanished. */
  record Flip() implements Gate {
    @Override
    public Optional<String> check(WorkloadDiff d) {
      if (!d.flipped()) return Optional.empty();
      return Optional.of(d.name() + ": recommendation " + d.fromModel().orElse("none") + " → " + d.toModel().orElse("none"));
    }
  }

  /** Trips when the recommended placement's {@code metric} rose by more than {@code percent} %. */
  record Increase(String metric, double percent) implements Gate {
    @Override
    public Optional<String> check(WorkloadDiff d) {
      if (d.from().isEmpty() || d.to().isEmpty()) return Optional.empty();
      ToDoubleFunction<RunResults.Figures> f = figure(metric);
      double a = f.applyAsDouble(d.from().get()), b = f.applyAsDouble(d.to().get());
      double rise = WorkloadDiff.percentChange(a, b);
      if (!(rise > percent)) return Optional.empty();
      return Optional.of(String.format(Locale.ROOT, "%s: %s rose %s (limit +%s %%)", d.name(), metric,
          Double.isInfinite(rise) ? "from 0" : String.format(Locale.ROOT, "%+.1f %%", rise), trim(percent)));
    }
  }

  /** Returns the figure a metric name stands for. */
  private static ToDoubleFunction<RunResults.Figures> figure(String metric) {
    return switch (metric) {
      case "cost" -> RunResults.Figures::costUsdPerMonth;
      case "p99" -> RunResults.Figures::p99Ms;
      case "co2e" -> RunResults.Figures::co2eKg;
      default -> throw new IllegalArgumentException("unknown metric " + metric);
    };
  }

  /** Parses a comma-separated list such as {@code flip,cost+10%,p99+20%}; throws with the accepted forms on a bad item. */
  static List<Gate> parse(String spec) {
    Pattern increase = Pattern.compile("(cost|p99|co2e)\\+(\\d+(?:\\.\\d+)?)%");
    List<Gate> gates = new ArrayList<>();
    for (String raw : spec.split(",", -1)) {
      String item = raw.strip().toLowerCase(Locale.ROOT);
      Matcher m = increase.matcher(item);
      if (item.equals("flip")) gates.add(new Flip());
      else if (m.matches()) gates.add(new Increase(m.group(1), Double.parseDouble(m.group(2))));
      else throw new IllegalArgumentException("--fail-on: '" + raw.strip() + "' is not a gate; use " + FORMS);
    }
    return List.copyOf(gates);
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
