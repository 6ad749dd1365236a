package dev.polyvirt.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Run ids sort by time, hash spec and seed together, and are safe as folder names and SQL literals. */
class RunIdTest {
  static final Instant T = Instant.parse("2026-11-22T12:45:12.789Z");

  @Test
  void anIdIsTheUtcSecondAndAHashOfSpecAndSeed() {
    RunId id = RunId.of(T, "name: x\n", 42);
    assertThat(id.value()).matches("20261122T124512Z-[0-9a-f]{8}");
    assertThat(RunId.of(T.plusMillis(100), "name: x\n", 42)).isEqualTo(id);
    assertThat(RunId.of(T, "name: x\n", 43).value()).isNotEqualTo(id.value());
    assertThat(RunId.of(T, "name: y\n", 42).value()).isNotEqualTo(id.value());
    assertThat(RunId.of(T.plusSeconds(1), "name: a\n", 1)).isGreaterThan(id);
  }

  @Test
  void suffixesNumberRunsOfTheSameSecondAndSpec() {
    RunId id = RunId.of(T, "s", 1);
    assertThat(id.withSuffix(2).value()).isEqualTo(id.value() + "-2");
    assertThat(id.withSuffix(2).withSuffix(3).value()).isEqualTo(id.value() + "-3");
  }

  @Test
  void onlyTheShapeIsAccepted() {
    for (String bad : new String[] {"../x", "20261122T124512Z-3f9a2c1b/..", "20261122T124512Z-3f9a2c1b'", "", "20261122T124512Z-3F9A2C1B"}) {
      assertThat(RunId.valid(bad)).as(bad).isFalse();
      assertThatThrownBy(() -> new RunId(bad)).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(RunId.valid(null)).isFalse();
  }
}
