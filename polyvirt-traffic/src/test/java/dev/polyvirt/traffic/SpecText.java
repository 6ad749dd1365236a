package dev.polyvirt.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.engine.random.RandomStreams;
import dev.polyvirt.spec.Problem;
import dev.polyvirt.spec.Problems;
import dev.polyvirt.spec.yaml.Node;
import dev.polyvirt.spec.yaml.YamlTree;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;

/** Inline YAML, seeded streams and calendar times for the traffic tests. */
final class SpecText {
  /** Simulated time 0 as a Unix timestamp: Monday 2024-01-01 00:00 UTC. */
  static final long EPOCH_SECOND = 1_704_067_200L;

  private SpecText() {}

  /** The outcome of binding a {@code traffic:} value: the traffic, if any, and every problem. */
  record Bound(Optional<Traffic> traffic, List<Problem> problems) {
    Traffic get() {
      assertThat(problems).as("problems").isEmpty();
      return traffic.orElseThrow();
    }

    Problem onlyProblem() {
      assertThat(problems).hasSize(1);
      return problems.get(0);
    }
  }

  /** Binds the value written after {@code traffic: } in a one-workload spec file. */
  static Bound bind(String trafficYaml) {
    Problems problems = new Problems();
    Node root = YamlTree.parse("spec.yaml", "traffic: " + trafficYaml + "\n", problems).orElseThrow();
    Node traffic = ((Node.MapNode) root).entries().get("traffic").value();
    Optional<Traffic> bound = TrafficKinds.bind(traffic, problems);
    return new Bound(bound, problems.all());
  }

  /** Binds the value written after {@code traffic: } in a spec file in {@code baseDir}, resolving trace paths there. */
  static Bound bind(String trafficYaml, java.nio.file.Path baseDir) {
    Problems problems = new Problems();
    Node root = YamlTree.parse("spec.yaml", "traffic: " + trafficYaml + "\n", problems).orElseThrow();
    Node traffic = ((Node.MapNode) root).entries().get("traffic").value();
    Optional<Traffic> bound = TrafficKinds.bind(traffic, baseDir, problems);
    return new Bound(bound, problems.all());
  }

  /** Returns the arrival random stream a simulation would hand to a workload for {@code seed}. */
  static UniformRandomProvider rng(long seed) {
    return RandomStreams.root(seed).child("workload:test").stream("arrivals");
  }

  /** Returns the simulated time (ns) of an ISO date-time such as 2024-01-05T10:00, in UTC. */
  static long at(String isoDateTime) {
    LocalDateTime t = LocalDateTime.parse(isoDateTime);
    return (t.toEpochSecond(ZoneOffset.UTC) - EPOCH_SECOND) * 1_000_000_000L + t.getNano();
  }

  /** Returns the UTC date-time of a simulated time (ns), for readable assertions. */
  static LocalDateTime dateTime(long nanos) {
    return LocalDateTime.ofEpochSecond(EPOCH_SECOND + Math.floorDiv(nanos, 1_000_000_000L),
        (int) Math.floorMod(nanos, 1_000_000_000L), ZoneOffset.UTC);
  }

  /** Counts the arrivals of a process in [from, to) and checks the contract along the way. */
  static long count(ArrivalProcess arrivals, long from, long to) {
    long n = 0;
    long previous = Long.MIN_VALUE;
    for (long t = arrivals.next(); t != ArrivalProcess.NONE; t = arrivals.next()) {
      if (t < previous) throw new AssertionError("arrival " + t + " came before " + previous);
      previous = t;
      if (t >= from && t < to) n++;
    }
    return n;
  }
}
