package dev.polyvirt.planner.patterns;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.pricing.IntegrationPrices;
import dev.polyvirt.pricing.PriceBook;
import dev.polyvirt.spec.DataTransfer;
import dev.polyvirt.spec.Requirements;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * What a public workload pays to be reached from the internet (seed 002 §6.3, the API gateway
 * pattern): a function sits behind an API gateway billed per request over monthly price tiers;
 * instances (vm, container, microvm, serverless-container tasks) sit behind an Application Load
 * Balancer billed per hour and per Load Balancer Capacity Unit ({@link AlbLoad}: each hour at the
 * largest of new connections, processed bytes and active connections). Prices come from the book's
 * {@code integration:} section; a book without it prices no front door (0). The responses' data
 * transfer out to the internet is the same whichever front door sends it (API Gateway and ELB both
 * bill it at the EC2 data transfer rates), so it stays in the workload's data transfer line.
 */
public final class FrontDoor {
  private static final double HOURS_PER_MONTH = SimTime.NANOS_PER_BILLING_MONTH / (double) SimTime.NANOS_PER_HOUR;

  private FrontDoor() {}

  /** Returns {@code r}'s requests scaled to a 730-hour month. */
  public static double requestsPerMonth(ModelResult r, long horizonNanos) {
    return r.figures().map(f -> f.requests() * (SimTime.NANOS_PER_BILLING_MONTH / (double) horizonNanos)).orElse(0.0);
  }

  /**
   * Returns the front door of a workload placed alone on {@code model}: 0 unless {@code exposure:
   * public-http}; the ALB's LCUs by new connections only (the shape before processed bytes).
   */
  public static double ownUsdPerMonth(String model, Requirements req, double requestsPerMonth, PriceBook book, PatternSettings s) {
    if (!req.exposure().equals("public-http") || book.integration().isEmpty()) return 0;
    IntegrationPrices p = book.integration().get();
    return model.equals("faas") ? gatewayUsd(requestsPerMonth, p, s.gateway()) : albHourlyUsd(p) + albLcuUsd(requestsPerMonth, p);
  }

  /**
   * Returns the front door of a workload placed alone as {@code r}: 0 unless {@code exposure:
   * public-http}; an ALB's LCUs billed hour by hour from {@code r}'s simulated arrivals, each
   * request moving {@code t}'s bytes.
   */
  public static double ownUsdPerMonth(ModelResult r, Requirements req, DataTransfer t, long horizonNanos, PriceBook book,
      PatternSettings s) {
    if (!req.exposure().equals("public-http") || book.integration().isEmpty()) return 0;
    IntegrationPrices p = book.integration().get();
    if (r.model().equals("faas")) return gatewayUsd(requestsPerMonth(r, horizonNanos), p, s.gateway());
    return albHourlyUsd(p) + AlbLoad.of(r, t, horizonNanos).lcuUsdPerMonth(p);
  }

  /** Returns the API gateway's bill for {@code requests} a month, over the flavour's price tiers. */
  public static double gatewayUsd(double requests, IntegrationPrices p, String gateway) {
    var tiers = gateway.equals("rest-api") ? p.apiGatewayRestTiers() : p.apiGatewayHttpTiers();
    return tiers.price(new BigDecimal(requests / 1e6, MathContext.DECIMAL64)).doubleValue();
  }

  /** Returns one ALB's hourly fee over a month. */
  public static double albHourlyUsd(IntegrationPrices p) {
    return p.albPerHour().doubleValue() * HOURS_PER_MONTH;
  }

  /** Returns the LCU-hours of {@code requests} new connections a month, priced (exact when new connections bind every hour). */
  public static double albLcuUsd(double requests, IntegrationPrices p) {
    return requests / (p.albNewConnectionsPerLcu().doubleValue() * 3600) * p.albPerLcuHour().doubleValue();
  }
}
