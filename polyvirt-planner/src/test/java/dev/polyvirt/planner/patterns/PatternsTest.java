package dev.polyvirt.planner.patterns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.planner.BoundPortfolio;
import dev.polyvirt.planner.Plan;
import dev.polyvirt.planner.Planner;
import dev.polyvirt.planner.WorkloadPlan;
import dev.polyvirt.pricing.IntegrationPrices;
import dev.polyvirt.spec.SpecException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Portfolio-level patterns (seed 002 §6.3) against closed forms of the AWS list prices in
 * aws-us-east-1.yaml: API Gateway HTTP API $1.00/M and REST API $3.50/M requests
 * (aws.amazon.com/api-gateway/pricing), ALB $0.0225/h + $0.008/LCU-h with 25 new connections/s per
 * LCU (aws.amazon.com/elasticloadbalancing/pricing), EventBridge $1.00/M events
 * (aws.amazon.com/eventbridge/pricing).
 */
class PatternsTest {
  private static final String HEAD = """
      apiVersion: polyvirt/v1
      kind: Portfolio
      name: p
      horizon: 1h
      planner: {whatIf: false}
      workloads:
      """;

  private static BoundPortfolio bind(String yaml) {
    try {
      return BoundPortfolio.parse("p.yaml", yaml, Path.of("."));
    } catch (SpecException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  private static Plan plan(String yaml) throws InterruptedException {
    return new Planner(2, s -> {}).plan(bind(yaml), Set.of());
  }

  private static IntegrationPrices prices() {
    return bind(HEAD + "  - {name: w, traffic: {poisson: {ratePerSecond: 1}}, request: {duration: 10ms}}\n").priceBook().integration().orElseThrow();
  }

  @Test
  void frontDoorsMatchTheListPricesOnAKnownRequestCount() {
    // 10 M requests a month: HTTP API 10 × $1.00 = $10.00; REST API 10 × $3.50 = $35.00;
    // one ALB 730 h × $0.0225 = $16.425 plus 10 M / (25 × 3600) LCU-h × $0.008 = $0.8889.
    IntegrationPrices p = prices();
    assertThat(FrontDoor.gatewayUsd(10e6, p, "http-api")).isCloseTo(10.00, within(1e-9));
    assertThat(FrontDoor.gatewayUsd(10e6, p, "rest-api")).isCloseTo(35.00, within(1e-9));
    assertThat(FrontDoor.albHourlyUsd(p)).isCloseTo(16.425, within(1e-9));
    assertThat(FrontDoor.albLcuUsd(10e6, p)).isCloseTo(10e6 / 90_000 * 0.008, within(1e-9));
    assertThat(FrontDoor.albLcuUsd(10e6, p)).isCloseTo(0.8889, within(1e-4));
  }

  @Test
  void aPublicWorkloadPaysItsGatewayOnFaasAndItsLoadBalancerOnAVm() throws InterruptedException {
    // The recommendation's costs carry the front door: faas + HTTP API per request, vm + one ALB.
    Plan plan = plan(HEAD + """
          - name: api
            traffic: {poisson: {ratePerSecond: 2}}
            request: {duration: 50ms, memory: 256Mi}
            requirements: {exposure: public-http}
            candidates: [vm, faas]
        """);
    WorkloadPlan w = plan.workloads().get(0);
    double perMonth = w.results().get(0).figures().orElseThrow().requests() * 730.0;
    var cards = w.assessment().scorecards();
    var faas = cards.stream().filter(c -> c.model().equals("faas")).findFirst().orElseThrow().criteria();
    var vm = cards.stream().filter(c -> c.model().equals("vm")).findFirst().orElseThrow().criteria();
    assertThat(perMonth).isBetween(2 * 3600 * 730 * 0.95, 2 * 3600 * 730 * 1.05);
    assertThat(faas.frontDoorUsdPerMonth()).isCloseTo(perMonth / 1e6 * 1.00, within(1e-6));
    assertThat(vm.frontDoorUsdPerMonth()).isCloseTo(16.425 + perMonth / 90_000 * 0.008, within(1e-6));
    assertThat(faas.tcoUsdPerMonth()).isCloseTo(faas.infraUsdPerMonth() + faas.opsUsdPerMonth() + faas.frontDoorUsdPerMonth(), within(1e-9));
    assertThat(w.recommendation().rationale()).anySatisfy(s -> assertThat(s).contains("front door"));
  }

  @Test
  void oneGatewayInFrontOfThreeSmallServicesBeatsALoadBalancerEach() throws InterruptedException {
    // Three public services that only a VM may host, 0.5 req/s each (~1.3 M requests a month):
    // a load balancer each costs 3 × ($16.425 + LCUs); one HTTP API for all (~$1.31 each) and one shared ALB behind it
    // cost about $20.4 — the combination beats each workload on its own.
    StringBuilder yaml = new StringBuilder(HEAD);
    for (String n : new String[] {"a", "b", "c"}) {
      yaml.append("  - {name: ").append(n).append(", traffic: {poisson: {ratePerSecond: 0.5}}, request: {duration: 20ms},"
          + " requirements: {exposure: public-http}, candidates: [vm]}\n");
    }
    Plan plan = plan(yaml.toString());
    Patterns p = PortfolioPatterns.of(plan);
    double[] req = plan.workloads().stream().mapToDouble(w -> w.results().get(0).figures().orElseThrow().requests() * 730.0).toArray();
    double all = req[0] + req[1] + req[2];
    PortfolioOption own = p.option("each-on-its-best").orElseThrow();
    PortfolioOption gateway = p.option("api-gateway").orElseThrow();
    assertThat(own.frontDoorUsdPerMonth()).isCloseTo(3 * 16.425 + all / 90_000 * 0.008, within(1e-6));
    assertThat(gateway.frontDoorUsdPerMonth()).isCloseTo(all / 1e6 * 1.00 + 16.425 + all / 90_000 * 0.008, within(1e-6));
    assertThat(gateway.computeUsdPerMonth()).isCloseTo(own.computeUsdPerMonth(), within(1e-9));
    assertThat(gateway.totalUsdPerMonth()).isLessThan(own.totalUsdPerMonth() - 25);
    assertThat(p.cheapest()).contains("api-gateway");
    assertThat(p.best()).contains("api-gateway");
  }

  @Test
  void theEventMeshAddsOneDollarPerMillionEventsAndDataPlaneSeparationPutsStateOnVms() throws InterruptedException {
    Plan plan = plan(HEAD + """
          - name: uploads
            traffic: {poisson: {ratePerSecond: 1}}
            request: {duration: 100ms, memory: 256Mi}
            requirements: {exposure: events}
            candidates: [vm, faas]
          - name: db
            traffic: {poisson: {ratePerSecond: 5}}
            request: {duration: 20ms}
            requirements: {state: stateful}
            candidates: [vm, container]
        """);
    Patterns p = PortfolioPatterns.of(plan);
    double events = plan.workloads().get(0).results().get(0).figures().orElseThrow().requests() * 730.0;
    PortfolioOption mesh = p.option("event-mesh").orElseThrow();
    PortfolioOption own = p.option("each-on-its-best").orElseThrow();
    assertThat(mesh.eventBusUsdPerMonth()).isCloseTo(events / 1e6 * 1.00, within(1e-9));
    assertThat(mesh.totalUsdPerMonth()).isCloseTo(own.totalUsdPerMonth() + mesh.eventBusUsdPerMonth(), within(1e-9));
    PortfolioOption split = p.option("data-plane-separation").orElseThrow();
    assertThat(split.placements()).containsEntry("db", "vm").containsEntry("uploads", "faas");
  }

  @Test
  void vmAsPlatformCountsTheClusterOnceWhateverShareEachWorkloadWasCharged() throws InterruptedException {
    // Two container-feasible workloads each carry half the EKS fee ($0.10/h × 730 h / 2) and half the cluster's 8 h of
    // operations at $75/h. With both on the cluster the halves add up to the whole: the option's compute total is the sum of
    // their container TCOs.
    Plan plan = plan(HEAD + """
          - {name: big, traffic: {poisson: {ratePerSecond: 200}}, request: {duration: 20ms, cpu: 250m, memory: 256Mi}, candidates: [vm, container]}
          - {name: tiny, traffic: {poisson: {ratePerSecond: 0.2}}, request: {duration: 20ms, cpu: 250m, memory: 256Mi}, candidates: [vm, container]}
        """);
    Patterns p = PortfolioPatterns.of(plan);
    double containers = 0;
    for (WorkloadPlan w : plan.workloads()) {
      var c = w.assessment().scorecards().stream().filter(s -> s.model().equals("container")).findFirst().orElseThrow().criteria();
      containers += c.infraUsdPerMonth() + c.opsUsdPerMonth();
    }
    PortfolioOption platform = p.option("vm-as-platform").orElseThrow();
    assertThat(platform.placements()).containsEntry("big", "container").containsEntry("tiny", "container");
    assertThat(platform.computeUsdPerMonth()).isCloseTo(containers, within(1e-6));
    PortfolioOption own = p.option("each-on-its-best").orElseThrow();
    // each on its best: both on a VM here, so no cluster is paid at all — the option is the sum of the two VM TCOs
    assertThat(own.placements().values()).containsOnly("vm");
    double vms = 0;
    for (WorkloadPlan w : plan.workloads()) {
      var c = w.assessment().scorecards().stream().filter(s -> s.model().equals("vm")).findFirst().orElseThrow().criteria();
      vms += c.infraUsdPerMonth() + c.opsUsdPerMonth();
    }
    assertThat(own.computeUsdPerMonth()).isCloseTo(vms, within(1e-6));
  }

  @Test
  void thePatternsSettingIsBoundWithDidYouMean() {
    String bad = """
        apiVersion: polyvirt/v1
        kind: Portfolio
        name: p
        planner:
          patterns: {gatewy: rest-api}
        workloads:
          - {name: w, traffic: {poisson: {ratePerSecond: 1}}, request: {duration: 10ms}, requirements: {exposure: public-htp}}
        """;
    SpecException e = catchThrowableOfType(SpecException.class, () -> BoundPortfolio.parse("p.yaml", bad, Path.of(".")));
    assertThat(e.problems()).anySatisfy(pr -> {
      assertThat(pr.message()).contains("unknown key 'gatewy'");
      assertThat(pr.hint()).contains("did you mean 'gateway'?");
      assertThat(pr.where().line()).isEqualTo(5);
    });
    assertThat(e.problems()).anySatisfy(pr -> {
      assertThat(pr.message()).contains("'exposure' must be one of");
      assertThat(pr.hint()).contains("did you mean 'public-http'?");
      assertThat(pr.where().line()).isEqualTo(7);
    });
    assertThat(bind(bad.replace("gatewy", "gateway").replace("public-htp", "public-http")).planner().patterns().gateway()).isEqualTo("rest-api");
  }
}
