package dev.polyvirt.dashboard;

import static dev.polyvirt.dashboard.Html.esc;

import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart of monthly cost per model, as inline SVG: drawn by the server, so it needs
 * no script and no network, and prints as it shows.
 */
final class CostChart {
  /** Pixel sizes: room for the longest model name (serverless-container), the bars and their labels. */
  private static final int LABEL = 150;
  private static final int BAR = 260;
  private static final int VALUE = 90;
  private static final int ROW = 22;

  /** A bar: the model and its monthly cost in USD. */
  record Bar(String model, double usdPerMonth, boolean recommended) {}

  private CostChart() {}

  /** Renders the bars, longest for the most expensive model; empty when there are none. */
  static String svg(String id, List<Bar> bars) {
    if (bars.isEmpty()) return "";
    double max = bars.stream().mapToDouble(Bar::usdPerMonth).max().orElse(0);
    int height = bars.size() * ROW + 4;
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
        "<svg class=\"chart\" id=\"%s\" role=\"img\" aria-label=\"cost per month by model\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">",
        esc(id), LABEL + BAR + VALUE, height, LABEL + BAR + VALUE, height));
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      double w = max <= 0 ? 0 : Math.max(1, bar.usdPerMonth() / max * BAR);
      int y = i * ROW + 2;
      b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", LABEL - 6, y + 15, esc(bar.model())));
      b.append(String.format(Locale.ROOT, "<rect class=\"bar%s\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\"><title>%s: %s per month</title></rect>",
          bar.recommended() ? " recommended" : "", LABEL, y + 2, w, ROW - 6, esc(bar.model()), esc(Html.usd(bar.usdPerMonth()))));
      b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>", LABEL + w + 6, y + 15, esc(Html.usd(bar.usdPerMonth()))));
    }
    return b.append("</svg>").toString();
  }
}
