package dev.polyvirt.models.serverlesscontainer;

import dev.polyvirt.models.RunContext;
import dev.polyvirt.pricing.CloudRunMeter;
import dev.polyvirt.pricing.CloudRunPrices;
import dev.polyvirt.pricing.FargateMeter;
import dev.polyvirt.pricing.PriceBook;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The serverless-container offers a price book may price, in order of preference: the first the
 * book prices bills the {@code serverless-container} model (AWS Fargate on {@code aws-us-east-1},
 * Cloud Run on {@code gcp-us-central1}). To add one, write its {@link ContainerBilling} and add
 * one line to {@link #OFFERS}.
 */
final class ContainerBillings {
  /** One offer: whether a book prices it, why settings do not fit it, and its billing for a run. */
  interface Offer {
    /** Returns the offer's product name. */
    String product();

    /** Returns true if {@code book} prices the offer. */
    boolean pricedBy(PriceBook book);

    /** Lists why {@code s} cannot be billed by the offer of {@code ctx}'s book. */
    List<String> infeasibleReasons(RunContext ctx, ServerlessContainerSettings s);

    /** Creates the billing of one run with instances of {@code size}. */
    ContainerBilling create(RunContext ctx, ServerlessContainerSettings s, TaskSizes.TaskSize size);
  }

  /** The offers, one line each. */
  static final List<Offer> OFFERS = List.of(new Fargate(), new CloudRun());

  private ContainerBillings() {}

  /** Returns the offer that bills runs on {@code book}, if it prices any. */
  static Optional<Offer> of(PriceBook book) {
    return OFFERS.stream().filter(o -> o.pricedBy(book)).findFirst();
  }

  /** Lists why {@code s} cannot be billed on {@code ctx}'s book (no offer at all is a reason). */
  static List<String> infeasibleReasons(RunContext ctx, ServerlessContainerSettings s) {
    return of(ctx.priceBook()).map(o -> o.infeasibleReasons(ctx, s)).orElseGet(() -> List.of("price book "
        + ctx.priceBook().label() + " prices no serverless container offer (" + String.join(", ",
        OFFERS.stream().map(Offer::product).toList()) + ")"));
  }

  /** Creates the billing of one run on {@code ctx}'s book. */
  static ContainerBilling create(RunContext ctx, ServerlessContainerSettings s, TaskSizes.TaskSize size) {
    return of(ctx.priceBook()).orElseThrow().create(ctx, s, size);
  }

  /** AWS Fargate: every instance a task, billed for its whole life per second with a 1-minute minimum. */
  static final class Fargate implements Offer {
    @Override
    public String product() {
      return "AWS Fargate";
    }

    @Override
    public boolean pricedBy(PriceBook book) {
      return book.fargatePrices().isPresent();
    }

    @Override
    public List<String> infeasibleReasons(RunContext ctx, ServerlessContainerSettings s) {
      List<String> reasons = new ArrayList<>();
      if (!ctx.priceBook().fargate().rates().containsKey(s.architecture())) {
        reasons.add("price book " + ctx.priceBook().label() + " has no Fargate prices for " + s.architecture());
      }
      if (s.billing().filter(b -> b == CloudRunPrices.Billing.REQUEST).isPresent()) {
        reasons.add("billing: request is Cloud Run's; Fargate bills each task for its whole life (price book "
            + ctx.priceBook().label() + ")");
      }
      return reasons;
    }

    @Override
    public ContainerBilling create(RunContext ctx, ServerlessContainerSettings s, TaskSizes.TaskSize size) {
      return new FargateBilling(new FargateMeter(ctx.priceBook().fargate(), s.architecture()), size, ctx.horizonNanos());
    }
  }

  /** Cloud Run: request-based billing unless the settings ask for {@code billing: instance}. */
  static final class CloudRun implements Offer {
    @Override
    public String product() {
      return "Cloud Run";
    }

    @Override
    public boolean pricedBy(PriceBook book) {
      return book.cloudRunPrices().isPresent();
    }

    @Override
    public List<String> infeasibleReasons(RunContext ctx, ServerlessContainerSettings s) {
      return s.architecture() == dev.polyvirt.pricing.Architecture.X86_64 ? List.of()
          : List.of("Cloud Run runs x86_64 containers only (price book " + ctx.priceBook().label() + ")");
    }

    @Override
    public ContainerBilling create(RunContext ctx, ServerlessContainerSettings s, TaskSizes.TaskSize size) {
      CloudRunPrices.Billing mode = s.billing().orElse(CloudRunPrices.Billing.REQUEST);
      CloudRunMeter meter = new CloudRunMeter(ctx.priceBook().cloudRunPrices().orElseThrow(), mode, size.cpuMillis(), size.memoryMiB());
      return new CloudRunBilling(meter, mode, ctx.horizonNanos());
    }
  }
}
