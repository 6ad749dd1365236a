package dev.polyvirt.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the pieces that join workloads cost (seed 002 §6.3's integration patterns): an API gateway
 * in front of functions and services, an application load balancer in front of instances, and an
 * event bus between event-driven parts.
 *
 * <p>The gateway's requests are priced over monthly tiers ({@link MonthlyTiers}, in millions of
 * requests); a book that lists only the first tier's price ({@code apiGatewayHttpPerMillion}) is
 * priced flat at it. An ALB bills each hour at the largest of its LCU dimensions; a dimension the
 * book does not list (0 here) is not counted.
 *
 * @param apiGatewayHttpPerMillion HTTP API, USD per million requests (first tier)
 * @param apiGatewayRestPerMillion REST API, USD per million requests (first tier)
 * @param albPerHour an Application Load Balancer's hourly fee
 * @param albPerLcuHour the price of one Load Balancer Capacity Unit for an hour
 * @param albNewConnectionsPerLcu new connections per second one LCU covers
 * @param eventBusPerMillionEvents custom events published to the event bus, USD per million
 * @param apiGatewayHttpTiers HTTP API requests a month, in millions, over the price tiers
 * @param apiGatewayRestTiers REST API requests a month, in millions, over the price tiers
 * @param albProcessedGbPerLcu GB of requests and responses an hour one LCU covers (instance, container
 *     and IP targets); 0 when not listed
 * @param albActiveConnectionsPerLcu connections open at once (sampled per minute) one LCU covers; 0 when not listed
 */
public record IntegrationPrices(BigDecimal apiGatewayHttpPerMillion, BigDecimal apiGatewayRestPerMillion, BigDecimal albPerHour,
    BigDecimal albPerLcuHour, BigDecimal albNewConnectionsPerLcu, BigDecimal eventBusPerMillionEvents, MonthlyTiers apiGatewayHttpTiers,
    MonthlyTiers apiGatewayRestTiers, BigDecimal albProcessedGbPerLcu, BigDecimal albActiveConnectionsPerLcu) {
  public IntegrationPrices {
    Objects.requireNonNull(apiGatewayHttpPerMillion, "apiGatewayHttpPerMillion");
    Objects.requireNonNull(apiGatewayRestPerMillion, "apiGatewayRestPerMillion");
    Objects.requireNonNull(albPerHour, "albPerHour");
    Objects.requireNonNull(albPerLcuHour, "albPerLcuHour");
    Objects.requireNonNull(albNewConnectionsPerLcu, "albNewConnectionsPerLcu");
    Objects.requireNonNull(eventBusPerMillionEvents, "eventBusPerMillionEvents");
    Objects.requireNonNull(apiGatewayHttpTiers, "apiGatewayHttpTiers");
    Objects.requireNonNull(apiGatewayRestTiers, "apiGatewayRestTiers");
    Objects.requireNonNull(albProcessedGbPerLcu, "albProcessedGbPerLcu");
    Objects.requireNonNull(albActiveConnectionsPerLcu, "albActiveConnectionsPerLcu");
  }

  /** Creates first-tier prices only (the shape before tiers and the other LCU dimensions): flat gateway prices, LCUs by new connections. */
  public IntegrationPrices(BigDecimal apiGatewayHttpPerMillion, BigDecimal apiGatewayRestPerMillion, BigDecimal albPerHour,
      BigDecimal albPerLcuHour, BigDecimal albNewConnectionsPerLcu, BigDecimal eventBusPerMillionEvents) {
    this(apiGatewayHttpPerMillion, apiGatewayRestPerMillion, albPerHour, albPerLcuHour, albNewConnectionsPerLcu, eventBusPerMillionEvents,
        MonthlyTiers.flat(apiGatewayHttpPerMillion), MonthlyTiers.flat(apiGatewayRestPerMillion), BigDecimal.ZERO, BigDecimal.ZERO);
  }

  /** Reads the {@code integration:} section of a price book. */
  static IntegrationPrices read(dev.polyvirt.spec.Fields f) {
    String perMillion = "USD per million requests, e.g. 1.00";
    BigDecimal http = PriceFields.price(f, "apiGatewayHttpPerMillion", perMillion);
    BigDecimal rest = PriceFields.price(f, "apiGatewayRestPerMillion", perMillion);
    BigDecimal albHour = PriceFields.price(f, "albPerHour", "USD per load-balancer-hour, e.g. 0.0225");
    BigDecimal lcuHour = PriceFields.price(f, "albPerLcuHour", "USD per LCU-hour, e.g. 0.008");
    BigDecimal newConnections = PriceFields.price(f, "albNewConnectionsPerLcu", "new connections per second in one LCU, e.g. 25");
    BigDecimal bus = PriceFields.price(f, "eventBusPerMillionEvents", "USD per million events, e.g. 1.00");
    MonthlyTiers httpTiers = tiers(f, "apiGatewayHttpTiers", "apiGatewayHttpPerMillion", http);
    MonthlyTiers restTiers = tiers(f, "apiGatewayRestTiers", "apiGatewayRestPerMillion", rest);
    BigDecimal gb = f.has("albProcessedGbPerLcu") ? PriceFields.price(f, "albProcessedGbPerLcu", "GB an hour in one LCU, e.g. 1") : BigDecimal.ZERO;
    BigDecimal active = f.has("albActiveConnectionsPerLcu")
        ? PriceFields.price(f, "albActiveConnectionsPerLcu", "active connections per minute in one LCU, e.g. 3000") : BigDecimal.ZERO;
    f.done();
    return new IntegrationPrices(http, rest, albHour, lcuHour, newConnections, bus, httpTiers, restTiers, gb, active);
  }

  /** Reads optional request tiers; without them the first tier's price holds for every request. */
  private static MonthlyTiers tiers(dev.polyvirt.spec.Fields f, String key, String firstKey, BigDecimal first) {
    if (!f.has(key)) return MonthlyTiers.flat(first);
    var node = f.node(key).orElseThrow();
    MonthlyTiers tiers = MonthlyTiers.read(node, f.problems(), key, "a request tier", "upToMillion", "perMillion", "million requests",
        "USD per million requests, e.g. 1.00", "{upToMillion: 300, perMillion: 1.00}").orElse(MonthlyTiers.flat(first));
    if (tiers.first().compareTo(first) != 0) {
      f.problems().add(node.mark(), "the first tier of '" + key + "' costs " + tiers.first().toPlainString() + " but '" + firstKey + "' is "
          + first.toPlainString(), "make them equal: '" + firstKey + "' is the first tier's price");
    }
    return tiers;
  }
}
