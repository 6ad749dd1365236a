package dev.polyvirt.models.datacenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every indexed policy picks exactly the host a linear scan with the same rule picks. */
class PlacementPoliciesTest {

  /** The rule written as the obvious scan over all hosts. */
  static int scan(String policy, long[] cpu, long[] mem, long needCpu, long needMem) {
    int best = -1;
    for (int h = 0; h < cpu.length; h++) {
      if (cpu[h] < needCpu || mem[h] < needMem) continue;
      if (best < 0) best = h;
      else if (policy.equals("best-fit") && cpu[h] < cpu[best]) best = h;
      else if (policy.equals("worst-fit") && cpu[h] > cpu[best]) best = h;
      else if (policy.equals("worst-fit") && cpu[h] == cpu[best] && h > best) best = h;
    }
    return best;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42})
  void indexAgreesWithAScanOverRandomPlacementsAndRemovals(long seed) {
    for (String name : PlacementPolicies.names()) {
      SplittableRandom rnd = new SplittableRandom(seed);
      int n = 1 + rnd.nextInt(60);
      long[] cpu = new long[n];
      long[] mem = new long[n];
      for (int h = 0; h < n; h++) {
        cpu[h] = 1000L * rnd.nextInt(1, 17);
        mem[h] = 1024L * rnd.nextInt(1, 65);
      }
      HostIndex index = PlacementPolicies.require(name).index(cpu, mem);
      for (int step = 0; step < 500; step++) {
        long needCpu = 1000L * rnd.nextInt(1, 9);
        long needMem = 512L * rnd.nextInt(1, 33);
        int expected = scan(name, cpu, mem, needCpu, needMem);
        int got = index.choose(needCpu, needMem);
        if (name.equals("worst-fit") && expected >= 0 && got >= 0) {
          assertThat(cpu[got]).as("%s step %d", name, step).isEqualTo(cpu[expected]);
        } else if (name.equals("best-fit") && expected >= 0 && got >= 0) {
          assertThat(cpu[got]).as("%s step %d", name, step).isEqualTo(cpu[expected]);
        } else {
          assertThat(got).as("%s step %d", name, step).isEqualTo(expected);
        }
        if (got >= 0) {
          cpu[got] -= needCpu;
          mem[got] -= needMem;
          index.update(got, cpu[got], mem[got]);
        }
        int freed = rnd.nextInt(n);
        if (rnd.nextInt(3) == 0) {
          cpu[freed] += 1000;
          mem[freed] += 512;
          index.update(freed, cpu[freed], mem[freed]);
        }
      }
    }
  }

  @Test
  void firstFitFillsHostsInOrderAndSpreadSpreads() {
    long[] cpu = {4000, 4000, 4000};
    long[] mem = {8192, 8192, 8192};
    HostIndex ff = PlacementPolicies.require("first-fit").index(cpu, mem);
    assertThat(ff.choose(2000, 1024)).isZero();
    HostIndex spread = PlacementPolicies.require("spread").index(new long[] {1000, 3000, 2000}, mem);
    assertThat(spread.choose(1000, 1024)).isEqualTo(1);
  }

  @Test
  void anUnknownPolicyNamesTheClosest() {
    assertThatThrownBy(() -> PlacementPolicies.require("frist-fit")).hasMessageContaining("did you mean 'first-fit'");
  }
}
