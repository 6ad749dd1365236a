package dev.polyvirt.pricing;

import static dev.polyvirt.pricing.PriceFields.count;
import static dev.polyvirt.pricing.PriceFields.duration;
import static dev.polyvirt.pricing.PriceFields.price;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.spec.Fields;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What Azure Functions on the Consumption plan charges (the {@code azureFunctions:} section of a
 * price book): one price per GB-s of observed memory × execution time, one per million
 * executions, memory rounded up to a step (128 MB) and capped by the limits (1,536 MB), execution
 * time rounded up to a granularity (1 ms) with a minimum (100 ms), and a monthly free grant.
 * Sources: azure.microsoft.com/pricing/details/functions and learn.microsoft.com "Estimating
 * Consumption plan costs". Linux x86-64 only: the plan has no Arm workers and no pre-warmed
 * instances (those are the Premium and Flex Consumption plans).
 */
public record AzureFunctionsPrices(BigDecimal perGbSecond, BigDecimal executionsPerMillion, long billingGranularityNanos,
    long minimumBilledNanos, int memoryStepMb, boolean billInitPhase, long freeExecutions, long freeGbSeconds,
    FunctionLimits limits) implements FunctionOffer {
  public AzureFunctionsPrices {
    Objects.requireNonNull(perGbSecond, "perGbSecond");
    Objects.requireNonNull(executionsPerMillion, "executionsPerMillion");
    Objects.requireNonNull(limits, "limits");
  }

  /** Reads the section; problems go to the section's collector. */
  static AzureFunctionsPrices read(Fields f) {
    var gbs = price(f, "perGbSecond", "USD per GB-s of execution time, e.g. 0.000016");
    var perMillion = price(f, "executionsPerMillion", "USD per 1M executions, e.g. 0.20");
    long granularity = duration(f, "billingGranularity", SimTime.NANOS_PER_MILLI, false, "Azure rounds execution time up to 1ms");
    long minimum = duration(f, "minimumBilled", SimTime.NANOS_PER_MILLI, true, "Azure bills at least 100ms per execution");
    int step = (int) count(f, "memoryStepMb", 1, 1 << 20, "observed memory is rounded up to 128 MB steps");
    boolean init = PriceFields.flag(f, "billInitPhase", "true if an instance's start-up is billed as execution time");
    long freeExecutions = 0;
    long freeGbSeconds = 0;
    var free = PriceFields.section(f, "freeTier", "azureFunctions freeTier", "give executions: and gbSeconds: per month");
    if (free.isPresent()) {
      freeExecutions = count(free.get(), "executions", 0, Long.MAX_VALUE, "free executions per month, e.g. 1_000_000");
      freeGbSeconds = count(free.get(), "gbSeconds", 0, Long.MAX_VALUE, "free GB-s per month, e.g. 400_000");
      free.get().done();
    }
    FunctionLimits limits = PriceFields.section(f, "limits", "azureFunctions limits", "give the function limits")
        .map(FunctionLimits::read).orElse(null);
    f.done();
    return f.problems().isEmpty() ? new AzureFunctionsPrices(gbs, perMillion, granularity, minimum, step, init,
        freeExecutions, freeGbSeconds, limits) : null;
  }

  /** Returns the memory billed for a function using {@code memoryMb}: rounded up to the step. */
  public int billedMemoryMb(int memoryMb) {
    return (memoryMb + memoryStepMb - 1) / memoryStepMb * memoryStepMb;
  }

  @Override
  public String product() {
    return "Azure Functions Consumption";
  }

  @Override
  public boolean billsInit() {
    return billInitPhase;
  }

  /** Returns 1: a Consumption instance has one vCPU whatever its memory (learn.microsoft.com "Azure Functions hosting options"). */
  @Override
  public double vcpus(int memoryMb) {
    return 1;
  }

  /** Returns the request's memory (at least the minimum): Azure bills the memory used, and more memory buys no CPU. */
  @Override
  public java.util.OptionalInt defaultMemoryMb(int cpuMillis, long memoryMiB) {
    return java.util.OptionalInt.of((int) Math.max(limits.memoryMinMb(), Math.min(Integer.MAX_VALUE, memoryMiB)));
  }

  @Override
  public boolean offers(Architecture architecture) {
    return architecture == Architecture.X86_64;
  }

  @Override
  public FunctionMeter meter(Architecture architecture, int memoryMb) {
    if (!offers(architecture)) throw new IllegalArgumentException(product() + " runs x86_64 only, not " + architecture);
    return new AzureFunctionsMeter(this, memoryMb);
  }

  @Override
  public String billingRule() {
    return "memory in " + memoryStepMb + " MB steps, per " + SimTime.format(billingGranularityNanos) + " with a "
        + SimTime.format(minimumBilledNanos) + " minimum" + (billInitPhase ? ", start-up billed" : "");
  }
}
