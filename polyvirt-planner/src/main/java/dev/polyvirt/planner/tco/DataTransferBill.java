package dev.polyvirt.planner.tco;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.pricing.DataTransferPrices;
import dev.polyvirt.pricing.PriceBook;
import dev.polyvirt.spec.DataTransfer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Set;

/**
 * What a placement's traffic costs on the network in a month: the responses that leave to the
 * internet, priced over the price book's monthly egress tiers, plus the bytes that cross an
 * availability zone inside the placement. Volumes come from the simulated requests (completed
 * ones, each sending its response) × the workload's {@code dataTransfer} sizes, scaled from the
 * simulated span to a 730-h month as {@code costUsdPerMonth} is, then priced once per month (the
 * tiers are monthly). A GB is 2^30 bytes, as the providers meter it.
 *
 * <p>Cross-zone traffic is charged only to placements whose own replicas the customer spreads over
 * zones — vm, container and microvm with two or more instances at their peak; FaaS and serverless
 * containers spread across zones inside the provider's service, which bills no inter-zone traffic
 * to the customer. A private datacenter's transit is not in the cloud price book: it is left at 0.
 * Internet egress is the same for every cloud placement of a workload (the same requests leave),
 * so it moves the total, not the ranking, unless tiers or cross-zone traffic differ.
 *
 * @param internetGbPerMonth GB a month sent to the internet
 * @param crossZoneGbPerMonth GB a month crossing availability zones
 * @param usdPerMonth what both cost a month
 * @param note how it was priced ("" when the workload moves no data)
 */
public record DataTransferBill(double internetGbPerMonth, double crossZoneGbPerMonth, double usdPerMonth, String note) {
  /** A placement that moves no data. */
  public static final DataTransferBill NONE = new DataTransferBill(0, 0, 0, "");

  static final double BYTES_PER_GB = 1L << 30;
  /** Models whose instances the customer places in zones: their replicas may talk across zones. */
  static final Set<String> ZONED = Set.of("vm", "container", "microvm");

  /** Prices the data transfer of feasible result {@code r} of a workload moving {@code t}, simulated over {@code horizonNanos}. */
  public static DataTransferBill of(ModelResult r, DataTransfer t, PriceBook book, long horizonNanos) {
    if (t.none()) return NONE;
    if (r.model().equals("datacenter")) {
      return new DataTransferBill(0, 0, 0, "a private datacenter's internet transit is not priced by " + book.label());
    }
    ModelResult.Figures f = r.figures().orElseThrow();
    double perMonth = 730.0 * SimTime.NANOS_PER_HOUR / horizonNanos;
    double responses = f.completed() * perMonth;
    double internetGb = responses * t.responseBytes() * t.internetShare() / BYTES_PER_GB;
    boolean zoned = ZONED.contains(r.model()) && f.peakInstances() >= 2;
    double crossGb = zoned ? responses * (t.requestBytes() + t.responseBytes()) * t.crossZoneShare() / BYTES_PER_GB : 0;
    if (book.dataTransfer().isEmpty()) {
      return new DataTransferBill(internetGb, crossGb, 0, "price book " + book.label() + " lists no dataTransfer prices: not priced");
    }
    DataTransferPrices p = book.dataTransfer().get();
    BigDecimal internet = p.internetPerMonth(new BigDecimal(internetGb, MathContext.DECIMAL64));
    BigDecimal cross = p.crossZonePerMonth(new BigDecimal(crossGb, MathContext.DECIMAL64));
    String note = String.format(Locale.ROOT, "%.4g GB/month to the internet ($%.2f over %s's egress tiers)", internetGb,
        internet.doubleValue(), book.label());
    if (crossGb > 0) note += String.format(Locale.ROOT, " + %.4g GB/month across zones ($%.2f)", crossGb, cross.doubleValue());
    else if (t.crossZoneShare() > 0 && !zoned) {
      note += ZONED.contains(r.model()) ? "; no cross-zone traffic: one instance at most"
          : "; no cross-zone charge: " + r.model() + " spreads over zones inside the provider's service";
    }
    return new DataTransferBill(internetGb, crossGb, internet.add(cross).doubleValue(), note);
  }
}
