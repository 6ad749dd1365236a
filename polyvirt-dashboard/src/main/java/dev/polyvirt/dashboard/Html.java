package dev.polyvirt.dashboard;

import java.math.BigDecimal;
import java.util.Locale;

/** The dashboard's page frame and the escaping every page uses: plain HTML, no external resources. */
final class Html {
  private Html() {}

  /** Escapes text for HTML content and attribute values. */
  static String esc(Object o) {
    String s = o == null ? "" : String.valueOf(o);
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** Wraps {@code body} in the page frame with its navigation. */
  static String page(String title, String body) {
    return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>" + esc(title) + " · polyvirt</title><link rel=\"stylesheet\" href=\"/assets/dashboard.css\"></head>\n"
        + "<body><header><a class=\"brand\" href=\"/\">polyvirt</a><nav><a href=\"/\">Runs</a><a href=\"/new\">New run</a></nav></header>\n"
        + "<main>\n<h1>" + esc(title) + "</h1>\n" + body + "\n</main>\n<script src=\"/assets/dashboard.js\"></script></body></html>\n";
  }

  /** Formats US dollars for a table: cents from one dollar up, four significant places below. */
  static String usd(Object v) {
    if (v == null) return "—";
    double d = v instanceof BigDecimal b ? b.doubleValue() : ((Number) v).doubleValue();
    return Math.abs(d) >= 1 ? String.format(Locale.ROOT, "$%,.2f", d) : String.format(Locale.ROOT, "$%.4g", d);
  }

  /** Formats milliseconds for a table. */
  static String ms(Object v) {
    if (v == null) return "—";
    double d = ((Number) v).doubleValue();
    return d >= 100 ? String.format(Locale.ROOT, "%,.0f ms", d) : String.format(Locale.ROOT, "%.3g ms", d);
  }

  /** Formats a relative change of {@code b} over {@code a}, or a dash when there is no base. */
  static String change(Object a, Object b) {
    if (a == null || b == null) return "—";
    double x = ((Number) a).doubleValue();
    double y = ((Number) b).doubleValue();
    if (x == 0) return y == 0 ? "0 %" : "new";
    return String.format(Locale.ROOT, "%+.1f %%", (y - x) / x * 100);
  }
}
