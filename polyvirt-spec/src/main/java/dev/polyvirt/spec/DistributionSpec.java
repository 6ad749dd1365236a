package dev.polyvirt.spec;

import dev.polyvirt.engine.dist.Distribution;
import dev.polyvirt.engine.dist.Empirical;
import dev.polyvirt.engine.dist.Exponential;
import dev.polyvirt.engine.dist.Fixed;
import dev.polyvirt.engine.dist.LogNormal;
import dev.polyvirt.engine.dist.Uniform;
import dev.polyvirt.spec.yaml.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads a duration distribution as SPEC.md writes it: a bare duration is fixed ({@code "120ms"});
 * otherwise one of {@code {fixed: 2s}}, {@code {exponential: {mean: 2s}}},
 * {@code {lognormal: {p50: 80ms, p99: 900ms}}} or {@code {lognormal: {mean: 1s, sd: 2s}}},
 * {@code {uniform: {min: 1s, max: 3s}}}, {@code {empirical: {p0: 5ms, p50: 80ms, p100: 2s}}}.
 */
public final class DistributionSpec {
  private static final List<String> KINDS = List.of("fixed", "exponential", "lognormal", "uniform", "empirical");
  private static final String HINT = "write a duration (\"120ms\") or {exponential: {mean: 2s}}, "
      + "{lognormal: {p50: 80ms, p99: 900ms}}, {uniform: {min: 1s, max: 3s}}";

  private DistributionSpec() {}

  /** Binds {@code node} to a distribution, reporting problems under the name {@code what}. */
  public static Optional<Distribution> bind(Node node, String what, Problems problems) {
    if (node instanceof Node.Scalar s) {
      if (s.text() == null) {
        problems.add(s.mark(), what + " is empty", HINT);
        return Optional.empty();
      }
      try {
        return Optional.of(new Fixed(Units.duration(s.text())));
      } catch (IllegalArgumentException e) {
        problems.add(s.mark(), what + " has a bad value '" + s.text() + "'", e.getMessage());
        return Optional.empty();
      }
    }
    if (!(node instanceof Node.MapNode m) || m.entries().size() != 1) {
      problems.add(node.mark(), what + " must be a duration or a mapping with exactly one of " + String.join(", ", KINDS), HINT);
      return Optional.empty();
    }
    Node.Entry e = m.entries().values().iterator().next();
    String kind = e.key().name();
    Node body = e.value();
    try {
      return switch (kind) {
        case "fixed" -> bind(body, what, problems);
        case "exponential" -> Fields.of(body, problems, what + ".exponential").flatMap(f -> {
          OptionalLong mean = f.duration("mean");
          if (!f.has("mean")) problems.add(f.mark(), "exponential needs 'mean'", "e.g. {exponential: {mean: 2s}}");
          f.done();
          return positive(mean, f, "mean").map(v -> new Exponential(v));
        });
        case "uniform" -> Fields.of(body, problems, what + ".uniform").flatMap(f -> {
          OptionalLong min = f.duration("min");
          OptionalLong max = f.duration("max");
          f.done();
          if (min.isEmpty() || max.isEmpty()) {
            if (!f.has("min") || !f.has("max")) problems.add(f.mark(), "uniform needs 'min' and 'max'", "e.g. {uniform: {min: 1s, max: 3s}}");
            return Optional.empty();
          }
          if (max.getAsLong() < min.getAsLong()) {
            problems.add(f.keyMark("max"), "uniform 'max' is below 'min'", "swap them");
            return Optional.empty();
          }
          return Optional.of(new Uniform(min.getAsLong(), max.getAsLong()));
        });
        case "lognormal" -> Fields.of(body, problems, what + ".lognormal").flatMap(f -> lognormal(f, problems));
        case "empirical" -> Fields.of(body, problems, what + ".empirical").flatMap(f -> empirical(f, problems));
        default -> {
          problems.add(e.key().mark(), "unknown distribution '" + kind + "' for " + what,
              Fields.suggestion(kind, KINDS).map(s -> "did you mean '" + s + "'?").orElse("use one of " + String.join(", ", KINDS)));
          yield Optional.empty();
        }
      };
    } catch (IllegalArgumentException ex) {
      problems.add(body.mark(), what + ": " + ex.getMessage(), HINT);
      return Optional.empty();
    }
  }

  private static Optional<Long> positive(OptionalLong v, Fields f, String key) {
    if (v.isEmpty()) return Optional.empty();
    if (v.getAsLong() <= 0) {
      f.problems().add(f.keyMark(key), "'" + key + "' must be positive", "e.g. " + key + ": 100ms");
      return Optional.empty();
    }
    return Optional.of(v.getAsLong());
  }

  private static Optional<Distribution> lognormal(Fields f, Problems problems) {
    OptionalLong p50 = f.duration("p50");
    OptionalLong p99 = f.duration("p99");
    OptionalLong mean = f.duration("mean");
    OptionalLong sd = f.duration("sd");
    f.done();
    if (p50.isPresent() && p99.isPresent()) {
      if (p99.getAsLong() <= p50.getAsLong()) {
        problems.add(f.keyMark("p99"), "lognormal 'p99' must be above 'p50'", "a log-normal is right-skewed: p99 > p50");
        return Optional.empty();
      }
      return Optional.of(LogNormal.ofQuantiles(0.5, p50.getAsLong(), 0.99, p99.getAsLong()));
    }
    if (mean.isPresent() && sd.isPresent()) return Optional.of(LogNormal.ofMeanSd(mean.getAsLong(), sd.getAsLong()));
    problems.add(f.mark(), "lognormal needs either p50 and p99, or mean and sd", "e.g. {lognormal: {p50: 80ms, p99: 900ms}}");
    return Optional.empty();
  }

  private static Optional<Distribution> empirical(Fields f, Problems problems) {
    List<double[]> points = new ArrayList<>();
    for (String key : f.keys()) {
      if (!key.matches("p\\d+(\\.\\d+)?")) continue;
      double p = Double.parseDouble(key.substring(1)) / 100.0;
      f.duration(key).ifPresent(v -> points.add(new double[] {p, v}));
    }
    f.done();
    points.sort((a, b) -> Double.compare(a[0], b[0]));
    if (points.size() < 2 || points.get(0)[0] != 0 || points.get(points.size() - 1)[0] != 1) {
      problems.add(f.mark(), "empirical needs percentiles p0 and p100 (and any between)", "e.g. {empirical: {p0: 5ms, p50: 80ms, p99: 700ms, p100: 2s}}");
      return Optional.empty();
    }
    double[] ps = new double[points.size()];
    long[] vs = new long[points.size()];
    for (int i = 0; i < ps.length; i++) {
      ps[i] = points.get(i)[0];
      vs[i] = (long) points.get(i)[1];
    }
    return Optional.of(new Empirical(ps, vs));
  }
}
