package dev.polyvirt.dashboard;

import static dev.polyvirt.dashboard.Html.esc;

import java.util.List;

/**
 * Start a run: pick a spec of the workspace, upload one, or edit the text; the spec is checked
 * with the same messages as {@code polyvirt plan}, then runs with live progress.
 */
final class NewRunPage {
  private NewRunPage() {}

  /** Renders the form with {@code text} in the editor, named {@code name}, and the workspace's specs to pick. */
  static String render(List<String> specs, String name, String text) {
    StringBuilder b = new StringBuilder("<form id=\"run-form\">\n<p class=\"sources\"><label>Spec of the workspace "
        + "<select id=\"picker\"><option value=\"\">—</option>");
    for (String s : specs) {
      b.append("<option value=\"").append(esc(s)).append('"').append(s.equals(name) ? " selected" : "").append('>').append(esc(s)).append("</option>");
    }
    b.append("</select></label> <label>or upload <input type=\"file\" id=\"upload\" accept=\".yaml,.yml,text/yaml\"></label></p>\n")
        .append("<input type=\"hidden\" id=\"name\" value=\"").append(esc(name)).append("\">\n")
        .append("<textarea id=\"spec\" spellcheck=\"false\" rows=\"24\" aria-label=\"spec\">").append(esc(text)).append("</textarea>\n")
        .append("<p><button type=\"submit\" id=\"run\">Run</button> <progress id=\"progress\" hidden></progress> <span id=\"status\"></span></p>\n")
        .append("<pre id=\"problems\" class=\"problems\" hidden></pre>\n</form>");
    return Html.page("New run", b.toString());
  }
}
