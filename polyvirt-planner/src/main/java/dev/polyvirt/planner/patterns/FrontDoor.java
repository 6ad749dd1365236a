package dev.polyvirt.planner.patterns;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.pricing.IntegrationPrices;
import dev.polyvirt.pricing.PriceBook;
import dev.polyvirt.spec.Requirements;

/**
 * What a public workload pays to be reached from the internet (seed 002 §6.3, the API gateway
 * pattern): a function sits behind an API gateway billed per request; instances (vm, container,
 * microvm, serverless-container tasks) sit behind an Application Load Balancer billed per hour and
 * per Load Balancer Capacity Unit. Prices come from the book's {@code integration:} section; a
 * book without it prices no front door (0).
 *
 * <p>LCUs: an ALB bills each hour at the largest of four dimensions; with short connections (one
 * new connection per request, an upper bound when clients reuse connections) new connections
 * dominate, and 25 per second per LCU makes the month's LCU-hours exactly requests / 90,000 —
 * independent of how the requests spread over the hours (aws.amazon.com/elasticloadbalancing/pricing).
 * Processed bytes are not modelled (requests carry no size in the spec).
 */
public final class FrontDoor {
  private static final double HOURS_PER_MONTH = SimTime.NANOS_PER_BILLING_MONTH / (double) SimTime.NANOS_PER_HOUR;

  private FrontDoor() {}

  /** Returns {@code r}'s requests scaled to a 730-hour month. */
  public static double requestsPerMonth(ModelResult r, long horizonNanos) {
    return r.figures().map(f -> f.requests() * (SimTime.NANOS_PER_BILLING_MONTH / (double) horizonNanos)).orElse(0.0);
  }

  /** Returns the front door of a workload placed alone on {@code model}: 0 unless {@code exposure: public-http}. */
  public static double ownUsdPerMonth(String model, Requirements req, double requestsPerMonth, PriceBook book, PatternSettings s) {
    if (!req.exposure().equals("public-http") || book.integration().isEmpty()) return 0;
    IntegrationPrices p = book.integration().get();
    return model.equals("faas") ? gatewayUsd(requestsPerMonth, p, s.gateway()) : albHourlyUsd(p) + albLcuUsd(requestsPerMonth, p);
  }

  /** Returns the API gateway's bill for {@code requests} a month (first price tier). */
  public static double gatewayUsd(double requests, IntegrationPrices p, String gateway) {
    var perMillion = gateway.equals("rest-api") ? p.apiGatewayRestPerMillion() : p.apiGatewayHttpPerMillion();
    return requests / 1e6 * perMillion.doubleValue();
  }

  /** Returns one ALB's hourly fee over a month. */
  public static double albHourlyUsd(IntegrationPrices p) {
    return p.albPerHour().doubleValue() * HOURS_PER_MONTH;
  }

  /** Returns the LCU-hours of {@code requests} new connections a month, priced. */
  public static double albLcuUsd(double requests, IntegrationPrices p) {
    return requests / (p.albNewConnectionsPerLcu().doubleValue() * 3600) * p.albPerLcuHour().doubleValue();
  }
}
