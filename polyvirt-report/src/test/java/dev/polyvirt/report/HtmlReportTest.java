package dev.polyvirt.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** report.html: one self-contained page that escapes what it quotes. */
class HtmlReportTest {
  private static String html;

  @BeforeAll
  static void render() {
    html = HtmlReport.render(Plans.plan());
  }

  @Test
  void pageIsSelfContained() {
    // The page loads nothing from the network: no http(s) URL, no external script, stylesheet or image.
    String lower = html.toLowerCase(Locale.ROOT);
    assertThat(lower).doesNotContain("http://", "https://", "<script src=", "<link", "@import", "<img", "<iframe", "url(");
    assertThat(lower).doesNotContainPattern("src\\s*=");
  }

  @Test
  void pageIsOneWholeDocument() {
    // The output is a single HTML document: one doctype, one html/head/body, closed at the end.
    assertThat(html).startsWith("<!doctype html>");
    assertThat(html).endsWith("</html>\n");
    for (String tag : new String[] {"<html", "<head>", "<body>", "</body>", "</html>"}) {
      assertThat(html.split(tag, -1)).as(tag).hasSize(2);
    }
    assertThat(html).contains("<section id=\"w-api\">", "<section id=\"w-batch.job_2\">", "<svg");
  }

  @Test
  void namesAndReasonsAreEscaped() {
    // Text from the spec (portfolio name, settings quoted in reasons) appears HTML-escaped, never as markup.
    assertThat(html).contains("&lt;shop&gt; &amp; &quot;co&quot;").doesNotContain(Plans.NAME);
    assertThat(html).contains("&lt;b&gt;m9&lt;/b&gt;").doesNotContain("<b>m9</b>");
    assertThat(HtmlReport.esc("a<b>&\"c\"")).isEqualTo("a&lt;b&gt;&amp;&quot;c&quot;");
  }

  @Test
  void everyResultIsShown() {
    // Every model of every workload appears in the table: simulated and infeasible ones in their own rows, unmodelled ones at least by name.
    assertThat(html).contains("<td>vm</td><td colspan=\"8\" class=\"reason\">infeasible: ");
    for (String model : new String[] {"container", "faas"}) assertThat(html).containsPattern("<tr[^>]*><td>" + model + "</td><td>\\$");
    assertThat(html).containsPattern("not modelled in this version[^<]*unikernel");
  }
}
