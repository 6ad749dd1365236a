package dev.polyvirt.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventQueueTest {
  /** One reference event: its time, insertion sequence and id (carried as the payload). */
  private record Ref(long time, long seq, long id) {}

  private long lastFired;
  private final EventHandler record = p -> lastFired = p;

  /** Polls the earliest event and fires it, returning its payload. */
  private long pollAndFire(EventQueue q) {
    int slot = q.pollSlot();
    lastFired = Long.MIN_VALUE;
    q.fire(slot);
    return lastFired;
  }

  @Test
  void pollsByTimeThenInsertionOrder() {
    // The queue yields (time, insertion sequence) order whatever the insertion order of times.
    EventQueue q = new EventQueue(4);
    q.add(3, record, 0);
    q.add(1, record, 1);
    q.add(3, record, 2);
    q.add(2, record, 3);
    q.add(1, record, 4);
    List<Long> out = new ArrayList<>();
    while (!q.isEmpty()) {
      out.add(q.peekTime());
      out.add(pollAndFire(q));
    }
    assertThat(out).containsExactly(1L, 1L, 1L, 4L, 2L, 3L, 3L, 0L, 3L, 2L);
  }

  @Test
  void cancelReturnsFalseForCancelledFiredAndStaleHandles() {
    // Each handle cancels at most once, and never after its slot was recycled for another event.
    EventQueue q = new EventQueue(16);
    long a = q.add(5, record, 1);
    q.add(10, record, 2);
    assertThat(q.cancel(a)).isTrue();
    assertThat(q.cancel(a)).isFalse();
    assertThat(q.size()).isEqualTo(1);
    assertThat(q.peekTime()).isEqualTo(10); // the cancelled event no longer shows
    long b = q.add(6, record, 3);
    assertThat((int) b).as("slot reused").isEqualTo((int) a);
    assertThat(q.cancel(a)).isFalse();
    assertThat(q.size()).isEqualTo(2);
    assertThat(pollAndFire(q)).isEqualTo(3);
    assertThat(q.cancel(b)).isFalse();
    assertThat(pollAndFire(q)).isEqualTo(2);
    assertThat(q.isEmpty()).isTrue();
  }

  @Test
  void aNullHandlerIsRefused() {
    // Every pending event must be able to fire, so a missing handler is refused at scheduling.
    EventQueue q = new EventQueue(16);
    assertThatThrownBy(() -> q.add(1, null, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(q.isEmpty()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void massCancellationKeepsOrderAndRecyclesSlots(long seed) {
    // Cancelling most of a large queue (enough to force any clean-up of cancelled entries) keeps the
    // survivors in (time, seq) order, every spent handle stays spent, and the freed slots are reused.
    Random rnd = new Random(seed);
    EventQueue q = new EventQueue(16);
    PriorityQueue<Ref> ref = new PriorityQueue<>((x, y) ->
        x.time != y.time ? Long.compare(x.time, y.time) : Long.compare(x.seq, y.seq));
    Map<Long, Ref> byHandle = new HashMap<>();
    List<Long> handles = new ArrayList<>();
    long seq = 0;
    for (int i = 0; i < 6_000; i++) {
      long t = rnd.nextInt(1_000);
      long h = q.add(t, record, i);
      Ref r = new Ref(t, seq++, i);
      ref.add(r);
      byHandle.put(h, r);
      handles.add(h);
    }
    Collections.shuffle(handles, rnd);
    List<Long> spent = new ArrayList<>(handles.subList(0, 5_000));
    for (long h : spent) {
      assertThat(q.cancel(h)).isTrue();
      ref.remove(byHandle.get(h));
    }
    assertThat(q.size()).isEqualTo(1_000);
    Set<Integer> spentSlots = new HashSet<>();
    for (long h : spent) spentSlots.add((int) h);
    int reused = 0;
    for (int i = 0; i < 3_000; i++) {
      long t = 1_000 + rnd.nextInt(1_000);
      long h = q.add(t, record, 10_000 + i);
      if (spentSlots.contains((int) h)) reused++;
      ref.add(new Ref(t, seq++, 10_000 + i));
    }
    assertThat(reused).as("cancelled slots were recycled").isPositive();
    for (long h : spent) assertThat(q.cancel(h)).isFalse();
    assertThat(q.size()).isEqualTo(ref.size());
    while (!ref.isEmpty()) assertThat(pollAndFire(q)).isEqualTo(ref.poll().id);
    assertThat(q.isEmpty()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 2024, 31337})
  void behavesLikeAPriorityQueueUnderRandomAddCancelPoll(long seed) {
    // Under any mix of add/cancel/poll the queue yields exactly what a (time, seq) PriorityQueue yields,
    // growing well past its initial capacity, and stale handles never cancel anything.
    Random rnd = new Random(seed);
    EventQueue q = new EventQueue(16);
    PriorityQueue<Ref> ref = new PriorityQueue<>((x, y) ->
        x.time != y.time ? Long.compare(x.time, y.time) : Long.compare(x.seq, y.seq));
    Map<Long, Ref> live = new HashMap<>();
    Map<Long, Long> handles = new HashMap<>();
    List<Long> liveIds = new ArrayList<>();
    List<Long> deadHandles = new ArrayList<>();
    long nextSeq = 0;
    long nextId = 0;
    int maxSize = 0;
    Set<Integer> deadSlots = new HashSet<>();
    int reusedSlots = 0;
    for (int step = 0; step < 20_000; step++) {
      // three phases: mostly growing, balanced, mostly draining
      int phase = step * 3 / 20_000;
      double addP = phase == 0 ? 0.75 : phase == 1 ? 0.45 : 0.2;
      double r = rnd.nextDouble();
      if (r < addP || ref.isEmpty()) {
        long time = rnd.nextInt(200); // a small range forces many ties
        long id = nextId++;
        long h = q.add(time, record, id);
        if (deadSlots.contains((int) h)) reusedSlots++;
        Ref e = new Ref(time, nextSeq++, id);
        ref.add(e);
        live.put(id, e);
        handles.put(id, h);
        liveIds.add(id);
      } else if (r < addP + (1 - addP) / 2) {
        if (!deadHandles.isEmpty() && rnd.nextInt(4) == 0) {
          assertThat(q.cancel(deadHandles.get(rnd.nextInt(deadHandles.size())))).isFalse();
        } else {
          int i = rnd.nextInt(liveIds.size());
          long id = liveIds.get(i);
          liveIds.set(i, liveIds.get(liveIds.size() - 1));
          liveIds.remove(liveIds.size() - 1);
          assertThat(q.cancel(handles.get(id))).isTrue();
          ref.remove(live.remove(id));
          deadHandles.add(handles.get(id));
          deadSlots.add((int) (long) handles.remove(id));
        }
      } else {
        Ref expected = ref.poll();
        assertThat(q.peekTime()).isEqualTo(expected.time);
        assertThat(pollAndFire(q)).isEqualTo(expected.id);
        live.remove(expected.id);
        liveIds.remove(Long.valueOf(expected.id));
        deadHandles.add(handles.get(expected.id));
        deadSlots.add((int) (long) handles.remove(expected.id));
      }
      assertThat(q.size()).isEqualTo(ref.size());
      maxSize = Math.max(maxSize, q.size());
    }
    assertThat(maxSize).as("grew beyond the initial capacity").isGreaterThan(1_000);
    assertThat(reusedSlots).as("slots were recycled, so stale handles were tested").isPositive();
    while (!ref.isEmpty()) assertThat(pollAndFire(q)).isEqualTo(ref.poll().id);
    assertThat(q.isEmpty()).isTrue();
  }
}
