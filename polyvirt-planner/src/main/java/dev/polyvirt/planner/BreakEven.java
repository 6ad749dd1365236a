package dev.polyvirt.planner;

import java.util.List;

/**
 * The sustained request rate at which FaaS and the cheapest always-on model cost the same per
 * month, found by simulating the workload at scaled traffic (bisection on the multiplier).
 *
 * @param alwaysOn the always-on model compared (vm or container)
 * @param ratePerSecond the break-even mean request rate
 * @param multiplier that rate over the workload's own mean rate
 * @param costUsdPerMonth what both cost per month there (their mean at the last step)
 * @param simulations how many simulations the search ran
 * @param found false when the costs did not cross within the searched range (then the rate is the range's end)
 * @param sustained true when the search simulated a steady Poisson stream at the scaled mean rate
 *     (a heavy workload), false when it scaled the workload's own traffic shape
 * @param steps every traffic multiplier the search simulated, in increasing order of multiplier:
 *     the points of the cost-against-rate curve it walked (drawn in report.html)
 */
public record BreakEven(String alwaysOn, double ratePerSecond, double multiplier, double costUsdPerMonth, int simulations,
    boolean found, boolean sustained, List<Step> steps) {

  public BreakEven {
    steps = List.copyOf(steps);
  }

  /** A break-even without its steps (the shape before the steps were kept). */
  public BreakEven(String alwaysOn, double ratePerSecond, double multiplier, double costUsdPerMonth, int simulations,
      boolean found, boolean sustained) {
    this(alwaysOn, ratePerSecond, multiplier, costUsdPerMonth, simulations, found, sustained, List.of());
  }

  /**
   * One simulated point of the search.
   *
   * @param multiplier the traffic multiplier simulated
   * @param ratePerSecond the mean request rate that multiplier gives
   * @param faasUsdPerMonth FaaS's monthly bill there, NaN if it could not run
   * @param alwaysOn the cheapest always-on model there (vm or container)
   * @param alwaysOnUsdPerMonth that model's monthly bill, NaN if none could run
   * @param sustained true when this step simulated the steady Poisson stream rather than the workload's own shape
   */
  public record Step(double multiplier, double ratePerSecond, double faasUsdPerMonth, String alwaysOn,
      double alwaysOnUsdPerMonth, boolean sustained) {}
}
