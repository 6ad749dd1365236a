package dev.polyvirt.pricing;

import dev.polyvirt.spec.Fields;
import dev.polyvirt.spec.Problems;
import dev.polyvirt.spec.yaml.Node;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What moving bytes costs in one region (the price book's {@code dataTransfer:} section): data
 * transfer out to the internet in monthly tiers (the first may be free), and traffic between
 * availability zones of the region. Data transfer in from the internet is free on AWS, Azure and
 * Google Cloud, so it has no price here.
 *
 * @param internetEgress monthly tiers, each priced per GB up to its cumulative limit; the last has no limit
 * @param crossZonePerGb USD per GB that crosses an availability-zone boundary, both directions' charges together
 */
public record DataTransferPrices(List<EgressTier> internetEgress, BigDecimal crossZonePerGb) {
  public DataTransferPrices {
    internetEgress = List.copyOf(internetEgress);
    Objects.requireNonNull(crossZonePerGb, "crossZonePerGb");
    if (internetEgress.isEmpty() || !internetEgress.get(internetEgress.size() - 1).unbounded()) {
      throw new IllegalArgumentException("internet egress needs tiers ending with an unbounded one");
    }
  }

  /** One band of the monthly internet egress price: GB up to {@code upToGb} (cumulative) cost {@code perGb}. */
  public record EgressTier(long upToGb, BigDecimal perGb) {
    /** The limit of the last band. */
    public static final long UNBOUNDED = Long.MAX_VALUE;

    public EgressTier {
      Objects.requireNonNull(perGb, "perGb");
      if (upToGb <= 0) throw new IllegalArgumentException("an egress tier must end above 0 GB");
    }

    /** Returns true for the last, unlimited band. */
    public boolean unbounded() {
      return upToGb == UNBOUNDED;
    }
  }

  /** Prices {@code gbPerMonth} of internet egress in a month: each GB at the rate of the tier it falls in. */
  public BigDecimal internetPerMonth(BigDecimal gbPerMonth) {
    return egressTiers().price(gbPerMonth);
  }

  /** Returns the internet egress tiers as {@link MonthlyTiers} (GB a month), the arithmetic every tiered price shares. */
  public MonthlyTiers egressTiers() {
    return new MonthlyTiers(internetEgress.stream().map(t -> new MonthlyTiers.Band(t.upToGb(), t.perGb())).toList());
  }

  /** Prices {@code gbPerMonth} crossing availability zones in a month. */
  public BigDecimal crossZonePerMonth(BigDecimal gbPerMonth) {
    return gbPerMonth.multiply(crossZonePerGb);
  }

  /** Reads the {@code dataTransfer:} section of a price book. */
  static DataTransferPrices read(Fields f) {
    Problems problems = f.problems();
    List<EgressTier> tiers = f.required("internetEgress", "list the monthly tiers, e.g. - {upToGb: 100, perGb: 0}")
        .map(n -> tiers(n, problems)).orElse(List.of());
    BigDecimal crossZone = PriceFields.price(f, "crossZonePerGb", "USD per GB crossing availability zones, e.g. 0.02");
    f.done();
    if (tiers.isEmpty() || !tiers.get(tiers.size() - 1).unbounded()) {
      tiers = List.of(new EgressTier(EgressTier.UNBOUNDED, BigDecimal.ZERO)); // reported above; keeps the book readable
    }
    return new DataTransferPrices(tiers, crossZone);
  }

  private static List<EgressTier> tiers(Node node, Problems problems) {
    return MonthlyTiers.read(node, problems, "internetEgress", "an egress tier", "upToGb", "perGb", "GB", "USD per GB, e.g. 0.09",
        "{upToGb: 100, perGb: 0}").map(m -> m.bands().stream().map(t -> new EgressTier(t.upTo(), t.price())).toList()).orElse(List.of());
  }
}
