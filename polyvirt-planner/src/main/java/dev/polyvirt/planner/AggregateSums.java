package dev.polyvirt.planner;

import dev.polyvirt.models.ModelResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The sums behind {@link Aggregates}: totals per key and the spread of cold-start rates across apps. */
final class AggregateSums {
  /** The table the FaaS model reports one row per keep-alive policy in (KeepAliveComparison.TABLE). */
  static final String KEEP_ALIVE_TABLE = "keepAlive";
  private static final String FAAS = "faas";

  private AggregateSums() {}

  static Aggregates.TraceGroup group(String name, List<Aggregates.Member> members) {
    List<Aggregates.Totals> apps = totals(members, m -> shortId(m.function().app()));
    List<Aggregates.Totals> triggers = totals(members, m -> m.function().trigger());
    return new Aggregates.TraceGroup(name, members.size(), apps, triggers, spreads(members));
  }

  private static List<Aggregates.Totals> totals(List<Aggregates.Member> members, Function<Aggregates.Member, String> keyOf) {
    Map<String, List<Aggregates.Member>> byKey = new LinkedHashMap<>();
    for (Aggregates.Member m : members) byKey.computeIfAbsent(keyOf.apply(m), k -> new ArrayList<>()).add(m);
    List<Aggregates.Totals> out = new ArrayList<>();
    byKey.forEach((key, ms) -> out.add(totalsOf(key, ms)));
    return out;
  }

  private static Aggregates.Totals totalsOf(String key, List<Aggregates.Member> ms) {
    Set<String> models = new LinkedHashSet<>();
    for (Aggregates.Member m : ms) for (ModelResult r : m.results()) models.add(r.model());
    long requests = 0;
    for (Aggregates.Member m : ms) requests += requests(m);
    Map<String, Aggregates.ModelTotals> perModel = new LinkedHashMap<>();
    for (String model : models) {
      long cold = 0;
      double cost = 0;
      boolean everyFunction = true;
      for (Aggregates.Member m : ms) {
        ModelResult r = m.results().stream().filter(x -> x.model().equals(model)).findFirst().orElse(null);
        if (r == null || r.figures().isEmpty()) {
          everyFunction = false;
          break;
        }
        cold += r.figures().get().coldStarts();
        cost += r.figures().get().costUsdPerMonth();
      }
      if (everyFunction) perModel.put(model, new Aggregates.ModelTotals(cold, cost));
    }
    return new Aggregates.Totals(key, ms.size(), requests, perModel);
  }

  /** Per keep-alive policy (the FaaS table's rows, or the FaaS result alone), the apps' cold-start rates. */
  private static List<Aggregates.ColdStartSpread> spreads(List<Aggregates.Member> members) {
    // policy → app → {cold starts, requests, idle GB-h, cost per month}
    Map<String, Map<String, double[]>> perPolicy = new LinkedHashMap<>();
    for (Aggregates.Member m : members) {
      ModelResult faas = m.results().stream().filter(r -> r.model().equals(FAAS) && r.figures().isPresent()).findFirst().orElse(null);
      if (faas == null) continue;
      long requests = faas.figures().get().requests();
      String app = m.function().app();
      ModelResult.Table t = faas.tables().get(KEEP_ALIVE_TABLE);
      if (t == null) {
        add(perPolicy, FAAS, app, faas.figures().get().coldStarts(), requests, faas.metrics().getOrDefault("idleMemoryGbHours", 0.0),
            faas.figures().get().costUsdPerMonth());
        continue;
      }
      for (int row = 0; row < t.rows().size(); row++) {
        add(perPolicy, String.valueOf(t.cell(row, "policy")), app, t.number(row, "coldStarts"), requests, t.number(row, "idleMemoryGbHours"),
            t.number(row, "costUsdPerMonth"));
      }
    }
    List<Aggregates.ColdStartSpread> out = new ArrayList<>();
    perPolicy.forEach((policy, apps) -> out.add(spread(policy, apps)));
    return out;
  }

  private static void add(Map<String, Map<String, double[]>> perPolicy, String policy, String app, double cold, long requests, double idle,
      double cost) {
    double[] a = perPolicy.computeIfAbsent(policy, p -> new LinkedHashMap<>()).computeIfAbsent(app, k -> new double[4]);
    a[0] += cold;
    a[1] += requests;
    a[2] += idle;
    a[3] += cost;
  }

  private static Aggregates.ColdStartSpread spread(String policy, Map<String, double[]> apps) {
    List<Double> rates = new ArrayList<>();
    long cold = 0;
    double idle = 0;
    double cost = 0;
    for (double[] a : apps.values()) {
      cold += Math.round(a[0]);
      idle += a[2];
      cost += a[3];
      if (a[1] > 0) rates.add(a[0] / a[1]);
    }
    double[] sorted = rates.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return new Aggregates.ColdStartSpread(policy, sorted.length, cold, idle, cost, rank(sorted, 25), rank(sorted, 50), rank(sorted, 75),
        rank(sorted, 90), rank(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
  }

  /** Returns the nearest-rank {@code p}-th percentile of {@code sorted} (0 when empty). */
  static double rank(double[] sorted, double p) {
    if (sorted.length == 0) return 0;
    int k = (int) Math.ceil(p / 100 * sorted.length - 1e-9);
    return sorted[Math.max(0, Math.min(sorted.length - 1, k - 1))];
  }

  private static long requests(Aggregates.Member m) {
    for (ModelResult r : m.results()) if (r.figures().isPresent()) return r.figures().get().requests();
    return 0;
  }

  private static String shortId(String id) {
    return id.length() <= 12 ? id : id.substring(0, 12);
  }
}
