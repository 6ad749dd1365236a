package dev.polyvirt.planner;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.spec.Workload;
import dev.polyvirt.traffic.trace.TraceFunction;
import dev.polyvirt.traffic.trace.TraceTraffic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@code function: "*"} trace workload adds up to once every function ran as its own
 * workload (issue "Serverless in depth" §2–3): totals per app (HashApp) and per trigger, and how
 * the cold-start rate spreads across apps under each keep-alive policy — the distribution
 * Shahrad et al. plot as a CDF ("Serverless in the Wild", USENIX ATC 2020, Fig. 15–16), not only
 * its mean.
 *
 * @param groups one group per spec workload written with {@code function: "*"}, in spec order
 *     (empty when the portfolio has none)
 */
public record Aggregates(List<TraceGroup> groups) {
  public Aggregates {
    groups = List.copyOf(groups);
  }

  /** Returns true when no workload was expanded from a trace. */
  public boolean isEmpty() {
    return groups.isEmpty();
  }

  /**
   * The functions one spec workload expanded to, added up.
   *
   * @param workload the spec workload's name
   * @param functions how many functions (workloads) it expanded to
   * @param apps totals per app, in order of first appearance
   * @param triggers totals per trigger, in order of first appearance
   * @param coldStartsAcrossApps per keep-alive policy, the distribution of the apps' cold-start rates
   */
  public record TraceGroup(String workload, int functions, List<Totals> apps, List<Totals> triggers,
      List<ColdStartSpread> coldStartsAcrossApps) {
    public TraceGroup {
      apps = List.copyOf(apps);
      triggers = List.copyOf(triggers);
      coldStartsAcrossApps = List.copyOf(coldStartsAcrossApps);
    }
  }

  /**
   * The functions of one app or one trigger, added up.
   *
   * @param key the app's id (first 12 characters) or the trigger's name
   * @param functions how many of the group's functions share the key
   * @param requests their requests over the simulated span
   * @param models per candidate model (in the order the workloads list them), its totals; models
   *     infeasible for some function are left out (their sum would mean nothing)
   */
  public record Totals(String key, int functions, long requests, Map<String, ModelTotals> models) {
    public Totals {
      models = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(models));
    }
  }

  /** One model's cold starts and cost per month summed over functions. */
  public record ModelTotals(long coldStarts, double costUsdPerMonth) {}

  /**
   * The cold-start rate across the apps of a group under one keep-alive policy (each app's rate =
   * its cold starts / its requests, apps with no request left out); percentiles are nearest-rank.
   *
   * @param policy the policy as the FaaS keep-alive table names it ({@code faas} when one policy ran)
   * @param apps apps counted
   * @param coldStarts cold starts summed over the apps
   * @param idleMemoryGbHours wasted memory time summed over the apps (idle instance GB-hours)
   * @param costUsdPerMonth the FaaS cost per month under the policy, summed over the apps
   */
  public record ColdStartSpread(String policy, int apps, long coldStarts, double idleMemoryGbHours, double costUsdPerMonth,
      double p25, double p50, double p75, double p90, double p99, double max) {}

  /** Adds up every workload of {@code plan} that a {@code function: "*"} trace expanded to. */
  public static Aggregates of(Plan plan) {
    List<TraceGroup> groups = new ArrayList<>();
    for (Workload spec : plan.portfolio().portfolio().workloads()) {
      List<Member> members = new ArrayList<>();
      for (WorkloadPlan w : plan.workloads()) {
        Workload bound = w.workload().workload();
        if (!bound.mark().equals(spec.mark()) || bound.name().equals(spec.name())) continue;
        if (!(w.workload().traffic() instanceof TraceTraffic t) || t.functions().size() != 1) continue;
        members.add(new Member(t.functions().get(0), w.results()));
      }
      if (!members.isEmpty()) groups.add(AggregateSums.group(spec.name(), members));
    }
    return new Aggregates(groups);
  }

  /** One expanded function and its results on every model. */
  record Member(TraceFunction function, List<ModelResult> results) {}
}
