package dev.polyvirt.dashboard;

import dev.polyvirt.results.RunId;
import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A spec run started from the dashboard: how many of its workload × model simulations are done,
 * then the stored run's id or why it failed. Browsers follow it as server-sent events
 * ({@code progress}, then {@code done} or {@code failed}); one that connects late, or reconnects,
 * first gets the current state.
 */
final class PlanJob {
  private final String id;
  private final int total;
  private final List<SseClient> followers = new CopyOnWriteArrayList<>();
  private int done;
  private String last = "";
  private Optional<RunId> run = Optional.empty();
  private Optional<String> failure = Optional.empty();

  PlanJob(String id, int total) {
    this.id = id;
    this.total = total;
  }

  String id() {
    return id;
  }

  int total() {
    return total;
  }

  /** Records one finished simulation ({@code what}: "workload on model") and tells the followers. */
  synchronized void advanced(String what) {
    done++;
    last = what;
    followers.forEach(this::sendProgress);
  }

  /** Records the stored run and ends every follower's stream. */
  synchronized void finished(RunId stored) {
    run = Optional.of(stored);
    followers.forEach(this::sendEnd);
    followers.clear();
  }

  /** Records why the run failed and ends every follower's stream. */
  synchronized void failed(String message) {
    failure = Optional.of(message);
    followers.forEach(this::sendEnd);
    followers.clear();
  }

  /** Starts streaming to {@code client}: the current state, then every change until the end. */
  synchronized void follow(SseClient client) {
    sendProgress(client);
    if (run.isPresent() || failure.isPresent()) {
      sendEnd(client);
      return;
    }
    followers.add(client);
    client.onClose(() -> followers.remove(client));
  }

  /** Sends a comment line to every follower, so idle connections are not closed while a long simulation runs. */
  synchronized void heartbeat() {
    for (SseClient c : followers) {
      try {
        c.sendComment("running");
      } catch (RuntimeException e) {
        followers.remove(c); // the browser went away
      }
    }
  }

  /** Returns the stored run, once there is one. */
  synchronized Optional<RunId> run() {
    return run;
  }

  private void sendProgress(SseClient c) {
    c.sendEvent("progress", "{\"done\":" + done + ",\"total\":" + total + ",\"last\":" + Json.string(last) + "}");
  }

  private void sendEnd(SseClient c) {
    if (run.isPresent()) c.sendEvent("done", "{\"run\":" + Json.string(run.get().value()) + "}");
    else c.sendEvent("failed", "{\"message\":" + Json.string(failure.orElse("")) + "}");
    c.close();
  }
}
