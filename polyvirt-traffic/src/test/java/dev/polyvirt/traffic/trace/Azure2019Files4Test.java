package dev.polyvirt.traffic.trace;

import java.nio.file.Path;
import java.util.Map;

/** Tiny hand-made Azure 2019 files for the tests: rows of chosen per-minute counts. */
final class Azure2019Files4Test {
  private Azure2019Files4Test() {}

  /** One function's row: its hashes, trigger and the invocations in some minutes (1-based). */
  record Row(String owner, String app, String function, String trigger, Map<Integer, Integer> counts) {
    String line() {
      StringBuilder s = new StringBuilder(owner + "," + app + "," + function + "," + trigger);
      for (int m = 1; m <= 1440; m++) s.append(',').append(counts.getOrDefault(m, 0));
      return s.toString();
    }
  }

  /** Returns the invocations file header. */
  static String header() {
    StringBuilder s = new StringBuilder("HashOwner,HashApp,HashFunction,Trigger");
    for (int m = 1; m <= 1440; m++) s.append(',').append(m);
    return s.toString();
  }

  /** Writes an invocations file with {@code rows} to {@code dir/name}. */
  static Path invocations(Path dir, String name, Row... rows) {
    StringBuilder s = new StringBuilder(header()).append('\n');
    for (Row r : rows) s.append(r.line()).append('\n');
    return Traces.write(dir, name, s.toString(), false);
  }
}
