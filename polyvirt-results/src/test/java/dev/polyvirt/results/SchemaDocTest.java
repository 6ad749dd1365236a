package dev.polyvirt.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/results-schema.md shows every stored table and column exactly as the code writes them. */
class SchemaDocTest {
  @Test
  void theSchemaDocumentMatchesTheTables() throws Exception {
    Path doc = Path.of("..", "docs", "results-schema.md");
    String expected = RunTables.markdown();
    if (Boolean.getBoolean("polyvirt.writeSchemaDoc")) {
      // regenerates the tables part of the document: mvn test -Dtest=SchemaDocTest -Dpolyvirt.writeSchemaDoc=true
      String text = Files.readString(doc);
      int from = text.indexOf("<!-- tables -->") + "<!-- tables -->".length();
      int to = text.indexOf("<!-- /tables -->");
      Files.writeString(doc, text.substring(0, from) + "\n" + expected + text.substring(to));
    }
    assertThat(Files.readString(doc)).contains(expected);
  }
}
