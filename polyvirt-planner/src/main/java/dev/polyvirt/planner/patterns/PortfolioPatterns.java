package dev.polyvirt.planner.patterns;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.planner.Plan;
import dev.polyvirt.planner.WorkloadPlan;
import dev.polyvirt.planner.score.Criteria;
import dev.polyvirt.planner.score.PlannerSettings;
import dev.polyvirt.planner.score.Scorecard;
import dev.polyvirt.planner.score.Scoring;
import dev.polyvirt.planner.score.Weights;
import dev.polyvirt.models.Eligibility;
import dev.polyvirt.planner.tco.DataTransferBill;
import dev.polyvirt.pricing.IntegrationPrices;
import dev.polyvirt.pricing.PriceBook;
import dev.polyvirt.spec.DataTransfer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Evaluates seed 002 §6.3's integration patterns as portfolio-level combinations, from the
 * simulations the plan already ran (no new simulation): each workload on its own best model; one
 * API gateway in front of functions and services; VM-as-platform (every workload a container can
 * serve on one cluster); data-plane separation (stateful on VMs, stateless elsewhere); an event
 * mesh (events through a bus). An option's total counts one Kubernetes control plane — fee and
 * operations — once if any of its workloads runs on it, where the per-workload view splits it over
 * every workload a container could host.
 */
public final class PortfolioPatterns {
  private PortfolioPatterns() {}

  /**
   * How the public workloads are reached. In both, the container workloads share their cluster's
   * one ingress load balancer (one cluster, one ingress), unlike the per-workload view of
   * {@link FrontDoor#ownUsdPerMonth}, where each workload is priced alone.
   */
  private enum FrontDoors {
    /** a gateway per function, a load balancer per VM or serverless-container service */
    OWN,
    /** one gateway for every public request; the services behind it share one load balancer (VPC link) */
    GATEWAY_ALL
  }

  /**
   * One placed workload's inputs: its eligible scorecards by model, its monthly requests, its
   * feasible results by model (for hourly ALB loads and data transfer), and the models an event
   * bus lets it run on (the event mesh's async placements).
   */
  private record Tenant(String name, boolean isPublic, boolean stateful, boolean events, double requestsPerMonth,
      String recommended, Map<String, Scorecard> eligible, double controlPlaneSharePerMonth, Map<String, ModelResult> results,
      DataTransfer transfer, long horizonNanos, Map<String, Scorecard> async, OptionalLong target) {
    /** Returns the scorecard of {@code model}: eligible, or eligible only behind the bus (scored among those). */
    Scorecard card(String model) {
      return eligible.containsKey(model) ? eligible.get(model) : async.get(model);
    }

    /** Returns the models that qualify only behind the bus. */
    java.util.Set<String> asyncOnly() {
      java.util.Set<String> only = new java.util.LinkedHashSet<>(async.keySet());
      only.removeAll(eligible.keySet());
      return only;
    }
  }

  /** Evaluates the options of {@code plan}. */
  public static Patterns of(Plan plan) {
    PriceBook book = plan.portfolio().priceBook();
    PlannerSettings settings = plan.portfolio().planner();
    List<Tenant> tenants = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<String> unplaced = new ArrayList<>();
    int clusterTenants = 0;
    for (WorkloadPlan wp : plan.workloads()) {
      if (wp.results().stream().anyMatch(r -> r.model().equals("container") && r.feasible())) clusterTenants++;
      Optional<String> rec = wp.recommendation().model();
      String name = wp.workload().workload().name();
      if (rec.isEmpty()) {
        unplaced.add(name);
        continue;
      }
      var req = wp.workload().workload().requirements();
      long horizon = wp.workload().horizonNanos();
      ModelResult recommended = wp.results().stream().filter(r -> r.model().equals(rec.get())).findFirst().orElseThrow();
      Map<String, Scorecard> eligible = new LinkedHashMap<>();
      for (Scorecard c : wp.assessment().scorecards()) if (c.eligible() || c.model().equals(rec.get())) eligible.put(c.model(), c);
      if (!eligible.containsKey(rec.get())) continue; // no scorecards (a plan made without an assessment)
      double share = wp.results().stream().filter(r -> r.model().equals("container")).flatMap(r -> r.figures().stream())
          .mapToDouble(f -> f.costUsd().other().doubleValue() * SimTime.NANOS_PER_BILLING_MONTH / horizon).sum();
      Map<String, ModelResult> results = new LinkedHashMap<>();
      wp.results().stream().filter(ModelResult::feasible).forEach(r -> results.put(r.model(), r));
      boolean events = req.exposure().equals("events");
      Map<String, Scorecard> async = new LinkedHashMap<>();
      if (events) {
        // behind the bus: the planner's own scoring, with the models that qualify within the event delay added to the eligible
        long bound = Math.max(settings.patterns().eventDelayNanos(), req.latencyP99Nanos().orElse(0));
        List<Criteria> all = new ArrayList<>(), qualifying = new ArrayList<>();
        boolean relaxed = false;
        for (Scorecard c : wp.assessment().scorecards()) {
          ModelResult r = results.get(c.model());
          if (r == null) continue;
          all.add(c.criteria());
          boolean ok = c.eligible() || Eligibility.of(r.figures().orElseThrow(), OptionalLong.of(bound)).ok();
          if (ok) qualifying.add(c.criteria());
          relaxed |= ok && !c.eligible();
        }
        if (relaxed) {
          for (Scorecard c : Scoring.score(all, qualifying, settings.weights())) if (c.eligible()) async.put(c.model(), c);
        }
      }
      tenants.add(new Tenant(name, req.exposure().equals("public-http"), req.state().equals("stateful"), events,
          FrontDoor.requestsPerMonth(recommended, horizon), rec.get(), eligible, share, results, wp.workload().workload().dataTransfer(),
          horizon, async, req.latencyP99Nanos()));
    }
    if (!unplaced.isEmpty()) notes.add("left out (no model can host them): " + String.join(", ", unplaced));
    if (tenants.isEmpty()) return new Patterns(List.of(), Optional.empty(), Optional.empty(), notes);
    Optional<IntegrationPrices> prices = book.integration();
    if (prices.isEmpty() && tenants.stream().anyMatch(t -> t.isPublic() || t.events())) {
      notes.add("price book " + book.label() + " has no integration: section, so gateways, load balancers and event buses cost $0 here");
    }
    double clusterUsd = book.eksControlPlanePerClusterHour().doubleValue() * SimTime.NANOS_PER_BILLING_MONTH / SimTime.NANOS_PER_HOUR
        + settings.ops().cluster() * settings.opsRatePerHour();
    double clusterOpsShare = settings.ops().cluster() / Math.max(1, clusterTenants) * settings.opsRatePerHour();
    Costing costing = new Costing(prices, book, settings.patterns().gateway(), clusterUsd, clusterOpsShare);

    List<PortfolioOption> options = new ArrayList<>();
    options.add(costing.option("each-on-its-best", "each workload on its own recommended model; a gateway per public function, "
        + "a load balancer per public VM service, one ingress for the cluster's", tenants, Tenant::recommended, FrontDoors.OWN, false));
    if (tenants.stream().anyMatch(Tenant::isPublic)) {
      options.add(costing.option("api-gateway", "the recommended models behind one API gateway (" + settings.patterns().gateway()
          + ") for every public request; public services share one load balancer behind it", tenants, Tenant::recommended,
          FrontDoors.GATEWAY_ALL, false));
    }
    if (tenants.stream().anyMatch(t -> t.eligible().containsKey("container"))) {
      options.add(costing.option("vm-as-platform", "every workload a container serves within its targets on one Kubernetes cluster "
          + "(one control plane, one ingress load balancer); the rest on their recommended model", tenants,
          t -> t.eligible().containsKey("container") ? "container" : t.recommended(), FrontDoors.OWN, false));
    }
    if (tenants.stream().anyMatch(Tenant::stateful) && tenants.stream().anyMatch(t -> !t.stateful())) {
      options.add(costing.option("data-plane-separation", "stateful workloads on VMs, stateless ones on their best model other than vm",
          tenants, PortfolioPatterns::separated, FrontDoors.OWN, false));
    }
    if (tenants.stream().anyMatch(Tenant::events)) {
      options.add(costing.option("event-mesh", "every event to an event-driven workload published through one event bus "
          + "(cross-paradigm delivery, replay and fan-out); behind it a consumer may run on a model that misses its synchronous "
          + "latency target but handles every event within " + SimTime.format(settings.patterns().eventDelayNanos()), tenants,
          PortfolioPatterns::behindBus, FrontDoors.OWN, true));
      notes.addAll(EventMesh.notes(tenants.stream().filter(Tenant::events).map(t -> new EventMesh.Consumer(t.name(), t.recommended(),
          behindBus(t), t.results().get(t.recommended()), t.asyncOnly(), t.target())).toList(), settings.patterns().eventDelayNanos()));
    }
    return ranked(options, tenants, settings.weights(), notes);
  }

  /**
   * The event mesh's placement: an event-driven workload on the best-scored model among those it
   * qualifies for synchronously and those that qualify behind the bus (p99 within the event
   * delay, at most 0.1 % of events lost); the others on their recommendation.
   */
  private static String behindBus(Tenant t) {
    if (!t.events() || t.async().isEmpty()) return t.recommended();
    Scorecard best = t.async().get(t.recommended()); // absent when no model met the target and the lowest p99 was taken
    for (Scorecard c : t.async().values()) if (best == null || c.score() > best.score() + 1e-12) best = c;
    return best.model();
  }

  /** Data-plane separation: stateful on vm when vm qualifies; stateless on the best-scored model other than vm. */
  private static String separated(Tenant t) {
    if (t.stateful()) return t.eligible().containsKey("vm") ? "vm" : t.recommended();
    return t.eligible().values().stream().filter(c -> !c.model().equals("vm"))
        .max(java.util.Comparator.comparingDouble(Scorecard::score)).map(Scorecard::model).orElse(t.recommended());
  }

  /** Scores the options (cost against the cheapest, the rest as the placements' means) and names the winners. */
  private static Patterns ranked(List<PortfolioOption> options, List<Tenant> tenants, Weights w, List<String> notes) {
    double cheapestTotal = options.stream().mapToDouble(PortfolioOption::totalUsdPerMonth).min().orElse(0);
    List<PortfolioOption> scored = new ArrayList<>();
    for (PortfolioOption o : options) {
      double s = w.cost() * (o.totalUsdPerMonth() <= 0 ? 1 : cheapestTotal / o.totalUsdPerMonth());
      for (String k : Weights.NAMES) {
        if (k.equals("cost")) continue;
        double mean = 0;
        for (Tenant t : tenants) mean += t.card(o.placements().get(t.name())).parts().getOrDefault(k, 0.0);
        s += w.byName().get(k) * mean / tenants.size();
      }
      scored.add(o.scored(s / w.sum()));
    }
    PortfolioOption cheapest = scored.get(0);
    PortfolioOption best = scored.get(0);
    for (PortfolioOption o : scored) {
      if (o.totalUsdPerMonth() < cheapest.totalUsdPerMonth() - 1e-9) cheapest = o;
      if (o.score() > best.score() + 1e-12) best = o;
    }
    PortfolioOption base = scored.get(0);
    if (cheapest != base) {
      List<String> moves = new ArrayList<>();
      cheapest.placements().forEach((w2, m) -> {
        if (!m.equals(base.placements().get(w2))) moves.add(w2 + " " + base.placements().get(w2) + " → " + m);
      });
      double saved = base.totalUsdPerMonth() - cheapest.totalUsdPerMonth();
      notes.add(String.format(Locale.ROOT, "%s saves %s a month (%.1f %%) over each workload on its own best model%s", cheapest.name(),
          usd(saved), 100 * saved / base.totalUsdPerMonth(), moves.isEmpty() ? " (same placements, other front doors or bus)"
              : ": " + String.join(", ", moves)));
    }
    notes.add("totals are monthly TCO (bills + operations labour + front doors + event bus + data transfer) from this plan's "
        + "simulations; gateway requests and internet egress are priced once over the account's monthly tiers; traffic between "
        + "the portfolio's own workloads is not counted");
    return new Patterns(scored, Optional.of(cheapest.name()), Optional.of(best.name()), notes);
  }

  /** Prices an assignment of models to workloads. */
  private record Costing(Optional<IntegrationPrices> prices, PriceBook book, String gateway, double clusterUsd, double clusterOpsShare) {
    PortfolioOption option(String name, String description, List<Tenant> tenants, Function<Tenant, String> place, FrontDoors doors,
        boolean eventBus) {
      Map<String, String> placements = new LinkedHashMap<>();
      double compute = 0;
      boolean cluster = false;
      for (Tenant t : tenants) {
        String model = place.apply(t);
        placements.put(t.name(), model);
        var c = t.card(model).criteria();
        compute += c.infraUsdPerMonth() + c.opsUsdPerMonth();
        if (model.equals("container")) {
          compute -= t.controlPlaneSharePerMonth() + clusterOpsShare; // the cluster is counted once below
          cluster = true;
        }
      }
      if (cluster) compute += clusterUsd;
      double front = prices.map(p -> frontDoors(p, tenants, placements, doors)).orElse(0.0);
      double bus = eventBus ? prices.map(p -> tenants.stream().filter(Tenant::events)
          .mapToDouble(t -> t.requestsPerMonth() / 1e6 * p.eventBusPerMillionEvents().doubleValue()).sum()).orElse(0.0) : 0;
      return new PortfolioOption(name, description, placements, compute, front, bus, 0, dataTransfer(tenants, placements));
    }

    /**
     * The placements' data transfer: internet GB summed over the workloads and priced once over the
     * book's monthly egress tiers (AWS aggregates them per account), cross-zone GB at its rate.
     */
    private double dataTransfer(List<Tenant> tenants, Map<String, String> placements) {
      if (book.dataTransfer().isEmpty()) return 0;
      double internetGb = 0, crossGb = 0;
      for (Tenant t : tenants) {
        ModelResult r = t.results().get(placements.get(t.name()));
        if (r == null) continue;
        DataTransferBill b = DataTransferBill.of(r, t.transfer(), book, t.horizonNanos());
        internetGb += b.internetGbPerMonth();
        crossGb += b.crossZoneGbPerMonth();
      }
      var p = book.dataTransfer().get();
      return p.internetPerMonth(new BigDecimal(internetGb, MathContext.DECIMAL64))
          .add(p.crossZonePerMonth(new BigDecimal(crossGb, MathContext.DECIMAL64))).doubleValue();
    }

    /**
     * The front doors: gateway requests summed and priced once over the flavour's monthly tiers;
     * an ALB per VM or serverless-container service, billed hour by hour at its largest LCU
     * dimension; one shared ALB (the cluster's ingress, or the one behind the gateway) carrying
     * its services' loads added hour by hour.
     */
    private double frontDoors(IntegrationPrices p, List<Tenant> tenants, Map<String, String> placements, FrontDoors doors) {
      double usd = 0;
      double gatewayRequests = 0;
      List<AlbLoad> shared = new ArrayList<>();
      for (Tenant t : tenants) {
        if (!t.isPublic()) continue;
        String model = placements.get(t.name());
        boolean function = model.equals("faas");
        AlbLoad load = function ? null : AlbLoad.of(t.results().get(model), t.transfer(), t.horizonNanos());
        if (doors == FrontDoors.GATEWAY_ALL || function) gatewayRequests += t.requestsPerMonth();
        if (function) continue;
        if (doors == FrontDoors.GATEWAY_ALL || model.equals("container")) shared.add(load);
        else usd += FrontDoor.albHourlyUsd(p) + load.lcuUsdPerMonth(p);
      }
      usd += FrontDoor.gatewayUsd(gatewayRequests, p, gateway);
      if (shared.isEmpty()) return usd;
      boolean sameSpan = shared.stream().allMatch(l -> l.horizonNanos() == shared.get(0).horizonNanos());
      double lcus = sameSpan ? shared.stream().reduce(AlbLoad::plus).orElseThrow().lcuUsdPerMonth(p)
          : shared.stream().mapToDouble(l -> l.lcuUsdPerMonth(p)).sum(); // spans differ: each alone, an upper bound
      return usd + FrontDoor.albHourlyUsd(p) + lcus;
    }
  }

  /** Formats a monthly amount for sentences. */
  public static String usd(double v) {
    return String.format(Locale.ROOT, "$%,.2f", v);
  }
}
