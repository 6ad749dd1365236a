package dev.polyvirt.traffic.trace;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** The trace-format contract for SWF job logs: generated jobs over three queues, submit order with ties. */
class SwfContractTest extends TraceFormatContract {
  @Override
  TraceQuery sample(Path dir, boolean gzip) {
    StringBuilder text = new StringBuilder("; Version: 2.2\n; Computer: generated for the contract test\n");
    SplittableRandom random = new SplittableRandom(42);
    long submit = 0;
    for (int i = 1; i <= 60; i++) {
      submit += random.nextInt(40);
      text.append(i).append(' ').append(submit).append(" 0 ").append(1 + random.nextInt(500)).append(' ').append(1 + i % 4)
          .append(" -1 ").append(1024 << (i % 3)).append(" -1 -1 -1 1 ").append(i % 5).append(" 1 -1 ").append(i % 3)
          .append(" -1 -1 -1\n");
    }
    return TraceQuery.of("swf", Traces.write(dir, "jobs.swf", text.toString(), gzip));
  }

  @Override
  Large large(Path dir) {
    Path file = dir.resolve("large.swf");
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      out.write("; a million one-second jobs\n");
      for (int i = 0; i < 1_000_000; i++) out.write(i + " " + i / 1000 + " 0 1 1 -1 -1 -1 -1 -1 1 1 1 -1 1 -1 -1 -1\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Large(TraceQuery.of("swf", file), 1_000_000);
  }
}
