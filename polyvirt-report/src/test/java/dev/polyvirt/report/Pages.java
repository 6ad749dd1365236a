package dev.polyvirt.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Checks on a rendered report.html shared by the report tests. */
final class Pages {
  private Pages() {}

  /**
   * Asserts the page loads nothing at view time: no element with a src, no stylesheet link,
   * import or url(), no frame or image, and — outside the inlined chart library, whose code
   * names XML namespaces — no http(s) URL at all.
   */
  static void assertSelfContained(String html) {
    assertThat(html).as("the chart library is inlined once").contains(ChartLibrary.script());
    assertThat(html.split(java.util.regex.Pattern.quote(ChartLibrary.script()), -1)).hasSize(2);
    String lower = html.replace(ChartLibrary.script(), "").toLowerCase(Locale.ROOT);
    assertThat(lower).doesNotContain("http://", "https://", "<link", "@import", "<img", "<iframe", "url(");
    assertThat(lower).doesNotContainPattern("src\\s*=");
    assertThat(html.toLowerCase(Locale.ROOT)).doesNotContainPattern("<script[^>]*\\ssrc").doesNotContainPattern("<link[^>]*href");
  }

  /** Returns the chart data embedded in the page. */
  static JsonNode data(String html) {
    String open = "<script type=\"application/json\" id=\"polyvirt-data\">";
    int from = html.indexOf(open);
    assertThat(from).as("embedded chart data").isPositive();
    String json = html.substring(from + open.length(), html.indexOf("</script>", from));
    return JsonMapper.builder().build().readTree(json);
  }
}
