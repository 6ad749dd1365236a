package dev.polyvirt.traffic.trace;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/** The trace-format contract for azure-functions-2021: per-invocation rows with end time and duration. */
class Azure2021ContractTest extends TraceFormatContract {
  @Override
  TraceQuery sample(Path dir, boolean gzip) {
    return TraceQuery.of(Traces.AZURE_2021, Traces.copy("azure-functions-2021/Azure2021_200.csv", dir, "Azure2021_200.csv", gzip));
  }

  @Override
  Large large(Path dir) {
    return new Large(TraceQuery.of(Traces.AZURE_2021, writeByEnd(dir.resolve("large.csv"), 1_000_000, 7)), 1_000_000);
  }

  /**
   * Writes {@code rows} invocations of four functions arriving at about 2,000/s with durations up
   * to 2 s, in end-time order as the published file is; returns the file.
   */
  static Path writeByEnd(Path file, int rows, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] endMicros = new long[rows];
    int[] durationMicros = new int[rows];
    long start = 0;
    for (int i = 0; i < rows; i++) {
      start += (long) (-Math.log(1 - random.nextDouble()) * 500);
      durationMicros[i] = random.nextInt(2_000_000);
      endMicros[i] = start + durationMicros[i];
    }
    Integer[] order = new Integer[rows];
    for (int i = 0; i < rows; i++) order[i] = i;
    Arrays.sort(order, (a, b) -> Long.compare(endMicros[a], endMicros[b]));
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      out.write("app,func,end_timestamp,duration\n");
      for (int i : order) {
        out.write("a" + (i % 2) + ",f" + (i % 4) + "," + seconds(endMicros[i]) + "," + seconds(durationMicros[i]) + "\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** Formats microseconds as seconds with six decimals, exactly. */
  static String seconds(long micros) {
    String fraction = Long.toString(1_000_000 + micros % 1_000_000).substring(1);
    return micros / 1_000_000 + "." + fraction;
  }
}
