package dev.polyvirt.planner.tco;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.planner.score.Criteria;
import dev.polyvirt.pricing.PriceBook;
import dev.polyvirt.pricing.PurchaseOptions;
import dev.polyvirt.spec.Requirements;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a placement's {@link Tco}: the simulated bill re-priced under each purchase option of
 * the price book, plus operations labour, monthly and over three years, and its carbon.
 *
 * <p>Commitments discount what runs on instances (EC2 for vm and container nodes, Lambda duration,
 * Fargate), never the EKS control-plane fee or per-request fees; the figures assume the
 * commitment covers the instance-hours the simulation used (an upper bound on the saving for
 * a fleet that scales). Spot is offered only to stateless workloads on EC2 (vm, container
 * nodes): an interrupted stateful instance loses its state. Data transfer ({@link DataTransferBill})
 * is added to both three-year figures undiscounted; with no {@code dataTransfer:} it is 0.
 */
public final class TcoViews {
  /** Months in the three-year view. */
  static final int MONTHS = 36;

  private TcoViews() {}

  /** Returns the TCO of feasible result {@code r} with criteria {@code c}, for a workload needing {@code req}, simulated over {@code horizonNanos}. */
  public static Tco of(ModelResult r, Criteria c, Requirements req, PriceBook book, long horizonNanos) {
    return of(r, c, req, dev.polyvirt.spec.DataTransfer.NONE, book, horizonNanos);
  }

  /** Returns the TCO as above, with the data transfer of a workload moving {@code transfer} (never discounted). */
  public static Tco of(ModelResult r, Criteria c, Requirements req, dev.polyvirt.spec.DataTransfer transfer, PriceBook book,
      long horizonNanos) {
    ModelResult.Figures f = r.figures().orElseThrow();
    double perMonth = 730.0 * SimTime.NANOS_PER_HOUR / horizonNanos;
    double onDemand = f.costUsdPerMonth();
    double controlPlane = r.model().equals("container") ? f.costUsd().other().doubleValue() * perMonth : 0;
    double perRequestFees = f.costUsd().requests().doubleValue() * perMonth;
    double discountable = Math.max(0, onDemand - controlPlane - perRequestFees);
    Map<String, Double> options = new LinkedHashMap<>();
    String spotNote = "";
    Optional<PurchaseOptions> p = book.purchaseOptions();
    if (p.isPresent()) {
      PurchaseOptions o = p.get();
      switch (r.model()) {
        case "vm", "container", "microvm" -> {
          options.put("reserved-1y", onDemand - discountable * d(o.ec2Reserved1y()));
          options.put("reserved-3y", onDemand - discountable * d(o.ec2Reserved3y()));
          options.put("savings-plan-1y", onDemand - discountable * d(o.computeSavingsPlan1y()));
          if (req.state().equals("stateless")) {
            options.put("spot", onDemand - discountable * d(o.spot()));
            spotNote = String.format(java.util.Locale.ROOT, "spot: ≈ %.0f %% of instances interrupted a month, each with a 2-minute warning",
                100 * d(o.spotInterruptionsPerMonth()));
          } else {
            spotNote = "spot not offered: an interrupted " + req.state() + " instance loses its state";
          }
        }
        case "faas" -> options.put("savings-plan-3y", onDemand - discountable * d(o.lambdaSavingsPlan3y()));
        case "serverless-container" -> options.put("savings-plan-3y", onDemand - discountable * d(o.fargateSavingsPlan3y()));
        default -> { }
      }
    }
    String best = "on-demand";
    double bestCost = onDemand;
    for (Map.Entry<String, Double> e : options.entrySet()) {
      // spot is listed but never "best": its interruptions are a risk the bill does not show
      if (!e.getKey().equals("spot") && e.getValue() < bestCost - 1e-9) {
        best = e.getKey();
        bestCost = e.getValue();
      }
    }
    double co2 = f.co2eKg() * perMonth;
    double own = book.carbon().gridTco2ePerKwh().doubleValue();
    Map.Entry<String, Double> clean = GridIntensity.bundled().cleanest();
    double cleanCo2 = own > 0 ? co2 * clean.getValue() / own : 0;
    DataTransferBill moved = DataTransferBill.of(r, transfer, book, horizonNanos);
    double transferUsd = moved.usdPerMonth();
    return new Tco(r.model(), onDemand, controlPlane, options, c.opsUsdPerMonth(), best, MONTHS * (onDemand + c.opsUsdPerMonth() + transferUsd),
        MONTHS * (bestCost + c.opsUsdPerMonth() + transferUsd), spotNote, co2, clean.getKey(), cleanCo2, moved);
  }

  private static double d(BigDecimal fraction) {
    return fraction.doubleValue();
  }
}
