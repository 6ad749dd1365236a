package dev.polyvirt.traffic.trace;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/** The trace-format contract for the generic csv log: ISO timestamps, rows out of order, three functions. */
class CsvContractTest extends TraceFormatContract {
  @Override
  TraceQuery sample(Path dir, boolean gzip) {
    StringBuilder text = new StringBuilder("function,timestamp,duration_ms,memory_mb,app\n");
    SplittableRandom random = new SplittableRandom(42);
    Instant zero = Instant.parse("2024-05-01T12:00:00Z");
    for (int i = 0; i < 60; i++) {
      // rows drift up to 20 s behind their neighbours, and half are written with a +02:00 offset
      Instant at = zero.plusMillis(i * 30_000L + random.nextInt(20_000));
      String stamp = i % 2 == 0 ? at.toString() : at.atOffset(ZoneOffset.ofHours(2)).toString();
      text.append("fn").append(i % 3).append(',').append(stamp).append(',').append(10 + random.nextInt(500))
          .append(',').append(128 << (i % 3)).append(",shop\n");
    }
    return TraceQuery.of("csv", Traces.write(dir, "requests.csv", text.toString(), gzip));
  }

  @Override
  Large large(Path dir) {
    Path file = dir.resolve("large.csv");
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      out.write("timestamp,duration_ms\n");
      for (int i = 0; i < 1_000_000; i++) out.write(1714564800 + i / 1000 + "." + (1000 + i % 1000) % 1000 + "," + (i % 97) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Large(TraceQuery.of("csv", file), 1_000_000);
  }
}
