package dev.polyvirt.planner.tco;

import java.util.Map;

/**
 * One placement's total cost of ownership and carbon, per month and over three years.
 *
 * @param onDemandUsdPerMonth the simulated bill at list prices, scaled to a month
 * @param controlPlaneUsdPerMonth the part of it no commitment discounts (the EKS control-plane share, and for a
 *     Windows node pool its licence)
 * @param optionsUsdPerMonth the bill under each purchase option the price book prices and the
 *     workload allows ("reserved-1y", "reserved-3y", "savings-plan-1y", "savings-plan-3y", "spot"), in that order
 * @param opsUsdPerMonth operations labour at the planner's rate
 * @param bestOption the cheapest purchase option other than spot ("on-demand" when none is cheaper)
 * @param threeYearOnDemandUsd 36 months of bill and labour at on-demand prices
 * @param threeYearBestUsd 36 months of bill and labour under the best option
 * @param spotNote what spot capacity costs in interruptions, or why it is not offered ("" when not applicable)
 * @param co2eKgPerMonth emissions from the simulated utilisation, scaled to a month
 * @param cleanestRegion the region of the bundled grid table with the lowest intensity
 * @param cleanestCo2eKgPerMonth the same energy's emissions there
 * @param dataTransfer internet egress and cross-zone traffic a month ({@link DataTransferBill}); no purchase
 *     option discounts it, and both three-year figures include it
 */
public record Tco(String model, double onDemandUsdPerMonth, double controlPlaneUsdPerMonth, Map<String, Double> optionsUsdPerMonth,
    double opsUsdPerMonth, String bestOption, double threeYearOnDemandUsd, double threeYearBestUsd, String spotNote,
    double co2eKgPerMonth, String cleanestRegion, double cleanestCo2eKgPerMonth, DataTransferBill dataTransfer) {
  public Tco {
    optionsUsdPerMonth = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(optionsUsdPerMonth));
    java.util.Objects.requireNonNull(dataTransfer, "dataTransfer");
  }

  /** Creates the TCO of a placement that moves no data. */
  public Tco(String model, double onDemandUsdPerMonth, double controlPlaneUsdPerMonth, Map<String, Double> optionsUsdPerMonth,
      double opsUsdPerMonth, String bestOption, double threeYearOnDemandUsd, double threeYearBestUsd, String spotNote,
      double co2eKgPerMonth, String cleanestRegion, double cleanestCo2eKgPerMonth) {
    this(model, onDemandUsdPerMonth, controlPlaneUsdPerMonth, optionsUsdPerMonth, opsUsdPerMonth, bestOption, threeYearOnDemandUsd,
        threeYearBestUsd, spotNote, co2eKgPerMonth, cleanestRegion, cleanestCo2eKgPerMonth, DataTransferBill.NONE);
  }

  /** Returns the data transfer's cost a month. */
  public double dataTransferUsdPerMonth() {
    return dataTransfer.usdPerMonth();
  }

  /** Returns the monthly bill under the best option. */
  public double bestUsdPerMonth() {
    return optionsUsdPerMonth.getOrDefault(bestOption, onDemandUsdPerMonth);
  }
}
