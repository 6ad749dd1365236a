package dev.polyvirt.results;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** How {@code polyvirt results query} prints rows: an aligned text table, CSV (RFC 4180) or JSON. */
public enum ResultFormat {
  TABLE {
    @Override
    public String render(QueryResult q) {
      List<List<String>> cells = new ArrayList<>();
      cells.add(q.columns());
      for (List<Object> row : q.rows()) cells.add(row.stream().map(ResultFormat::text).toList());
      int[] width = new int[q.columns().size()];
      for (List<String> row : cells) {
        for (int c = 0; c < width.length; c++) width[c] = Math.max(width[c], row.get(c).length());
      }
      StringBuilder b = new StringBuilder();
      for (int r = 0; r < cells.size(); r++) {
        for (int c = 0; c < width.length; c++) {
          boolean right = r > 0 && q.rows().get(r - 1).get(c) instanceof Number;
          String cell = cells.get(r).get(c);
          String pad = " ".repeat(width[c] - cell.length());
          b.append(c == 0 ? "" : "  ").append(right ? pad + cell : cell + (c == width.length - 1 ? "" : pad));
        }
        b.append('\n');
        if (r == 0) {
          for (int c = 0; c < width.length; c++) b.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
          b.append('\n');
        }
      }
      b.append(q.rows().size() == 1 ? "(1 row)\n" : "(" + q.rows().size() + " rows)\n");
      return b.toString();
    }
  },
  CSV {
    @Override
    public String render(QueryResult q) {
      StringBuilder b = new StringBuilder();
      b.append(String.join(",", q.columns().stream().map(ResultFormat::csv).toList())).append("\r\n");
      for (List<Object> row : q.rows()) {
        b.append(String.join(",", row.stream().map(v -> v == null ? "" : csv(text(v))).toList())).append("\r\n");
      }
      return b.toString();
    }
  },
  JSON {
    @Override
    public String render(QueryResult q) {
      ArrayNode out = MAPPER.createArrayNode();
      for (List<Object> row : q.rows()) {
        ObjectNode o = out.addObject();
        for (int c = 0; c < q.columns().size(); c++) o.set(q.columns().get(c), MAPPER.valueToTree(json(row.get(c))));
      }
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(out) + "\n";
    }
  };

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  /** Renders the rows in this format. */
  public abstract String render(QueryResult q);

  /** Returns the format called {@code name} (table, csv, json), ignoring case. */
  public static ResultFormat named(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }

  private static Object json(Object v) {
    if (v instanceof LocalDateTime t) return t.toString();
    if (v instanceof List<?> l) return l.stream().map(ResultFormat::json).toList();
    if (v instanceof Number || v instanceof Boolean || v == null) return v;
    return String.valueOf(v);
  }

  private static String text(Object v) {
    if (v == null) return "";
    if (v instanceof BigDecimal d) return d.toPlainString();
    return String.valueOf(v);
  }

  private static String csv(String s) {
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) return "\"" + s.replace("\"", "\"\"") + "\"";
    return s;
  }
}
