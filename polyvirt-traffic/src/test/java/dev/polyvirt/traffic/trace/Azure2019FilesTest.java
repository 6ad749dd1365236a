package dev.polyvirt.traffic.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.spec.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the three Azure 2019 files are found: published day names, name replacement, folders, gzip. */
class Azure2019FilesTest {
  @TempDir Path dir;

  private void publishedDay(int day, boolean gzip) {
    String suffix = gzip ? ".csv.gz" : ".csv";
    Traces.copy("azure-functions-2019/1_invocations.csv", dir, String.format("invocations_per_function_md.anon.d%02d.csv", day), false);
    Traces.copy("azure-functions-2019/1_durations.csv", dir, String.format("function_durations_percentiles.anon.d%02d", day) + suffix, gzip);
    Traces.copy("azure-functions-2019/1_memory.csv", dir, String.format("app_memory_percentiles.anon.d%02d", day) + suffix, gzip);
  }

  @Test
  void folderAndDayPickThePublishedFiles() {
    // path: a folder with day: 3 reads invocations_per_function_md.anon.d03.csv and that day's durations and memory.
    publishedDay(3, false);
    TraceTraffic t = Traces.bind(TraceQuery.of(Traces.AZURE_2019, dir).withDay(3));
    assertThat(t.describe()).contains("invocations_per_function_md.anon.d03.csv");
    assertThat(t.duration()).isPresent();
    assertThat(t.memoryBytes()).hasValue(232L << 20);
  }

  @Test
  void publishedFileNameGivesTheDayOfItsCompanionsEvenGzipped() {
    // A published invocations file's dNN finds that day's companions, also when they are gzipped.
    publishedDay(5, true);
    TraceTraffic t = Traces.bind(TraceQuery.of(Traces.AZURE_2019, dir.resolve("invocations_per_function_md.anon.d05.csv")));
    assertThat(t.duration()).isPresent();
    assertThat(t.memoryBytes()).isPresent();
  }

  @Test
  void folderWithOneInvocationsFileNeedsNoDay() {
    // A folder holding a single invocations file needs no day; companions are found by replacing "invocations".
    Traces.copy("azure-functions-2019/1_invocations.csv", dir, "1_invocations.csv", false);
    Traces.copy("azure-functions-2019/1_durations.csv", dir, "1_durations.csv", false);
    TraceTraffic t = Traces.bind(TraceQuery.of(Traces.AZURE_2019, dir));
    assertThat(t.duration()).isPresent();
    assertThat(t.memoryBytes()).isEmpty();
  }

  @Test
  void folderWithSeveralInvocationsFilesAsksForADay() {
    // A folder holding several invocations files is ambiguous without day: the problem names them.
    Problem p = Traces.problem(TraceQuery.of(Traces.AZURE_2019, Traces.resource("azure-functions-2019"))).problems().get(0);
    assertThat(p.message()).startsWith("2 invocations files in ");
    assertThat(p.hint()).isEqualTo("add day: N or name one file in path: 1_invocations.csv, 5_invocations.csv");
  }

  @Test
  void missingDayAndConflictingDay() {
    // A day whose file is not in the folder, or a day that contradicts the file named, is refused.
    publishedDay(3, false);
    assertThat(Traces.problem(TraceQuery.of(Traces.AZURE_2019, dir).withDay(7)).problems().get(0).message())
        .isEqualTo("no invocations_per_function_md.anon.d07.csv in " + dir);
    assertThat(Traces.problem(TraceQuery.of(Traces.AZURE_2019, dir.resolve("invocations_per_function_md.anon.d03.csv")).withDay(4))
        .problems().get(0).message()).isEqualTo("day: 4 but path names day 3's file invocations_per_function_md.anon.d03.csv");
  }

  @Test
  void namedCompanionsOverrideTheOnesBeside() throws Exception {
    // durations: and memory: name the files to read, wherever they are.
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Path durations = Traces.copy("azure-functions-2019/1_durations.csv", elsewhere, "d.csv", false);
    Path memory = Traces.copy("azure-functions-2019/1_memory.csv", elsewhere, "m.csv", false);
    Path invocations = Traces.copy("azure-functions-2019/1_invocations.csv", dir, "day.csv", false);
    TraceTraffic t = Traces.bind(TraceQuery.of(Traces.AZURE_2019, invocations).withDurations(durations).withMemory(memory));
    assertThat(t.duration().orElseThrow().quantileNanos(0.5)).isEqualTo(4e6);
    assertThat(t.memoryBytes()).hasValue(232L << 20);
  }
}
