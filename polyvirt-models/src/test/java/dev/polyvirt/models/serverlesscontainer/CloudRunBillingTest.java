package dev.polyvirt.models.serverlesscontainer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.Runs;
import dev.polyvirt.pricing.CloudRunMeter;
import dev.polyvirt.pricing.CloudRunPrices;
import dev.polyvirt.pricing.PriceBooks;
import dev.polyvirt.spec.SpecException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Cloud Run billing of instance lives (cloud.google.com/run/pricing): which stretches are billable, and the offer per book. */
class CloudRunBillingTest {
  private static final long MS = SimTime.NANOS_PER_MILLI;

  private static CloudRunBilling billing(CloudRunPrices.Billing mode, long horizon) {
    try {
      CloudRunPrices prices = PriceBooks.load("gcp-us-central1", Path.of(".")).cloudRunPrices().orElseThrow();
      return new CloudRunBilling(new CloudRunMeter(prices, mode, 1000, 512), mode, horizon);
    } catch (SpecException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void requestBasedBillsStartUpAndBusyStretchesEachRoundedUp() {
    // start-up 0–250 ms (300), busy 1,000–1,050 (100) and 2,000–2,140 with a request taken at the instant another left (200).
    CloudRunBilling b = billing(CloudRunPrices.Billing.REQUEST, SimTime.NANOS_PER_HOUR);
    b.started(0, 0);
    b.idle(0, 250 * MS);
    b.busy(0, 1000 * MS);
    b.idle(0, 1050 * MS);
    b.busy(0, 2000 * MS);
    b.idle(0, 2070 * MS);
    b.busy(0, 2070 * MS);
    b.idle(0, 2140 * MS);
    b.stopped(0, 0, 60_000 * MS);
    assertThat(b.millicoreSeconds()).isEqualTo(600); // 0.6 s × 1,000 millicores
  }

  @Test
  void instanceBasedBillsTheWholeLifeCutAtTheHorizon() {
    // Alive from 10 s to past the 30 s horizon: 20 s billed, whatever its requests did.
    CloudRunBilling b = billing(CloudRunPrices.Billing.INSTANCE, 30 * SimTime.NANOS_PER_SECOND);
    b.started(3, 10 * SimTime.NANOS_PER_SECOND);
    b.busy(3, 11 * SimTime.NANOS_PER_SECOND);
    b.idle(3, 12 * SimTime.NANOS_PER_SECOND);
    b.stopped(3, 10 * SimTime.NANOS_PER_SECOND, 45 * SimTime.NANOS_PER_SECOND);
    assertThat(b.millicoreSeconds()).isEqualTo(20_000);
    assertThat(b.mibSeconds()).isEqualTo(20 * 512);
  }

  @Test
  void bookWithoutAContainerOfferMakesTheModelInfeasible() {
    // azure-eastus prices neither Fargate nor Cloud Run, so serverless-container says so.
    String yaml = Runs.spec("1h", """
        runtime: container-image
        traffic: {poisson: {ratePerSecond: 1}}
        request: {duration: 100ms, cpu: 250m, memory: 128Mi}
        candidates: [serverless-container]
        """).replace("horizon: 1h\n", "horizon: 1h\npriceBook: azure-eastus\n");
    ModelResult r = Runs.run(new ServerlessContainerModel(), yaml);
    assertThat(r.feasible()).isFalse();
    assertThat(r.infeasibleReasons()).anyMatch(s -> s.contains("prices no serverless container offer"));
  }

  @Test
  void unknownBillingModeIsAProblem() {
    // billing takes request or instance.
    String yaml = Runs.spec("1h", """
        runtime: container-image
        traffic: {poisson: {ratePerSecond: 1}}
        request: {duration: 100ms, cpu: 250m, memory: 128Mi}
        candidates: [serverless-container]
        models:
          serverless-container: {billing: hourly}
        """);
    assertThat(Runs.bindProblems(new ServerlessContainerModel(), yaml)).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("billing"));
  }
}
