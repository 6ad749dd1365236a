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

  /** Returns true if the offer prices pre-warmed instances (provisioned concurrency). */
  boolean pricesProvisioned();

  /** Returns true if functions may be deployed as container images. */
  boolean runsContainerImages();

  /** Returns the vCPUs a function of {@code memoryMb} runs on, which decide how fast CPU-bound work runs. */
  double vcpus(int memoryMb);

  /** Returns true if the book prices functions on {@code architecture}. */
  boolean offers(Architecture architecture);

  /** Creates an empty meter for one function of {@code memoryMb} on {@code architecture}. */
  FunctionMeter meter(Architecture architecture, int memoryMb);

  /** Describes the billing rules in one line, for notes, e.g. {@code per 1 ms, 128 MB steps, 100 ms minimum}. */
  String billingRule();
}
