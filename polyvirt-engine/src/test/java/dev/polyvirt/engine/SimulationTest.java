package dev.polyvirt.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationTest {
  private final Simulation sim = new Simulation(16);
  private final List<String> fired = new ArrayList<>();

  private EventHandler log(String name) {
    return payload -> fired.add(name + "@" + sim.now());
  }

  @Test
  void eventsFireInTimeOrderWithTheClockAtEachEventsTime() {
    // Events fire in increasing time, and now() equals the firing event's time while it runs.
    sim.at(30, log("c"), 0);
    sim.at(10, log("a"), 0);
    sim.at(20, log("b"), 0);
    sim.runUntil(Long.MAX_VALUE);
    assertThat(fired).containsExactly("a@10", "b@20", "c@30");
    assertThat(sim.eventsFired()).isEqualTo(3);
    assertThat(sim.pending()).isZero();
  }

  @Test
  void equalTimesFireInInsertionOrder() {
    // Ties are broken by scheduling order, including events scheduled by a handler for the same instant.
    sim.at(5, log("first"), 0);
    sim.at(5, p -> {
      fired.add("second@" + sim.now());
      sim.at(5, log("fromHandler"), 0);
    }, 0);
    sim.at(5, log("third"), 0);
    sim.at(1, log("early"), 0);
    sim.runUntil(10);
    assertThat(fired).containsExactly("early@1", "first@5", "second@5", "third@5", "fromHandler@5");
  }

  @Test
  void handlersReceiveTheirPayload() {
    // The payload given at scheduling reaches the handler unchanged.
    List<Long> payloads = new ArrayList<>();
    sim.at(1, payloads::add, 7L);
    sim.after(2, payloads::add, -3L);
    sim.runUntil(5);
    assertThat(payloads).containsExactly(7L, -3L);
  }

  @Test
  void afterSchedulesRelativeToNow() {
    // after(d) fires d nanoseconds after the current time, not after time zero.
    sim.runUntil(100);
    sim.after(50, log("x"), 0);
    sim.runUntil(1_000);
    assertThat(fired).containsExactly("x@150");
  }

  @Test
  void cancelRemovesExactlyThatEvent() {
    // Cancelling one of several events at the same instant removes only it, and reports success once.
    sim.at(10, log("a"), 0);
    long b = sim.at(10, log("b"), 0);
    sim.at(10, log("c"), 0);
    assertThat(sim.cancel(b)).isTrue();
    assertThat(sim.pending()).isEqualTo(2);
    assertThat(sim.cancel(b)).isFalse();
    sim.runUntil(100);
    assertThat(fired).containsExactly("a@10", "c@10");
  }

  @Test
  void cancelOfAFiredEventReturnsFalse() {
    // A handle whose event already fired cancels nothing.
    long h = sim.at(10, log("a"), 0);
    sim.runUntil(10);
    assertThat(sim.cancel(h)).isFalse();
  }

  @Test
  void handlerCannotCancelItselfWhileFiring() {
    // While an event runs its own handle is already spent.
    long[] self = new long[1];
    boolean[] result = {true};
    self[0] = sim.at(10, p -> result[0] = sim.cancel(self[0]), 0);
    sim.runUntil(10);
    assertThat(result[0]).isFalse();
  }

  @Test
  void staleHandleFromAReusedSlotDoesNotCancelTheNewEvent() {
    // A slot freed by firing or cancelling is reused, but the old handle must not reach the new occupant.
    long fired1 = sim.at(10, log("old"), 0);
    sim.runUntil(10);
    long next = sim.at(20, log("new"), 0);
    assertThat((int) next).as("slot reused").isEqualTo((int) fired1);
    assertThat(sim.cancel(fired1)).isFalse();
    sim.runUntil(20);

    long cancelled = sim.at(30, log("gone"), 0);
    sim.at(40, log("later"), 0);
    assertThat(sim.cancel(cancelled)).isTrue();
    sim.runUntil(35); // the cancelled event reaches the top of the queue here and gives its slot back
    long reuse = sim.at(50, log("kept"), 0);
    assertThat((int) reuse).as("slot reused").isEqualTo((int) cancelled);
    assertThat(sim.cancel(cancelled)).isFalse();

    sim.runUntil(100);
    assertThat(fired).containsExactly("old@10", "new@20", "later@40", "kept@50");
  }

  @Test
  void forgedHandlesAreRejected() {
    // Handles that were never issued cancel nothing.
    sim.at(10, log("a"), 0);
    assertThat(sim.cancel(-1)).isFalse();
    assertThat(sim.cancel(5)).isFalse();
    assertThat(sim.cancel(1L << 32)).isFalse();
    assertThat(sim.pending()).isEqualTo(1);
  }

  @Test
  void schedulingInThePastThrows() {
    // Once the clock has moved, an event before now() is refused.
    sim.runUntil(100);
    assertThatThrownBy(() -> sim.at(99, log("x"), 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sim.after(-1, log("x"), 0)).isInstanceOf(IllegalArgumentException.class);
    sim.at(100, log("now"), 0);
    sim.runUntil(100);
    assertThat(fired).containsExactly("now@100");
  }

  @Test
  void runUntilStopsAtTheBoundInclusiveAndAdvancesTheClock() {
    // runUntil fires events at or before the bound, leaves later ones pending and sets now() to the bound.
    sim.at(10, log("a"), 0);
    sim.at(20, log("b"), 0);
    sim.at(30, log("c"), 0);
    sim.runUntil(20);
    assertThat(fired).containsExactly("a@10", "b@20");
    assertThat(sim.now()).isEqualTo(20);
    assertThat(sim.pending()).isEqualTo(1);
    sim.runUntil(25);
    assertThat(sim.now()).isEqualTo(25);
    assertThat(sim.pending()).isEqualTo(1);
    sim.runUntil(100);
    assertThat(fired).containsExactly("a@10", "b@20", "c@30");
    assertThat(sim.now()).isEqualTo(100);
  }

  @Test
  void runUntilOnAnEmptyQueueStillAdvancesTheClock() {
    // With nothing pending, time still moves to the bound (but never backwards).
    sim.runUntil(500);
    assertThat(sim.now()).isEqualTo(500);
    sim.runUntil(200);
    assertThat(sim.now()).isEqualTo(500);
  }

  @Test
  void runUntilForeverLeavesTheClockAtTheLastEvent() {
    // Running to Long.MAX_VALUE drains the queue without jumping the clock to the end of time.
    sim.at(42, log("a"), 0);
    sim.runUntil(Long.MAX_VALUE);
    assertThat(sim.now()).isEqualTo(42);
  }

  @Test
  void manyEventsBeyondTheInitialCapacityAllFireInOrder() {
    // Growing the queue past its initial capacity keeps every event and the ordering.
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) sim.at((i * 7919L) % 1_000, p -> times.add(sim.now()), i);
    sim.runUntil(Long.MAX_VALUE);
    assertThat(times).hasSize(1_000).isSorted();
  }
}
