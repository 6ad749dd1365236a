package dev.polyvirt.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.engine.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The prototype queue must fire exactly what the kernel fires, in the same order. */
class KeyedEventQueueTest {

  @Test
  void firesInTheKernelsOrderWithTiesAndCancels() {
    Simulation sim = new Simulation(4);
    KeyedEventQueue keyed = new KeyedEventQueue(4);
    List<Long> a = new ArrayList<>(), b = new ArrayList<>();
    SplittableRandom rng = new SplittableRandom(7);
    List<long[]> handles = new ArrayList<>();
    long id = 0;
    for (int round = 0; round < 200; round++) {
      for (int i = 0; i < 50; i++) {
        long t = sim.now() + rng.nextInt(20); // many equal times
        long p = id++;
        handles.add(new long[] {sim.at(t, a::add, p), keyed.at(t, b::add, p)});
      }
      for (int i = 0; i < 10 && !handles.isEmpty(); i++) {
        long[] h = handles.remove(rng.nextInt(handles.size()));
        assertThat(keyed.cancel(h[1])).isEqualTo(sim.cancel(h[0]));
      }
      long until = sim.now() + rng.nextInt(15);
      sim.runUntil(until);
      keyed.runUntil(until);
      assertThat(keyed.now()).isEqualTo(sim.now());
      assertThat(keyed.size()).isEqualTo(sim.pending());
    }
    sim.runUntil(Long.MAX_VALUE);
    keyed.runUntil(Long.MAX_VALUE);
    assertThat(b).isEqualTo(a);
    assertThat(a).hasSizeGreaterThan(5000);
  }
}
