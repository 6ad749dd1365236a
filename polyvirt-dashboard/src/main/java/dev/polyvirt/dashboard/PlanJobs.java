package dev.polyvirt.dashboard;

import dev.polyvirt.planner.BoundPortfolio;
import dev.polyvirt.planner.Plan;
import dev.polyvirt.planner.Planner;
import dev.polyvirt.report.HtmlReport;
import dev.polyvirt.report.JsonReport;
import dev.polyvirt.results.RunId;
import dev.polyvirt.results.RunSource;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the specs submitted to the dashboard, one at a time (each already uses every core), the
 * way {@code polyvirt plan} does: simulate, render results.json and report.html, store the run.
 */
final class PlanJobs implements AutoCloseable {
  /** Finished jobs kept for late followers; older ones are forgotten (their runs stay stored). */
  private static final int KEPT = 100;
  private final Workspace workspace;
  private final int threads;
  private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "polyvirt-dashboard-plan");
    t.setDaemon(true);
    return t;
  });
  /**
   * Seconds between heartbeats on open progress streams: below Jetty's 30 s idle timeout, so a
   * simulation that runs longer without finishing anything does not drop the browser's stream.
   */
  private static final long HEARTBEAT_SECONDS = 15;
  private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "polyvirt-dashboard-heartbeat");
    t.setDaemon(true);
    return t;
  });
  private final AtomicLong next = new AtomicLong(1);
  private final Map<String, PlanJob> jobs = Collections.synchronizedMap(new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, PlanJob> eldest) {
      return size() > KEPT;
    }
  });

  PlanJobs(Workspace workspace, int threads) {
    this.workspace = workspace;
    this.threads = threads;
    heartbeat.scheduleAtFixedRate(this::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
  }

  private void beat() {
    List<PlanJob> all;
    synchronized (jobs) {
      all = List.copyOf(jobs.values());
    }
    for (PlanJob job : all) {
      try {
        job.heartbeat();
      } catch (RuntimeException e) {
        // one broken stream must not stop the heartbeats of the others (a scheduled task that throws is never run again)
      }
    }
  }

  /** Queues {@code portfolio} (already validated) for planning; returns its job. */
  PlanJob submit(BoundPortfolio portfolio, RunSource source) {
    int total = portfolio.workloads().stream().mapToInt(w -> w.candidates().size()).sum();
    PlanJob job = new PlanJob("job-" + next.getAndIncrement(), total);
    jobs.put(job.id(), job);
    runner.submit(() -> run(job, portfolio, source));
    return job;
  }

  /** Returns the job called {@code id}, if it is known. */
  Optional<PlanJob> get(String id) {
    return Optional.ofNullable(jobs.get(id));
  }

  private void run(PlanJob job, BoundPortfolio portfolio, RunSource source) {
    try {
      Plan plan = new Planner(threads, job::advanced).plan(portfolio, Set.of());
      RunId id = workspace.results().store(plan, source,
          Map.of("results.json", JsonReport.render(plan), "report.html", HtmlReport.render(plan)));
      job.finished(id);
    } catch (InterruptedException e) {
      job.failed("the dashboard stopped before the run finished");
      Thread.currentThread().interrupt();
    } catch (Exception | Error e) {
      job.failed("the run failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }
  }

  @Override
  public void close() {
    runner.shutdownNow();
    heartbeat.shutdownNow();
  }
}
