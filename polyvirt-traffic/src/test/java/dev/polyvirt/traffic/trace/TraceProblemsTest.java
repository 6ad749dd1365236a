package dev.polyvirt.traffic.trace;

import static dev.polyvirt.traffic.trace.Azure2019Files4Test.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyvirt.spec.Problem;
import dev.polyvirt.spec.SpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad trace files and selections: each problem names file:line:column, what was expected, and a hint. */
class TraceProblemsTest {
  @TempDir Path dir;

  private static Problem only(SpecException e) {
    assertThat(e.problems()).hasSize(1);
    return e.problems().get(0);
  }

  private static String row(String function, String... cells) {
    StringBuilder s = new StringBuilder("o,a," + function + ",http");
    for (int m = 0; m < 1440; m++) s.append(',').append(m < cells.length ? cells[m] : "0");
    return s.toString();
  }

  @Test
  void truncatedRowIsReportedWhereItEnds() {
    // A row cut short is reported at its line, just after its last character, with the expected column count.
    String cut = row("f2").substring(0, 4 + 2 * 700 + 10);
    Path file = Traces.write(dir, "x_invocations.csv", header() + "\n" + row("f1") + "\n" + cut + "\n", false);
    Problem p = only(Traces.problem(TraceQuery.of(Traces.AZURE_2019, file)));
    assertThat(p.where().file()).isEqualTo(file.toString());
    assertThat(p.where().line()).isEqualTo(3);
    assertThat(p.where().column()).isEqualTo(cut.length() + 1);
    assertThat(p.message()).startsWith("row has ").contains("columns, expected 1444");
    assertThat(p.hint()).contains("cut short");
  }

  @Test
  void nonNumericCountIsReportedAtItsCell() {
    // A count that is not a whole number is reported at its own column, naming the minute.
    String bad = row("f1", "0", "1", "x");
    Path file = Traces.write(dir, "x_invocations.csv", header() + "\n" + bad + "\n", false);
    Problem p = only(Traces.problem(TraceQuery.of(Traces.AZURE_2019, file)));
    assertThat(p.where().line()).isEqualTo(2);
    assertThat(p.where().column()).isEqualTo(bad.indexOf(",x,") + 2);
    assertThat(p.message()).isEqualTo("expected the invocations in minute 3 (a whole number), found 'x'");
    assertThat(p.hint()).isNotBlank();
  }

  @Test
  void missingColumnNamesTheExpectedHeader() {
    // A header without the Trigger column is reported on line 1 with the header the format expects.
    Path file = Traces.write(dir, "x_invocations.csv", header().replace(",Trigger", "") + "\n", false);
    Problem p = only(Traces.problem(TraceQuery.of(Traces.AZURE_2019, file)));
    assertThat(p.where().line()).isEqualTo(1);
    assertThat(p.message()).startsWith("missing column 'Trigger'; expected a header like: HashOwner,HashApp,HashFunction,Trigger,1");
    assertThat(p.hint()).contains("found columns: HashOwner,HashApp,HashFunction,1");
  }

  @Test
  void unknownFunctionListsIdsOfTheFile() {
    // An id that matches nothing fails at the function key, naming the file and a few of its ids.
    TraceQuery q = Azure2019Test.five().withFunction("deadbeefcafe");
    Problem p = only(Traces.problem(q));
    assertThat(p.where()).isEqualTo(q.function().get().mark());
    assertThat(p.message()).isEqualTo("no function 'deadbeefcafe' in " + q.path().value() + " (5 functions)");
    assertThat(p.hint()).startsWith("ids in the file include: 8203ff88388384a6").contains("polyvirt trace stats");
  }

  @Test
  void unknownFunctionSuggestsIdsByPrefix() {
    // An id sharing a prefix with real ones suggests those ids.
    Problem p = only(Traces.problem(Azure2019Test.five().withFunction("660323ab")));
    assertThat(p.hint()).startsWith("ids starting like '660323a': 660323aa6f1012c8");
  }

  @Test
  void uniquePrefixOfSixCharactersSelects() {
    // Six characters that start exactly one id select that function; five are too few.
    assertThat(Traces.bind(Azure2019Test.five().withFunction("660323")).functions()).extracting(TraceFunction::invocations)
        .containsExactly(45_072L);
    Problem p = only(Traces.problem(Azure2019Test.five().withFunction("66032")));
    assertThat(p.hint()).startsWith("a prefix must have at least 6 characters");
  }

  @Test
  void ambiguousPrefixNamesTheCandidates() {
    // A prefix that starts several ids is refused, listing them.
    Path file = Traces.write(dir, "x_invocations.csv", header() + "\n" + row("abcdef01") + "\n" + row("abcdef02") + "\n", false);
    Problem p = only(Traces.problem(TraceQuery.of(Traces.AZURE_2019, file).withFunction("abcdef")));
    assertThat(p.message()).isEqualTo("function prefix 'abcdef' matches 2 functions: abcdef01, abcdef02");
  }

  @Test
  void unknownTriggerGetsASuggestion() {
    // A misspelt trigger is refused with the closest valid one.
    Problem p = only(Traces.problem(Azure2019Test.five().withTrigger("qeue")));
    assertThat(p.message()).isEqualTo("unknown trigger 'qeue'");
    assertThat(p.hint()).startsWith("did you mean 'queue'?");
  }

  @Test
  void triggerMatchingNoFunctionNamesTheTriggersPresent() {
    // A valid trigger that no function of the file has is reported with the triggers the file does have.
    Problem p = only(Traces.problem(Azure2019Test.five().withTrigger("timer")));
    assertThat(p.message()).endsWith("matches the selection (trigger timer)");
    assertThat(p.hint()).isEqualTo("triggers in the file: queue, event");
  }

  @Test
  void azure2021BadDurationIsReportedAtItsCell() {
    // A duration that is not a number is reported at its column, saying it should be seconds.
    Path file = Traces.write(dir, "a.csv", "app,func,end_timestamp,duration\na,f,1.5,0.5\na,f,2.5,slow\n", false);
    Problem p = only(Traces.problem(TraceQuery.of(Traces.AZURE_2021, file)));
    assertThat(p.where().line()).isEqualTo(3);
    assertThat(p.where().column()).isEqualTo(9);
    assertThat(p.message()).isEqualTo("expected the duration in seconds (a number), found 'slow'");
  }

  @Test
  void azure2021MissingColumnAndNegativeDuration() {
    // A header without 'duration' is refused on line 1; a negative duration at its cell.
    Path missing = Traces.write(dir, "m.csv", "app,func,end_timestamp\na,f,1\n", false);
    assertThat(only(Traces.problem(TraceQuery.of(Traces.AZURE_2021, missing))).message())
        .isEqualTo("missing column 'duration'; expected a header like: app,func,end_timestamp,duration");
    Path negative = Traces.write(dir, "n.csv", "app,func,end_timestamp,duration\na,f,1,-0.5\n", false);
    Problem p = only(Traces.problem(TraceQuery.of(Traces.AZURE_2021, negative)));
    assertThat(p.where().column()).isEqualTo(7);
    assertThat(p.message()).contains("zero or more");
  }

  @Test
  void csvBadTimestampAndMissingTimestampColumn() {
    // A timestamp that is neither a number nor ISO-8601 is reported at its cell; a log without one on line 1.
    Path bad = Traces.write(dir, "b.csv", "timestamp,duration_ms\n2024-05-01T12:00:00Z,5\nyesterday,5\n", false);
    Problem p = only(Traces.problem(TraceQuery.of("csv", bad)));
    assertThat(p.where().line()).isEqualTo(3);
    assertThat(p.where().column()).isEqualTo(1);
    assertThat(p.message()).contains("'yesterday'");
    assertThat(p.hint()).contains("ISO-8601");
    Path none = Traces.write(dir, "c.csv", "time,duration_ms\n1,5\n", false);
    assertThat(only(Traces.problem(TraceQuery.of("csv", none))).message()).startsWith("missing column 'timestamp'");
  }

  @Test
  void emptyAndMissingFiles() {
    // An empty file asks for the header, a header alone holds no invocations, a missing file is reported at the path's mark.
    Path empty = Traces.write(dir, "e.csv", "", false);
    assertThat(only(Traces.problem(TraceQuery.of("csv", empty))).message()).startsWith("the trace file is empty");
    Path header = Traces.write(dir, "h.csv", "timestamp\n", false);
    assertThat(only(Traces.problem(TraceQuery.of("csv", header))).message()).isEqualTo("the trace " + header + " holds no invocations");
    Path azure = Traces.write(dir, "x_invocations.csv", Azure2019Files4Test.header() + "\n", false);
    assertThat(only(Traces.problem(TraceQuery.of(Traces.AZURE_2019, azure))).message()).endsWith("holds no invocations");
    Problem p = only(Traces.problem(TraceQuery.of("csv", dir.resolve("nope.csv"))));
    assertThat(p.message()).isEqualTo("no such trace file: " + dir.resolve("nope.csv"));
  }

  @Test
  void truncatedGzipIsReportedAsCutShort() throws IOException {
    // A gzip file cut in the middle is bad input naming the file, not a crash.
    Path whole = Traces.copy("azure-functions-2021/Azure2021_200.csv", dir, "whole.csv", true);
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = Files.write(dir.resolve("cut.csv"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
    Problem p = only(Traces.problem(TraceQuery.of(Traces.AZURE_2021, cut)));
    assertThat(p.where().file()).isEqualTo(cut.toString());
    assertThat(p.where().line()).isPositive();
    assertThat(p.hint()).contains("gzip");
  }

  @Test
  void unknownFormatListsTheRegisteredOnes() {
    // A misspelt format fails with a did-you-mean and every registered format.
    assertThatThrownBy(() -> TraceFormats.bind(TraceQuery.of("azure-functions-2020", dir.resolve("x.csv"))))
        .isInstanceOf(SpecException.class)
        .satisfies(e -> assertThat(only((SpecException) e).hint())
            .isEqualTo("did you mean 'azure-functions-2021'? valid formats: azure-functions-2019, azure-functions-2021, csv, swf"));
  }

  @Test
  void durationsFileNamedButMissing() {
    // A durations file named in the query must exist; it is reported at its own mark.
    Problem p = only(Traces.problem(Azure2019Test.one().withDurations(dir.resolve("none.csv"))));
    assertThat(p.message()).isEqualTo("no such durations file: " + dir.resolve("none.csv"));
  }

  @Test
  void functionNotInTheSelectedApp() {
    // A function and an app that do not belong together are reported at the function.
    Path file = Azure2019Files4Test.invocations(dir, "x_invocations.csv",
        new Azure2019Files4Test.Row("o", "a1", "f1", "http", Map.of(1, 1)),
        new Azure2019Files4Test.Row("o", "a2", "f2", "http", Map.of(1, 1)));
    Problem p = only(Traces.problem(TraceQuery.of(Traces.AZURE_2019, file).withApp("a2").withFunction("f1")));
    assertThat(p.message()).isEqualTo("function 'f1' is not in app 'a2' in " + file);
  }
}
