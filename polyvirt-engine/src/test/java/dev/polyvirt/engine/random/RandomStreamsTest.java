package dev.polyvirt.engine.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RandomStreamsTest {
  private static long[] draw(UniformRandomProvider rng, int n) {
    long[] out = new long[n];
    for (int i = 0; i < n; i++) out[i] = rng.nextLong();
    return out;
  }

  private static double correlation(UniformRandomProvider a, UniformRandomProvider b, int n) {
    double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
    for (int i = 0; i < n; i++) {
      double x = a.nextDouble(), y = b.nextDouble();
      sa += x;
      sb += y;
      saa += x * x;
      sbb += y * y;
      sab += x * y;
    }
    double cov = sab / n - (sa / n) * (sb / n);
    return cov / Math.sqrt((saa / n - (sa / n) * (sa / n)) * (sbb / n - (sb / n) * (sb / n)));
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 42, -7, Long.MAX_VALUE})
  void sameSeedAndPathGiveTheSameSequence(long seed) {
    // A stream is a pure function of (seed, path): two lookups replay the same numbers.
    long[] a = draw(RandomStreams.root(seed).child("workload:api").child("model:faas").stream("arrivals"), 100);
    long[] b = draw(RandomStreams.root(seed).child("workload:api").child("model:faas").stream("arrivals"), 100);
    assertThat(a).isEqualTo(b);
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 42, -7, Long.MAX_VALUE})
  void differentNamesAndSeedsGiveDifferentSequences(long seed) {
    // Sibling names, and the same name under neighbouring seeds, give unrelated sequences.
    RandomStreams root = RandomStreams.root(seed);
    assertThat(draw(root.stream("arrivals"), 8)).isNotEqualTo(draw(root.stream("durations"), 8));
    assertThat(draw(root.stream("a"), 8)).isNotEqualTo(draw(RandomStreams.root(seed + 1).stream("a"), 8));
    int n = 20_000;
    assertThat(correlation(root.stream("arrivals"), root.stream("durations"), n)).isCloseTo(0, within(4 / Math.sqrt(n)));
    assertThat(correlation(root.stream("a"), RandomStreams.root(seed + 1).stream("a"), n)).isCloseTo(0, within(4 / Math.sqrt(n)));
  }

  @Test
  void manyNamesGiveDistinctStreams() {
    // A thousand workloads under one seed get a thousand distinct first draws (no seed collisions).
    RandomStreams root = RandomStreams.root(42);
    Set<Long> first = new HashSet<>();
    for (int i = 0; i < 1_000; i++) first.add(root.child("workload:w" + i).stream("arrivals").nextLong());
    assertThat(first).hasSize(1_000);
  }

  @Test
  void aStreamDoesNotDependOnWhichStreamsWereCreatedBefore() {
    // Creating and consuming other streams first leaves a stream's numbers unchanged (order independence).
    long[] alone = draw(RandomStreams.root(7).child("workload:b").stream("arrivals"), 50);
    RandomStreams root = RandomStreams.root(7);
    draw(root.child("workload:a").stream("arrivals"), 1_000);
    draw(root.child("workload:c").stream("durations"), 10);
    UniformRandomProvider b = root.child("workload:b").stream("arrivals");
    draw(root.child("workload:a").stream("arrivals"), 1_000);
    assertThat(draw(b, 50)).isEqualTo(alone);
  }

  @Test
  void childPathsDifferFromSiblingNames() {
    // root/a/x differs from root/a, root/x, root/b/x and root/x/a: the whole path, in order, seeds a stream.
    RandomStreams root = RandomStreams.root(3);
    long[] ax = draw(root.child("a").stream("x"), 8);
    assertThat(ax).isNotEqualTo(draw(root.stream("a"), 8));
    assertThat(ax).isNotEqualTo(draw(root.stream("x"), 8));
    assertThat(ax).isNotEqualTo(draw(root.child("b").stream("x"), 8));
    assertThat(ax).isNotEqualTo(draw(root.child("x").stream("a"), 8));
    assertThat(ax).isNotEqualTo(draw(root.child("a").child("x").stream("x"), 8));
  }

  @Test
  void pathNamesTheFamily() {
    // path() shows the names from the root, for diagnostics.
    assertThat(RandomStreams.root(1).path()).isEmpty();
    assertThat(RandomStreams.root(1).child("workload:api").child("model:faas").path()).isEqualTo("/workload:api/model:faas");
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void drawsAreUniform(long seed) {
    // nextDouble of a derived stream has mean 1/2 and variance 1/12, each within 4 standard errors.
    UniformRandomProvider rng = RandomStreams.root(seed).child("w").stream("s");
    int n = 50_000;
    double sum = 0, sumSq = 0;
    for (int i = 0; i < n; i++) {
      double u = rng.nextDouble();
      sum += u;
      sumSq += u * u;
    }
    assertThat(sum / n).isCloseTo(0.5, within(4 * Math.sqrt(1.0 / 12 / n)));
    assertThat(sumSq / n).isCloseTo(1.0 / 3, within(4 * Math.sqrt(4.0 / 45 / n)));
  }
}
