package dev.polyvirt.pricing;

import static dev.polyvirt.pricing.PriceFields.count;
import static dev.polyvirt.pricing.PriceFields.duration;
import static dev.polyvirt.pricing.PriceFields.price;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.spec.Fields;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What Cloud Run functions charges (the {@code cloudRunFunctions:} section of a price book): a
 * function is billed as a Cloud Run service with request-based billing — vCPU-seconds and
 * GiB-seconds while it starts and while it handles a request, rounded up to 100 ms, plus a price
 * per million requests, with a monthly free tier (cloud.google.com/run/pricing). Its vCPUs
 * follow its memory by the tier table of "Configure memory and vCPU limits"
 * (cloud.google.com/functions/docs/configuring/memory): a size between two tiers gets the vCPUs of
 * the next tier up.
 */
public record CloudRunFunctionsPrices(BigDecimal perVcpuSecond, BigDecimal perGibSecond, BigDecimal requestsPerMillion,
    long billingGranularityNanos, boolean billInitPhase, long freeRequests, long freeVcpuSeconds, long freeGibSeconds,
    NavigableMap<Integer, BigDecimal> vcpusByMemoryMb, FunctionLimits limits) implements FunctionOffer {
  public CloudRunFunctionsPrices {
    Objects.requireNonNull(perVcpuSecond, "perVcpuSecond");
    Objects.requireNonNull(perGibSecond, "perGibSecond");
    Objects.requireNonNull(requestsPerMillion, "requestsPerMillion");
    vcpusByMemoryMb = Collections.unmodifiableNavigableMap(new TreeMap<>(vcpusByMemoryMb));
    Objects.requireNonNull(limits, "limits");
  }

  /** Reads the section; problems go to the section's collector. */
  static CloudRunFunctionsPrices read(Fields f) {
    var cpu = price(f, "perVcpuSecond", "USD per vCPU-second, e.g. 0.000024");
    var memory = price(f, "perGibSecond", "USD per GiB-second, e.g. 0.0000025");
    var perMillion = price(f, "requestsPerMillion", "USD per 1M requests, e.g. 0.40");
    long granularity = duration(f, "billingGranularity", SimTime.NANOS_PER_MILLI, false, "Cloud Run rounds up to 100ms");
    boolean init = PriceFields.flag(f, "billInitPhase", "true if instance start-up is billed (Cloud Run: yes)");
    long freeRequests = 0;
    long freeVcpu = 0;
    long freeGib = 0;
    var free = PriceFields.section(f, "freeTier", "cloudRunFunctions freeTier", "give requests:, vcpuSeconds: and gibSeconds: per month");
    if (free.isPresent()) {
      freeRequests = count(free.get(), "requests", 0, Long.MAX_VALUE, "free requests per month, e.g. 2_000_000");
      freeVcpu = count(free.get(), "vcpuSeconds", 0, Long.MAX_VALUE, "free vCPU-seconds per month, e.g. 180_000");
      freeGib = count(free.get(), "gibSeconds", 0, Long.MAX_VALUE, "free GiB-seconds per month, e.g. 360_000");
      free.get().done();
    }
    TreeMap<Integer, BigDecimal> tiers = new TreeMap<>();
    PriceFields.section(f, "vcpusByMemoryMb", "cloudRunFunctions vcpusByMemoryMb", "map memory (MB) to vCPUs, e.g. 128: 0.083")
        .ifPresent(t -> {
          for (String key : t.keys()) {
            try {
              int mb = Integer.parseInt(key);
              if (mb <= 0) throw new NumberFormatException();
              tiers.put(mb, price(t, key, "vCPUs of this memory tier, e.g. 0.583"));
            } catch (NumberFormatException e) {
              f.problems().add(t.keyMark(key), "memory tier '" + key + "' must be a whole number of MB", "write e.g. 1024: 0.583");
            }
          }
          t.done();
        });
    FunctionLimits limits = PriceFields.section(f, "limits", "cloudRunFunctions limits", "give the function limits")
        .map(FunctionLimits::read).orElse(null);
    if (limits != null && !tiers.isEmpty() && tiers.lastKey() < limits.memoryMaxMb()) {
      f.problems().add(f.keyMark("vcpusByMemoryMb"), "the largest memory tier is below limits.memoryMaxMb " + limits.memoryMaxMb(),
          "add a tier for the largest memory size");
    }
    f.done();
    return f.problems().isEmpty() ? new CloudRunFunctionsPrices(cpu, memory, perMillion, granularity, init, freeRequests,
        freeVcpu, freeGib, tiers, limits) : null;
  }

  @Override
  public double vcpus(int memoryMb) {
    return tierVcpus(memoryMb).doubleValue();
  }

  /** Returns the vCPUs of a function of {@code memoryMb}: those of the smallest tier holding it. */
  public BigDecimal tierVcpus(int memoryMb) {
    return vcpusByMemoryMb.ceilingEntry(memoryMb).getValue();
  }

  @Override
  public String product() {
    return "Cloud Run functions";
  }

  @Override
  public boolean billsInit() {
    return billInitPhase;
  }

  /** Returns the smallest tier whose vCPUs cover the request's CPU (else the largest), or the request's memory if larger. */
  @Override
  public java.util.OptionalInt defaultMemoryMb(int cpuMillis, long memoryMiB) {
    BigDecimal need = BigDecimal.valueOf(cpuMillis).movePointLeft(3);
    int forCpu = vcpusByMemoryMb.entrySet().stream().filter(e -> e.getValue().compareTo(need) >= 0).map(java.util.Map.Entry::getKey)
        .findFirst().orElse(vcpusByMemoryMb.lastKey());
    return java.util.OptionalInt.of((int) Math.max(Math.max(limits.memoryMinMb(), forCpu), Math.min(Integer.MAX_VALUE, memoryMiB)));
  }

  @Override
  public boolean offers(Architecture architecture) {
    return architecture == Architecture.X86_64;
  }

  @Override
  public FunctionMeter meter(Architecture architecture, int memoryMb) {
    if (!offers(architecture)) throw new IllegalArgumentException(product() + " runs x86_64 only, not " + architecture);
    return new CloudRunFunctionsMeter(this, memoryMb);
  }

  @Override
  public String billingRule() {
    return "vCPU-s + GiB-s per " + SimTime.format(billingGranularityNanos) + (billInitPhase ? ", start-up billed" : "");
  }
}
