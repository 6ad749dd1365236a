package dev.polyvirt.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the pieces that join workloads cost (seed 002 §6.3's integration patterns): an API gateway
 * in front of functions and services, an application load balancer in front of instances, and an
 * event bus between event-driven parts. Only the first price tier of each is kept: the gateway's
 * next tier starts at 300 M (HTTP API) or 333 M (REST API) requests a month.
 *
 * @param apiGatewayHttpPerMillion HTTP API, USD per million requests (first 300 M a month)
 * @param apiGatewayRestPerMillion REST API, USD per million requests (first 333 M a month)
 * @param albPerHour an Application Load Balancer's hourly fee
 * @param albPerLcuHour the price of one Load Balancer Capacity Unit for an hour
 * @param albNewConnectionsPerLcu new connections per second one LCU covers (its usual binding dimension)
 * @param eventBusPerMillionEvents custom events published to the event bus, USD per million
 */
public record IntegrationPrices(BigDecimal apiGatewayHttpPerMillion, BigDecimal apiGatewayRestPerMillion, BigDecimal albPerHour,
    BigDecimal albPerLcuHour, BigDecimal albNewConnectionsPerLcu, BigDecimal eventBusPerMillionEvents) {
  public IntegrationPrices {
    Objects.requireNonNull(apiGatewayHttpPerMillion, "apiGatewayHttpPerMillion");
    Objects.requireNonNull(apiGatewayRestPerMillion, "apiGatewayRestPerMillion");
    Objects.requireNonNull(albPerHour, "albPerHour");
    Objects.requireNonNull(albPerLcuHour, "albPerLcuHour");
    Objects.requireNonNull(albNewConnectionsPerLcu, "albNewConnectionsPerLcu");
    Objects.requireNonNull(eventBusPerMillionEvents, "eventBusPerMillionEvents");
  }

  /** Reads the {@code integration:} section of a price book. */
  static IntegrationPrices read(dev.polyvirt.spec.Fields f) {
    String perMillion = "USD per million requests, e.g. 1.00";
    IntegrationPrices p = new IntegrationPrices(PriceFields.price(f, "apiGatewayHttpPerMillion", perMillion),
        PriceFields.price(f, "apiGatewayRestPerMillion", perMillion), PriceFields.price(f, "albPerHour", "USD per load-balancer-hour, e.g. 0.0225"),
        PriceFields.price(f, "albPerLcuHour", "USD per LCU-hour, e.g. 0.008"),
        PriceFields.price(f, "albNewConnectionsPerLcu", "new connections per second in one LCU, e.g. 25"),
        PriceFields.price(f, "eventBusPerMillionEvents", "USD per million events, e.g. 1.00"));
    f.done();
    return p;
  }
}
