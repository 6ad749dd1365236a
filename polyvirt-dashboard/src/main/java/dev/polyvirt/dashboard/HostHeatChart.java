package dev.polyvirt.dashboard;

import static dev.polyvirt.dashboard.Html.esc;

import java.util.List;
import java.util.Locale;

/**
 * A datacenter result's per-host utilisation over time (the {@code host_heat} table), as inline
 * SVG: one row per host, one cell per interval, coloured like report.html's heat map (grey 0 %,
 * blue-grey 50 %, red 100 %). Drawn by the server like {@link CostChart}, so the page still needs
 * no script and no network, and prints as it shows; each cell's title says host, time and share.
 */
final class HostHeatChart {
  /** Pixel sizes: room for "dc1/a · host 63", cells wide enough to point at (48 × 12 = 576 px), a row a host as in report.js. */
  private static final int LABEL = 130;
  private static final int CELL_W = 12;
  private static final int ROW = 14;
  private static final int AXIS = 34;
  private static final int KEY = 30;
  /** report.js's visual map: its three colours, evenly spaced over 0–1 and interpolated in RGB, as ECharts does. */
  private static final int[][] STOPS = {{0xf3, 0xf4, 0xf7}, {0x7b, 0x8d, 0xb0}, {0xd9, 0x53, 0x4f}};
  /** Time labels every this many intervals: every 3 h of a one-day run's 48 half-hours. */
  private static final int TICK_EVERY = 6;

  /** A host's row: its name, zone and hardware model (null when not known), and one utilisation (0–1) per interval. */
  record Host(String name, String zone, String hostModel, List<Double> utilization) {}

  private HostHeatChart() {}

  /**
   * Renders the hosts' rows over the intervals starting at {@code startsS} (seconds), the last
   * ending at {@code endS}; empty when there are no hosts.
   */
  static String svg(String id, String title, List<Host> hosts, List<Double> startsS, double endS) {
    if (hosts.isEmpty() || startsS.isEmpty()) return "";
    int buckets = startsS.size();
    boolean days = endS > 72 * 3600; // as report.js's time axis: hours, days beyond three days
    double unit = days ? 86400 : 3600;
    int width = LABEL + buckets * CELL_W + 16;
    int height = hosts.size() * ROW + AXIS + KEY;
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
        "<svg class=\"chart heat\" id=\"%s\" role=\"img\" aria-label=\"%s\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">",
        esc(id), esc(title), width, height, width, height));
    for (int h = 0; h < hosts.size(); h++) {
      Host host = hosts.get(h);
      int y = h * ROW;
      String name = host.zone() == null ? host.name() : host.zone() + " · " + host.name();
      b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", LABEL - 6, y + ROW - 3, esc(name)));
      for (int k = 0; k < buckets; k++) {
        double u = host.utilization().get(k);
        double to = k + 1 < buckets ? startsS.get(k + 1) : endS;
        b.append(String.format(Locale.ROOT,
            "<rect class=\"cell\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" data-u=\"%s\"><title>%s%s, %s–%s %s: %s</title></rect>",
            LABEL + k * CELL_W, y, CELL_W, ROW, colour(u), String.format(Locale.ROOT, "%.6f", u), esc(host.name()),
            host.hostModel() == null ? "" : " (" + esc(host.hostModel()) + ")", time(startsS.get(k) / unit), time(to / unit),
            days ? "days" : "hours", percent(u)));
      }
    }
    int axisY = hosts.size() * ROW;
    for (int k = 0; k <= buckets; k += TICK_EVERY) {
      double at = (k < buckets ? startsS.get(k) : endS) / unit;
      b.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>",
          LABEL + k * CELL_W, axisY + 14, time(at)));
    }
    b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>",
        LABEL + buckets * CELL_W / 2, axisY + 28, days ? "days" : "hours"));
    // the key: the scale from 0 to 100 % in ten steps
    int keyY = axisY + AXIS + 6;
    b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">0 %%</text>", LABEL - 6, keyY + 11));
    for (int s = 0; s < 10; s++) {
      b.append(String.format(Locale.ROOT, "<rect class=\"key\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"12\" fill=\"%s\"/>",
          LABEL + s * 24, keyY, 24, colour((s + 0.5) / 10)));
    }
    b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">100 %%</text>", LABEL + 240 + 6, keyY + 11));
    return b.append("</svg>").toString();
  }

  /** Returns the colour of utilisation {@code u} (clamped to 0–1) as {@code #rrggbb}. */
  static String colour(double u) {
    double x = Math.max(0, Math.min(1, u)) * (STOPS.length - 1);
    int i = Math.min(STOPS.length - 2, (int) x);
    double f = x - i;
    StringBuilder b = new StringBuilder("#");
    for (int c = 0; c < 3; c++) b.append(String.format(Locale.ROOT, "%02x", Math.round(STOPS[i][c] + f * (STOPS[i + 1][c] - STOPS[i][c]))));
    return b.toString();
  }

  private static String time(double v) {
    return String.format(Locale.ROOT, "%.4f", v).replaceAll("\\.?0+$", "");
  }

  /** A share as a percentage, with a decimal below 10 % (as report.js's). */
  private static String percent(double u) {
    return String.format(Locale.ROOT, u > 0 && u < 0.1 ? "%.1f %%" : "%.0f %%", 100 * u);
  }
}
