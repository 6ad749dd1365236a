package dev.polyvirt.traffic.trace;

import dev.polyvirt.spec.SpecException;
import dev.polyvirt.spec.yaml.Mark;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads the two percentile files of the Azure Functions 2019 trace, keeping only the rows of the
 * selected functions: execution times per function (percentile_Average_0, _1, _25, _50, _75, _99,
 * _100, in ms; cold starts excluded) and allocated memory per app (AverageAllocatedMb_pct1, _pct5,
 * _pct25, _pct50, _pct75, _pct95, _pct99, _pct100, in MB). The memory file has no 0th percentile:
 * the 1st stands for it. In-Vitro's copies of the memory file add a HashFunction column; rows are
 * then also keyed by function.
 */
final class Azure2019Percentiles {
  static final double[] DURATION_P = {0, 0.01, 0.25, 0.5, 0.75, 0.99, 1};
  private static final String[] DURATION_COLUMNS = {"percentile_Average_0", "percentile_Average_1", "percentile_Average_25",
      "percentile_Average_50", "percentile_Average_75", "percentile_Average_99", "percentile_Average_100"};
  static final double[] MEMORY_P = {0, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1};
  private static final String[] MEMORY_COLUMNS = {"AverageAllocatedMb_pct1", "AverageAllocatedMb_pct1", "AverageAllocatedMb_pct5",
      "AverageAllocatedMb_pct25", "AverageAllocatedMb_pct50", "AverageAllocatedMb_pct75", "AverageAllocatedMb_pct95",
      "AverageAllocatedMb_pct99", "AverageAllocatedMb_pct100"};
  private static final String DURATIONS_HEADER = "HashOwner,HashApp,HashFunction,Average,Count,Minimum,Maximum,"
      + String.join(",", DURATION_COLUMNS);
  private static final String MEMORY_HEADER = "HashOwner,HashApp,[HashFunction,]SampleCount,AverageAllocatedMb,"
      + "AverageAllocatedMb_pct1,_pct5,_pct25,_pct50,_pct75,_pct95,_pct99,_pct100";

  private Azure2019Percentiles() {}

  /** Returns the key of a function: owner, app and function hashes. */
  static String key(String owner, String app, String function) {
    return owner + '/' + app + '/' + function;
  }

  /** Returns the key of an app: owner and app hashes. */
  static String key(String owner, String app) {
    return owner + '/' + app;
  }

  /** Reads the duration curves (ms) of the functions whose keys are {@code wanted}. */
  static Map<String, PercentileCurve> durations(Path file, Set<String> wanted) throws SpecException {
    return read(file, DURATIONS_HEADER, DURATION_COLUMNS, DURATION_P, "durations in ms", wanted, true);
  }

  /** Reads the memory curves (MB) of the apps whose keys are {@code wanted}, by app key and, where given, function key. */
  static Map<String, PercentileCurve> memory(Path file, Set<String> wanted) throws SpecException {
    return read(file, MEMORY_HEADER, MEMORY_COLUMNS, MEMORY_P, "memory in MB", wanted, false);
  }

  private static Map<String, PercentileCurve> read(Path file, String expected, String[] columns, double[] p, String what,
      Set<String> wanted, boolean byFunction) throws SpecException {
    Map<String, PercentileCurve> out = new HashMap<>();
    try (TraceInput in = TraceInput.open(file, Mark.file(file.toString()))) {
      CsvHeader header = CsvHeader.read(in, expected);
      String hint = "the file starts with the header " + expected;
      int owner = header.require("HashOwner", hint);
      int app = header.require("HashApp", hint);
      OptionalInt function = byFunction ? OptionalInt.of(header.require("HashFunction", hint)) : header.optional("HashFunction");
      int[] at = new int[columns.length];
      for (int i = 0; i < columns.length; i++) at[i] = header.require(columns[i], hint);
      CsvLine line = new CsvLine(in.file());
      while (in.advance()) {
        if (in.text().isBlank()) continue;
        line.reset(in.lineNumber(), in.text());
        if (line.size() < header.size()) {
          throw SpecException.of(line.endMark(), "row has " + line.size() + " columns, expected " + header.size(),
              "the row is cut short; " + hint);
        }
        String appKey = key(line.text(owner), line.text(app));
        String rowKey = function.isPresent() ? key(line.text(owner), line.text(app), line.text(function.getAsInt())) : appKey;
        if (!wanted.contains(byFunction ? rowKey : appKey) || out.containsKey(rowKey)) continue;
        double[] v = new double[at.length];
        for (int i = 0; i < at.length; i++) {
          v[i] = line.scaled(at[i], 1000, what, "percentiles are plain numbers (" + what + ")") / 1000.0;
          if (v[i] < 0) throw line.problem(at[i], "expected " + what + " of zero or more, found " + line.text(at[i]), hint);
        }
        PercentileCurve curve = PercentileCurve.of(p, v);
        out.put(rowKey, curve);
        out.putIfAbsent(appKey, curve);
      }
    }
    return out;
  }
}
