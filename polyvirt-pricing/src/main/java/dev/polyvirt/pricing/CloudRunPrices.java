package dev.polyvirt.pricing;

import static dev.polyvirt.pricing.PriceFields.count;
import static dev.polyvirt.pricing.PriceFields.duration;
import static dev.polyvirt.pricing.PriceFields.price;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.spec.Fields;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What Cloud Run services charge (the {@code cloudRun:} section of a price book;
 * cloud.google.com/run/pricing): request-based billing prices vCPU-seconds and GiB-seconds only
 * while an instance starts or handles at least one request, plus a price per million requests,
 * with a monthly free tier; instance-based billing prices an instance's whole life at lower rates
 * and no request fee. Billable time is rounded up to the granularity (100 ms).
 */
public record CloudRunPrices(long billingGranularityNanos, Rates requestBased, BigDecimal requestsPerMillion, Rates instanceBased,
    long freeRequests, long freeVcpuSeconds, long freeGibSeconds) {

  /** How instance time is billed. */
  public enum Billing {
    /** Only while an instance starts or handles a request; a fee per request; the free tier applies. */
    REQUEST,
    /** For an instance's whole life; no request fee. */
    INSTANCE
  }

  /** The price of one second of one vCPU and of one GiB. */
  public record Rates(BigDecimal perVcpuSecond, BigDecimal perGibSecond) {
    public Rates {
      Objects.requireNonNull(perVcpuSecond, "perVcpuSecond");
      Objects.requireNonNull(perGibSecond, "perGibSecond");
    }
  }

  public CloudRunPrices {
    Objects.requireNonNull(requestBased, "requestBased");
    Objects.requireNonNull(requestsPerMillion, "requestsPerMillion");
    Objects.requireNonNull(instanceBased, "instanceBased");
  }

  /** Returns the rates of {@code billing}. */
  public Rates rates(Billing billing) {
    return billing == Billing.REQUEST ? requestBased : instanceBased;
  }

  /** Reads the section; problems go to the section's collector. */
  static CloudRunPrices read(Fields f) {
    long granularity = duration(f, "billingGranularity", SimTime.NANOS_PER_MILLI, false, "Cloud Run rounds up to 100ms");
    Rates request = null;
    BigDecimal perMillion = BigDecimal.ZERO;
    var r = PriceFields.section(f, "requestBased", "cloudRun requestBased", "give perVcpuSecond:, perGibSecond: and requestsPerMillion:");
    if (r.isPresent()) {
      request = rates(r.get());
      perMillion = price(r.get(), "requestsPerMillion", "USD per 1M requests, e.g. 0.40");
      r.get().done();
    }
    Rates instance = PriceFields.section(f, "instanceBased", "cloudRun instanceBased", "give perVcpuSecond: and perGibSecond:")
        .map(i -> {
          Rates rates = rates(i);
          i.done();
          return rates;
        }).orElse(null);
    long freeRequests = 0;
    long freeVcpu = 0;
    long freeGib = 0;
    var free = PriceFields.section(f, "freeTier", "cloudRun freeTier", "give requests:, vcpuSeconds: and gibSeconds: per month");
    if (free.isPresent()) {
      freeRequests = count(free.get(), "requests", 0, Long.MAX_VALUE, "free requests per month, e.g. 2_000_000");
      freeVcpu = count(free.get(), "vcpuSeconds", 0, Long.MAX_VALUE, "free vCPU-seconds per month, e.g. 180_000");
      freeGib = count(free.get(), "gibSeconds", 0, Long.MAX_VALUE, "free GiB-seconds per month, e.g. 360_000");
      free.get().done();
    }
    f.done();
    return f.problems().isEmpty() ? new CloudRunPrices(granularity, request, perMillion, instance, freeRequests, freeVcpu, freeGib)
        : null;
  }

  private static Rates rates(Fields f) {
    return new Rates(price(f, "perVcpuSecond", "USD per vCPU-second, e.g. 0.000024"),
        price(f, "perGibSecond", "USD per GiB-second, e.g. 0.0000025"));
  }
}
