package dev.polyvirt.models.faas;

import dev.polyvirt.models.RunContext;
import dev.polyvirt.pricing.Architecture;
import dev.polyvirt.pricing.FunctionLimits;
import dev.polyvirt.pricing.FunctionMeter;
import dev.polyvirt.pricing.FunctionOffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fits the {@code faas} model to the price book's FaaS offer ({@link dev.polyvirt.pricing.FunctionOffers}):
 * what the offer refuses (memory outside its limits — e.g. above Azure Consumption's 1,536 MB
 * instance —, pre-warmed instances it does not price, an architecture it does not run, container
 * images where it deploys source), the cold starts of its provider ({@link ColdStarts}), its
 * longest run, and the meter that bills it.
 */
final class FaasOffers {
  private FaasOffers() {}

  /** Returns the book's FaaS offer, if it prices one. */
  static Optional<FunctionOffer> offer(RunContext ctx) {
    return ctx.priceBook().functionOffer();
  }

  /** Lists why {@code s} cannot run on the book's offer (empty if it can); the book having no offer is one reason. */
  static List<String> infeasibleReasons(RunContext ctx, FaasSettings s) {
    List<String> reasons = new ArrayList<>();
    Optional<FunctionOffer> found = offer(ctx);
    String book = ctx.priceBook().label();
    if (found.isEmpty()) {
      reasons.add("price book " + book + " prices no FaaS offer");
      return reasons;
    }
    FunctionOffer offer = found.get();
    FunctionLimits limits = offer.limits();
    FaasSettings fitted = onBook(ctx, s);
    List<Integer> sizes = fitted.powerTuning().enabled() ? fitted.powerTuning().memorySizesMb() : List.of(fitted.memorySizeMb());
    for (int mb : sizes) {
      if (mb > limits.memoryMaxMb()) {
        reasons.add("memorySize " + mb + " MB is above the " + limits.memoryMaxMb() + " MB " + offer.product()
            + " allows (price book " + book + ")");
      } else if (!limits.allowsMemory(mb)) {
        reasons.add("memorySize " + mb + " MB is outside " + limits.memoryMinMb() + "-" + limits.memoryMaxMb() + " MB");
      }
    }
    if (s.provisionedConcurrency() > 0 && !offer.pricesProvisioned()) {
      reasons.add("provisionedConcurrency " + s.provisionedConcurrency() + ": " + offer.product()
          + " has no pre-warmed instances priced in " + book);
    }
    Architecture arch = Architecture.named(s.architecture()).orElseThrow();
    if (!offer.offers(arch)) reasons.add(offer.product() + " in " + book + " runs no " + arch + " functions");
    if (ctx.workload().runtime().equals("container-image") && !offer.runsContainerImages()) {
      reasons.add("runtime container-image: " + offer.product() + " deploys source code, not container images "
          + "(run the image as a serverless-container instead)");
    }
    return reasons;
  }

  /**
   * Returns {@code s} on the book's offer: a default memory size becomes the offer's default
   * ({@link FunctionOffer#defaultMemoryMb}; Lambda keeps the model's), a runtime-default cold start takes the provider's
   * figure, and the timeout is the offer's longest run when it is the default (900 s, Lambda's
   * longest, stands for "never cut a request short") or longer than the offer allows. On AWS
   * Lambda both are 900 s, so AWS runs are unchanged.
   */
  static FaasSettings onBook(RunContext ctx, FaasSettings s) {
    FunctionOffer offer = offer(ctx).orElseThrow();
    FaasSettings sized = s;
    if (s.memoryDefaulted() && !s.powerTuning().enabled()) {
      var request = ctx.workload().request();
      var mb = offer.defaultMemoryMb(request.cpuMillis(), request.memoryMiB());
      if (mb.isPresent() && mb.getAsInt() != s.memorySizeMb()) {
        sized = s.atMemory(mb.getAsInt(), ColdStarts.atMemory(s.coldStart(), mb.getAsInt()));
      }
    }
    FaasSettings fitted = sized.withColdStart(ColdStarts.onProvider(sized.coldStart(), ctx.priceBook().provider()));
    long max = offer.limits().maxTimeoutNanos();
    return s.timeoutNanos() > max || s.timeoutNanos() == FaasModel.MAX_TIMEOUT ? fitted.withTimeout(max) : fitted;
  }

  /**
   * Returns how much longer a request runs on {@code s}'s function than its {@code request.duration}:
   * {@code (1 − f) + f × max(1, c / v)} as {@link FaasModel#cpuSlowdown}, with v the vCPUs the
   * book's offer gives the function's memory — Lambda: memory / 1,769 MB, at most 6 (the same
   * figure as before offers existed); Azure Consumption: 1 whatever the memory; Cloud Run
   * functions: the vCPUs of the memory tier.
   */
  static double cpuSlowdown(RunContext ctx, FaasSettings s) {
    double cores = ctx.workload().request().cpuMillis() / 1000.0;
    double share = offer(ctx).orElseThrow().vcpus(s.memorySizeMb());
    return (1 - s.cpuBound()) + s.cpuBound() * Math.max(1.0, cores / share);
  }

  /** Creates an empty meter for {@code s}'s function on the book's offer. */
  static FunctionMeter meter(RunContext ctx, FaasSettings s) {
    return offer(ctx).orElseThrow().meter(Architecture.named(s.architecture()).orElseThrow(), s.memorySizeMb());
  }
}
