package dev.polyvirt.traffic.trace;

import dev.polyvirt.engine.random.RandomStreams;
import dev.polyvirt.spec.SpecException;
import dev.polyvirt.traffic.ArrivalProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.rng.UniformRandomProvider;

/** Test resources, seeded streams and replays for the trace tests. */
final class Traces {
  static final String AZURE_2019 = "azure-functions-2019";
  static final String AZURE_2021 = "azure-functions-2021";

  private Traces() {}

  /** Returns the path of a test resource under {@code traces/}. */
  static Path resource(String name) {
    try {
      return Path.of(Traces.class.getResource("/traces/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Copies a resource into {@code dir} under {@code as}, gzipped when asked; returns the copy. */
  static Path copy(String name, Path dir, String as, boolean gzip) {
    try {
      Path target = dir.resolve(as);
      if (!gzip) return Files.copy(resource(name), target);
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
        Files.copy(resource(name), out);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code text} to {@code dir/name}, gzipped when asked. */
  static Path write(Path dir, String name, String text, boolean gzip) {
    try {
      Path target = dir.resolve(name);
      try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(target)) : Files.newOutputStream(target)) {
        out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the arrival random stream a simulation would hand a workload for {@code seed}. */
  static UniformRandomProvider rng(long seed) {
    return RandomStreams.root(seed).child("workload:test").stream("arrivals");
  }

  /** Binds a query, failing the test with the problems when it cannot. */
  static TraceTraffic bind(TraceQuery q) {
    try {
      return TraceFormats.bind(q);
    } catch (SpecException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  /** Returns the problem binding {@code q} reports (the test fails when it binds). */
  static SpecException problem(TraceQuery q) {
    try {
      TraceFormats.bind(q);
    } catch (SpecException e) {
      return e;
    }
    throw new AssertionError("expected a problem binding " + q);
  }

  /** One replayed arrival: time, recorded duration, function index. */
  record Arrival(long time, long duration, int function) {}

  /** Replays the whole stream into a list (small test traces only). */
  static List<Arrival> replay(TraceTraffic traffic, long seed, long horizon) {
    List<Arrival> out = new ArrayList<>();
    TraceArrivals a = traffic.arrivals(rng(seed), horizon);
    for (long t = a.next(); t != ArrivalProcess.NONE; t = a.next()) out.add(new Arrival(t, a.durationNanos(), a.function()));
    return out;
  }
}
