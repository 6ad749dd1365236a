package dev.polyvirt.report;

import dev.polyvirt.models.ModelResult;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Renders the cells of a result's named tables the same way in the console and in HTML, knowing nothing of the model. */
final class Tables {
  private Tables() {}

  /** Formats a cell: text as is; whole numbers without decimals; others to 3 significant digits, at most 2 decimals from 1 up. */
  static String cell(Object cell) {
    return cell instanceof Double d ? number(d) : String.valueOf(cell);
  }

  /** Formats a number as {@link #cell} does. */
  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(Locale.ROOT, "%d", (long) v);
    double a = Math.abs(v);
    if (a >= 1000) return String.format(Locale.ROOT, "%.0f", v);
    if (a >= 100) return String.format(Locale.ROOT, "%.1f", v);
    if (a >= 1) return String.format(Locale.ROOT, "%.2f", v);
    return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
  }

  /** Returns true when every cell of the column is a number (numbers are right-aligned and may be charted). */
  static boolean numeric(ModelResult.Table t, int column) {
    return t.rows().stream().allMatch(r -> r.get(column) instanceof Double);
  }
}
