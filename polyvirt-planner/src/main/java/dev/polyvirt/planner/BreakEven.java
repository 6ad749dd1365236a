package dev.polyvirt.planner;

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
 */
public record BreakEven(String alwaysOn, double ratePerSecond, double multiplier, double costUsdPerMonth, int simulations,
    boolean found, boolean sustained) {}
