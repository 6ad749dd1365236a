package dev.polyvirt.traffic.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The trace-format contract for azure-functions-2019, each minute spread as a Poisson process: the
 * two lightest functions of the five-function extract (97,468 invocations; the busiest one has
 * 20.8 million a day, too many to hold in a test's lists).
 */
class Azure2019ContractTest extends TraceFormatContract {
  static final Set<String> LIGHT = Set.of("8203ff88", "660323aa");

  /** Returns the spread the subclass replays with. */
  Spread spread() {
    return Spread.POISSON;
  }

  @Override
  TraceQuery sample(Path dir, boolean gzip) {
    String suffix = gzip ? ".csv.gz" : ".csv";
    for (String part : new String[] {"durations", "memory"}) {
      Traces.copy("azure-functions-2019/5_" + part + ".csv", dir, "5_" + part + suffix, gzip);
    }
    // the gzipped invocations file keeps its .csv name: gzip is recognised by its magic bytes, not its name
    Path invocations = Traces.write(dir, "5_invocations.csv", light(), gzip);
    return TraceQuery.of(Traces.AZURE_2019, invocations).withSpread(spread());
  }

  /** Returns the header and the rows of the light functions of the five-function extract. */
  static String light() {
    try {
      List<String> lines = Files.readAllLines(Traces.resource("azure-functions-2019/5_invocations.csv"));
      return lines.stream().filter(l -> l.startsWith("HashOwner") || LIGHT.contains(l.split(",")[2].substring(0, 8)))
          .collect(Collectors.joining("\n", "", "\n"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  Large large(Path dir) {
    StringBuilder text = new StringBuilder("HashOwner,HashApp,HashFunction,Trigger");
    for (int m = 1; m <= 1440; m++) text.append(',').append(m);
    text.append("\nowner,app,busy,http");
    for (int m = 1; m <= 1440; m++) text.append(",700");
    Path file = Traces.write(dir, "large_invocations.csv", text.append('\n').toString(), false);
    return new Large(TraceQuery.of(Traces.AZURE_2019, file).withSpread(spread()), 700L * 1440);
  }
}
