package dev.polyvirt.pricing;

/**
 * A provider's FaaS offer as a price book prices it (AWS Lambda, Azure Functions Consumption,
 * Cloud Run functions): its limits, its billing rules and a meter that applies them. The offers
 * a book may hold are registered in {@link FunctionOffers}.
 */
public interface FunctionOffer {
  /** Returns the offer's product name, e.g. {@code AWS Lambda}. */
  String product();

  /** Returns what one function may use. */
  FunctionLimits limits();

  /** Returns true if the start-up (INIT) time of a new instance is billed as duration. */
  boolean billsInit();

  /** Returns true if the offer prices pre-warmed instances (provisioned concurrency); most offers do not. */
  default boolean pricesProvisioned() {
    return false;
  }

  /** Returns true if functions may be deployed as container images; most offers deploy source. */
  default boolean runsContainerImages() {
    return false;
  }

  /** Returns the vCPUs a function of {@code memoryMb} runs on, which decide how fast CPU-bound work runs. */
  double vcpus(int memoryMb);

  /**
   * Returns the memory size a function gets when its spec gives none, for a request needing
   * {@code cpuMillis} and {@code memoryMiB}; empty keeps the {@code faas} model's own default
   * (Lambda's: enough memory for the request's memory and its CPU at 1,769 MB per vCPU).
   */
  java.util.OptionalInt defaultMemoryMb(int cpuMillis, long memoryMiB);

  /** Returns true if the book prices functions on {@code architecture}. */
  boolean offers(Architecture architecture);

  /** Creates an empty meter for one function of {@code memoryMb} on {@code architecture}. */
  FunctionMeter meter(Architecture architecture, int memoryMb);

  /** Describes the billing rules in one line, for notes, e.g. {@code per 1 ms, 128 MB steps, 100 ms minimum}. */
  String billingRule();
}
