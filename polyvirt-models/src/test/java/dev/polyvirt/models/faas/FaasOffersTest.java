package dev.polyvirt.models.faas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.models.RunContext;
import dev.polyvirt.models.Runs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The faas settings fitted to each book's FaaS offer: default memory size, CPU share, longest run. */
class FaasOffersTest {
  private static RunContext context(String book, String faas) {
    return Runs.context(Runs.spec("1h", """
        runtime: node
        traffic: {poisson: {ratePerSecond: 1}}
        request: {duration: 100ms, cpu: 500m, memory: 160Mi}
        candidates: [faas]
        models:
          faas: %s
        """.formatted(faas)).replace("horizon: 1h\n", "horizon: 1h\npriceBook: " + book + "\n"));
  }

  @ParameterizedTest(name = "{0}: default {1} MB, {2} vCPU, timeout {3}")
  @CsvSource({
      // Lambda: memory for 0.5 vCPU at 1,769 MB/vCPU = 885 MB; 900 s
      "aws-us-east-1,   885,  0.5003,  900s",
      // Azure bills the memory used (the request's 160 MB) and gives one vCPU; 10 min at most
      "azure-eastus,    160,  1,       10m",
      // Cloud Run functions: the smallest tier with 0.5 vCPU is 1 GiB (0.583 vCPU); 60 min
      "gcp-us-central1, 1024, 0.583,   60m"})
  void defaultsFollowTheOffer(String book, int memoryMb, double vcpus, String timeout) {
    RunContext ctx = context(book, "{}");
    FaasSettings fitted = FaasOffers.onBook(ctx, Runs.settings(new FaasModel(), ctx));
    assertThat(fitted.memorySizeMb()).isEqualTo(memoryMb);
    assertThat(ctx.priceBook().functionOffer().orElseThrow().vcpus(memoryMb)).isCloseTo(vcpus, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(fitted.timeoutNanos()).isEqualTo(dev.polyvirt.spec.Units.duration(timeout));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"aws-us-east-1", "azure-eastus", "gcp-us-central1"})
  void givenMemoryAndTimeoutAreKeptWithinTheOffer(String book) {
    // A written memorySize is never replaced; a written timeout within the offer's longest run is kept.
    RunContext ctx = context(book, "{memorySize: 512, timeout: 30s}");
    FaasSettings fitted = FaasOffers.onBook(ctx, Runs.settings(new FaasModel(), ctx));
    assertThat(fitted.memorySizeMb()).isEqualTo(512);
    assertThat(fitted.timeoutNanos()).isEqualTo(30 * SimTime.NANOS_PER_SECOND);
  }
}
