package dev.polyvirt.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * A seeded synthetic day in the file format of the Azure Functions 2019 trace (Shahrad et al.,
 * USENIX ATC 2020): {@code synthetic_invocations.csv.gz} (HashOwner,HashApp,HashFunction,Trigger
 * and 1440 per-minute counts), {@code synthetic_durations.csv.gz} and {@code synthetic_memory.csv.gz}
 * (headers as in the sample files of {@code shared/data/azure-functions-2019/} and {@code examples/traces/}), plus
 * {@code replay.yaml}, a portfolio with one workload replaying all functions on {@code faas}.
 *
 * <p>Shape: per-function daily totals are heavy-tailed — {@code log10(total) = L·q²} for the
 * function's stratified quantile q in (0, 1), L solved so the totals add up to the requested
 * number — so about 45 % of functions are invoked at most 24 times a day (at most once an hour on
 * average) while the top 1 % carry most invocations, and rates span about L (≈ 6–7) orders of
 * magnitude. Timer functions (≈ 15 %) fire on a fixed period; the rest follow a diurnal sinusoid
 * with per-function phase and amplitude, with Poisson noise per minute. The realised total
 * therefore differs from the request by ~0.1 % (printed).
 *
 * <p>{@code java -cp benchmarks.jar dev.polyvirt.bench.SyntheticAzureTrace <folder> [invocations=100000000]
 * [functions=1000] [seed=1]}
 */
public final class SyntheticAzureTrace {
  static final int MINUTES = 1440;
  private static final double SHAPE = 2.0;
  private static final String[] TRIGGERS = {"http", "queue", "event", "timer", "orchestration", "storage", "others"};
  private static final double[] TRIGGER_WEIGHTS = {0.55, 0.12, 0.07, 0.15, 0.04, 0.04, 0.03};

  private SyntheticAzureTrace() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: SyntheticAzureTrace <folder> [invocations=100000000] [functions=1000] [seed=1]");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    long target = args.length > 1 ? parseCount(args[1]) : 100_000_000L;
    int n = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 1L;
    Files.createDirectories(dir);
    long t0 = System.nanoTime();
    Summary s = write(dir, target, n, seed);
    System.out.printf(Locale.ROOT, "wrote %s: %,d functions, %,d invocations (requested %,d), seed %d, in %.1f s%n",
        dir, n, s.total, target, seed, (System.nanoTime() - t0) / 1e9);
    System.out.printf(Locale.ROOT, "daily totals: min %,d, median %,d, max %,d (%.1f orders of magnitude, L = %.3f)%n",
        s.min, s.median, s.max, Math.log10((double) s.max / Math.max(1, s.min)), s.decades);
    System.out.printf(Locale.ROOT, "%.1f %% of functions invoked <= 24 times/day; top 1 %% carry %.1f %%, top 10 %% carry %.1f %% of invocations; busiest minute %,d%n",
        100.0 * s.atMostHourly / n, 100.0 * s.top1 / s.total, 100.0 * s.top10 / s.total, s.peakMinute);
  }

  static long parseCount(String s) {
    String t = s.replace("_", "").toUpperCase(Locale.ROOT);
    long mul = 1;
    if (t.endsWith("M")) { mul = 1_000_000L; t = t.substring(0, t.length() - 1); }
    else if (t.endsWith("K")) { mul = 1_000L; t = t.substring(0, t.length() - 1); }
    return Math.round(Double.parseDouble(t) * mul);
  }

  record Summary(long total, long min, long median, long max, double decades, int atMostHourly, long top1, long top10,
      long peakMinute) {}

  /** Daily totals for n functions adding up to about {@code target}: 10^(L q²), q stratified. */
  static long[] dailyTotals(long target, int n, double[] decadesOut) {
    double lo = 0, hi = 12;
    for (int it = 0; it < 100; it++) {
      double mid = (lo + hi) / 2;
      if (sum(mid, n) < target) lo = mid; else hi = mid;
    }
    decadesOut[0] = hi;
    long[] d = new long[n];
    for (int i = 0; i < n; i++) d[i] = Math.max(1, Math.round(Math.pow(10, hi * Math.pow((i + 0.5) / n, SHAPE))));
    return d;
  }

  private static double sum(double decades, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) s += Math.max(1, Math.round(Math.pow(10, decades * Math.pow((i + 0.5) / n, SHAPE))));
    return s;
  }

  static Summary write(Path dir, long target, int n, long seed) throws IOException {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] decades = new double[1];
    long[] daily = dailyTotals(target, n, decades);
    // Shuffle so rates are not ordered by row (Fisher–Yates).
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      long t = daily[i]; daily[i] = daily[j]; daily[j] = t;
    }
    // Owners and apps: ~1.6 functions per app, ~1.3 apps per owner (the trace's orders of magnitude).
    int apps = Math.max(1, (int) Math.round(n / 1.6));
    int owners = Math.max(1, (int) Math.round(apps / 1.3));
    String[] appHash = new String[apps];
    String[] appOwner = new String[apps];
    String[] ownerHash = new String[owners];
    for (int o = 0; o < owners; o++) ownerHash[o] = hash(rng);
    for (int a = 0; a < apps; a++) {
      appHash[a] = hash(rng);
      appOwner[a] = ownerHash[a < owners ? a : rng.nextInt(owners)];
    }
    long total = 0, peakMinute = 0;
    long[] perMinute = new long[MINUTES];
    long[] realised = new long[n];
    int[] counts = new int[MINUTES];
    StringBuilder sb = new StringBuilder(MINUTES * 8);
    try (BufferedWriter inv = writer(dir.resolve("synthetic_invocations.csv.gz"));
        BufferedWriter dur = writer(dir.resolve("synthetic_durations.csv.gz"));
        BufferedWriter mem = writer(dir.resolve("synthetic_memory.csv.gz"))) {
      sb.setLength(0);
      sb.append("HashOwner,HashApp,HashFunction,Trigger");
      for (int m = 1; m <= MINUTES; m++) sb.append(',').append(m);
      inv.write(sb.append('\n').toString());
      dur.write("HashOwner,HashApp,HashFunction,Average,Count,Minimum,Maximum,percentile_Average_0,percentile_Average_1,"
          + "percentile_Average_25,percentile_Average_50,percentile_Average_75,percentile_Average_99,percentile_Average_100\n");
      mem.write("HashOwner,HashApp,HashFunction,SampleCount,AverageAllocatedMb,AverageAllocatedMb_pct1,AverageAllocatedMb_pct5,"
          + "AverageAllocatedMb_pct25,AverageAllocatedMb_pct50,AverageAllocatedMb_pct75,AverageAllocatedMb_pct95,"
          + "AverageAllocatedMb_pct99,AverageAllocatedMb_pct100\n");
      for (int f = 0; f < n; f++) {
        int a = f < apps ? f : rng.nextInt(apps);
        String owner = appOwner[a], app = appHash[a], fn = hash(rng);
        String trigger = TRIGGERS[pick(rng, TRIGGER_WEIGHTS)];
        long sumF = fill(counts, daily[f], trigger.equals("timer"), rng);
        realised[f] = sumF;
        total += sumF;
        for (int m = 0; m < MINUTES; m++) perMinute[m] += counts[m];
        sb.setLength(0);
        sb.append(owner).append(',').append(app).append(',').append(fn).append(',').append(trigger);
        for (int m = 0; m < MINUTES; m++) sb.append(',').append(counts[m]);
        inv.write(sb.append('\n').toString());
        // Durations: lognormal, median 10^U(0.7, 3) ms, sigma U(0.3, 1.5); percentiles 0..100 of the per-minute averages.
        double med = Math.pow(10, 0.7 + 2.3 * rng.nextDouble());
        double sigma = 0.3 + 1.2 * rng.nextDouble();
        double[] z = {-3.0, -2.326, -0.674, 0, 0.674, 2.326, 3.5};
        long[] p = new long[z.length];
        for (int i = 0; i < z.length; i++) p[i] = Math.max(1, Math.round(med * Math.exp(sigma * z[i])));
        long avg = Math.round(med * Math.exp(sigma * sigma / 2));
        dur.write(owner + ',' + app + ',' + fn + ',' + avg + ',' + Math.max(1, sumF) + ',' + p[0] + ".0," + p[6] + ".0,"
            + join(p) + '\n');
        // Memory: median U(60, 300) MB, narrow spread.
        double mm = 60 + 240 * rng.nextDouble();
        double[] mz = {-2.326, -1.645, -0.674, 0, 0.674, 1.645, 2.326, 3.5};
        long[] q = new long[mz.length];
        for (int i = 0; i < mz.length; i++) q[i] = Math.max(1, Math.round(mm * Math.exp(0.15 * mz[i])));
        mem.write(owner + ',' + app + ',' + fn + ',' + (1 + rng.nextInt(500_000)) + ',' + Math.round(mm) + ',' + join(q) + '\n');
      }
    }
    for (long c : perMinute) peakMinute = Math.max(peakMinute, c);
    long[] sorted = realised.clone();
    Arrays.sort(sorted);
    int atMostHourly = 0;
    for (long d : sorted) if (d <= 24) atMostHourly++;
    long top1 = 0, top10 = 0;
    for (int i = 0; i < n; i++) {
      if (i >= n - Math.max(1, n / 100)) top1 += sorted[i];
      if (i >= n - Math.max(1, n / 10)) top10 += sorted[i];
    }
    writeSpec(dir);
    return new Summary(total, sorted[0], sorted[n / 2], sorted[n - 1], decades[0], atMostHourly, top1, top10, peakMinute);
  }

  static void writeSpec(Path dir) throws IOException {
    String spec = """
        apiVersion: polyvirt/v1
        kind: Portfolio
        name: synthetic-azure-replay
        seed: 1
        horizon: 1d
        workloads:
          - name: all-functions
            runtime: python
            traffic: {trace: {format: azure-functions-2019, path: synthetic_invocations.csv.gz}}
            request: {cpu: 250m, memory: 256Mi}
            candidates: [faas]
        """;
    Files.writeString(dir.resolve("replay.yaml"), spec);
  }

  /**
   * Fills one function's per-minute counts for a daily total: timers fire regularly, the rest follow
   * a diurnal curve with Poisson noise. Returns the realised sum.
   */
  private static long fill(int[] counts, long daily, boolean timer, SplittableRandom rng) {
    Arrays.fill(counts, 0);
    long sum = 0;
    if (timer && daily <= MINUTES) {
      int period = (int) Math.max(1, MINUTES / Math.max(1, daily));
      for (int m = rng.nextInt(period); m < MINUTES; m += period) {
        counts[m] = 1;
        sum++;
      }
      return sum;
    }
    if (timer) {
      int each = (int) (daily / MINUTES);
      Arrays.fill(counts, each);
      return (long) each * MINUTES;
    }
    double amp = 0.2 + 0.6 * rng.nextDouble();
    double phase = rng.nextDouble() * 2 * Math.PI;
    double mean = (double) daily / MINUTES;
    for (int m = 0; m < MINUTES; m++) {
      double lambda = mean * (1 + amp * Math.sin(2 * Math.PI * m / MINUTES + phase));
      int c = poisson(rng, lambda);
      counts[m] = c;
      sum += c;
    }
    if (sum == 0) { // every listed function is invoked at least once
      counts[rng.nextInt(MINUTES)] = 1;
      sum = 1;
    }
    return sum;
  }

  private static int poisson(SplittableRandom rng, double lambda) {
    if (lambda < 30) {
      double l = Math.exp(-lambda), p = 1;
      int k = 0;
      do {
        k++;
        p *= rng.nextDouble();
      } while (p > l);
      return k - 1;
    }
    // Normal approximation: the relative error of the shape is negligible at these counts.
    double g = gaussian(rng);
    return (int) Math.max(0, Math.round(lambda + Math.sqrt(lambda) * g));
  }

  private static double gaussian(SplittableRandom rng) {
    double u = 1 - rng.nextDouble(), v = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  private static int pick(SplittableRandom rng, double[] w) {
    double u = rng.nextDouble(), c = 0;
    for (int i = 0; i < w.length; i++) {
      c += w[i];
      if (u < c) return i;
    }
    return w.length - 1;
  }

  private static String join(long[] v) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < v.length; i++) sb.append(i == 0 ? "" : ",").append(v[i]);
    return sb.toString();
  }

  private static String hash(SplittableRandom rng) {
    StringBuilder sb = new StringBuilder(64);
    for (int i = 0; i < 4; i++) sb.append(String.format(Locale.ROOT, "%016x", rng.nextLong()));
    return sb.toString();
  }

  private static BufferedWriter writer(Path p) throws IOException {
    OutputStream out = new GZIPOutputStream(Files.newOutputStream(p), 1 << 16);
    return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
  }
}
