package dev.polyvirt.pricing;

/**
 * What a FaaS offer allows one function: its memory range and step (MB), longest run, the memory
 * that buys one full vCPU and the default account (or app) concurrency.
 */
public record FunctionLimits(int memoryMinMb, int memoryMaxMb, int memoryStepMb, long maxTimeoutNanos, int mbPerVcpu,
    int accountConcurrency) {
  /** Returns true when {@code memoryMb} is a setting the offer accepts. */
  public boolean allowsMemory(int memoryMb) {
    return memoryMb >= memoryMinMb && memoryMb <= memoryMaxMb && (memoryMb - memoryMinMb) % memoryStepMb == 0;
  }

  /** Returns the vCPU share a function of {@code memoryMb} gets (1.0 at {@code mbPerVcpu}). */
  public double vcpus(int memoryMb) {
    return memoryMb / (double) mbPerVcpu;
  }

  /** Reads a {@code limits:} section of a function offer; problems go to the section's collector. */
  static FunctionLimits read(dev.polyvirt.spec.Fields f) {
    int min = (int) PriceFields.count(f, "memoryMinMb", 1, 1 << 20, "smallest memory setting in MB, e.g. 128");
    int max = (int) PriceFields.count(f, "memoryMaxMb", min, 1 << 20, "largest memory setting in MB, e.g. 10240");
    int step = (int) PriceFields.count(f, "memoryStepMb", 1, 1 << 20, "memory increment in MB, e.g. 1");
    long timeout = PriceFields.duration(f, "maxTimeout", dev.polyvirt.engine.SimTime.NANOS_PER_MILLI, false, "longest run, e.g. 900s");
    int mbPerVcpu = (int) PriceFields.count(f, "mbPerVcpu", 1, 1 << 20, "memory in MB that buys one full vCPU, e.g. 1769");
    int concurrency = (int) PriceFields.count(f, "accountConcurrency", 1, Integer.MAX_VALUE, "default concurrent executions, e.g. 1000");
    f.done();
    return new FunctionLimits(min, max, step, timeout, mbPerVcpu, concurrency);
  }
}
