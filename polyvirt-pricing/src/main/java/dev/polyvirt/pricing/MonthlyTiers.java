package dev.polyvirt.pricing;

import dev.polyvirt.spec.Fields;
import dev.polyvirt.spec.Problems;
import dev.polyvirt.spec.yaml.Node;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A price that falls with the month's usage: each unit is charged the rate of the band it falls
 * in, bands counted from 0 each month (internet egress in GB, API Gateway requests in millions).
 * One arithmetic for every tiered monthly price of the books, so the data transfer tiers and the
 * gateway's request tiers cannot disagree on where a band starts.
 *
 * @param bands in order; every band but the last has a cumulative limit, the last has none
 */
public record MonthlyTiers(List<Band> bands) {
  public MonthlyTiers {
    bands = List.copyOf(bands);
    if (bands.isEmpty() || !bands.get(bands.size() - 1).unbounded()) {
      throw new IllegalArgumentException("tiers need bands ending with an unbounded one");
    }
  }

  /** One band: usage up to {@code upTo} (cumulative, per month) costs {@code price} a unit. */
  public record Band(long upTo, BigDecimal price) {
    /** The limit of the last band. */
    public static final long UNBOUNDED = Long.MAX_VALUE;

    public Band {
      Objects.requireNonNull(price, "price");
      if (upTo <= 0) throw new IllegalArgumentException("a tier must end above 0");
    }

    /** Returns true for the last, unlimited band. */
    public boolean unbounded() {
      return upTo == UNBOUNDED;
    }
  }

  /** A single price for every unit (a book that lists no tiers). */
  public static MonthlyTiers flat(BigDecimal price) {
    return new MonthlyTiers(List.of(new Band(Band.UNBOUNDED, price)));
  }

  /** Prices {@code usage} units used in one month: each unit at the rate of the band it falls in. */
  public BigDecimal price(BigDecimal usage) {
    BigDecimal cost = BigDecimal.ZERO;
    BigDecimal lower = BigDecimal.ZERO;
    for (Band b : bands) {
      BigDecimal above = usage.subtract(lower);
      if (above.signum() <= 0) break;
      if (b.unbounded()) return cost.add(above.multiply(b.price()));
      BigDecimal upper = BigDecimal.valueOf(b.upTo());
      cost = cost.add(above.min(upper.subtract(lower)).multiply(b.price()));
      lower = upper;
    }
    return cost;
  }

  /** Returns the first band's price. */
  public BigDecimal first() {
    return bands.get(0).price();
  }

  /**
   * Reads a list of bands such as {@code - {upToGb: 100, perGb: 0}}, the last without a limit,
   * reporting problems at their line; empty when the list is unusable (reported).
   *
   * @param what what the list is called in messages, e.g. {@code internetEgress}
   * @param item what one band is called in messages, e.g. {@code an egress tier}
   * @param limitKey the key of a band's cumulative monthly limit, e.g. {@code upToGb}
   * @param priceKey the key of its unit price, e.g. {@code perGb}
   * @param unit the unit of the limits in hints, e.g. {@code GB}
   * @param priceHint the hint of a bad price, e.g. {@code USD per GB, e.g. 0.09}
   * @param example a band to show in hints, e.g. {@code {upToGb: 100, perGb: 0}}
   */
  static Optional<MonthlyTiers> read(Node node, Problems problems, String what, String item, String limitKey, String priceKey,
      String unit, String priceHint, String example) {
    String hint = "write - " + example + ", ending with a tier without " + limitKey;
    if (!(node instanceof Node.ListNode list) || list.items().isEmpty()) {
      problems.add(node.mark(), "'" + what + "' must be a list of tiers, found " + node.kind(), hint);
      return Optional.empty();
    }
    List<Band> out = new ArrayList<>();
    long previous = 0;
    for (int i = 0; i < list.items().size(); i++) {
      Optional<Fields> t = Fields.of(list.items().get(i), problems, item);
      if (t.isEmpty()) continue;
      boolean last = i == list.items().size() - 1;
      long upTo = Band.UNBOUNDED;
      if (t.get().has(limitKey)) {
        upTo = PriceFields.count(t.get(), limitKey, previous + 1, Long.MAX_VALUE - 1, "tier limits count " + unit + " per month from 0 and grow");
        if (last) problems.add(t.get().keyMark(limitKey), "the last tier must have no " + limitKey, "remove it so the last tier prices all the rest");
      } else if (!last) {
        problems.add(t.get().mark(), "only the last tier may omit " + limitKey, "give this tier's monthly limit in " + unit);
      }
      out.add(new Band(upTo, PriceFields.price(t.get(), priceKey, priceHint)));
      t.get().done();
      previous = upTo;
    }
    if (out.isEmpty() || !out.get(out.size() - 1).unbounded()) return Optional.empty();
    return Optional.of(new MonthlyTiers(out));
  }
}
