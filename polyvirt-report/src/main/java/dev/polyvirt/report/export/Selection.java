package dev.polyvirt.report.export;

import dev.polyvirt.models.Candidate;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.planner.Plan;
import dev.polyvirt.planner.WorkloadPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which placements an export writes: every workload the planner recommended the target's model
 * for; or, when the user names a workload, that workload on the target's model whatever was
 * recommended (provided the model could host it). {@code skipped} says why the others were left out.
 */
public record Selection(List<Placement> placements, List<String> skipped) {
  /** A workload the user named that cannot be exported to the target. */
  public static final class NotExportable extends RuntimeException {
    NotExportable(String message) {
      super(message);
    }
  }

  /** Selects the placements of {@code plan} for {@code target}, only {@code workload} when given. */
  public static Selection of(Plan plan, ExportTarget target, Optional<String> workload) {
    List<Placement> chosen = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    if (workload.isPresent()) {
      WorkloadPlan w = plan.workloads().stream().filter(x -> x.workload().workload().name().equals(workload.get())).findFirst()
          .orElseThrow(() -> new NotExportable("--workload: no workload '" + workload.get() + "'; workloads: "
              + String.join(", ", plan.workloads().stream().map(x -> x.workload().workload().name()).toList())));
      ModelResult r = result(w, target.model()).orElseThrow(() -> new NotExportable("--workload " + workload.get() + ": "
          + target.model() + " (what --target " + target.name() + " deploys) is not a candidate of this workload"));
      if (r.figures().isEmpty()) {
        throw new NotExportable("--workload " + workload.get() + ": " + target.model() + " cannot host it: "
            + String.join("; ", r.infeasibleReasons()));
      }
      chosen.add(placement(w, r, target));
      return new Selection(chosen, skipped);
    }
    for (WorkloadPlan w : plan.workloads()) {
      String name = w.workload().workload().name();
      Optional<String> rec = w.recommendation().model();
      if (rec.isPresent() && rec.get().equals(target.model())) {
        chosen.add(placement(w, result(w, target.model()).orElseThrow(), target));
      } else {
        skipped.add(name + ": recommended " + rec.orElse("nothing") + ", not " + target.model());
      }
    }
    return new Selection(chosen, skipped);
  }

  private static Optional<ModelResult> result(WorkloadPlan w, String model) {
    return w.results().stream().filter(r -> r.model().equals(model)).findFirst();
  }

  private static Placement placement(WorkloadPlan w, ModelResult r, ExportTarget target) {
    Object settings = w.workload().candidates().stream().filter(c -> c.name().equals(target.model())).findFirst()
        .map(Candidate::settings).orElseThrow();
    return new Placement(w.workload().workload(), settings, r, w.workload().horizonNanos(),
        w.recommendation().model().filter(target.model()::equals).isPresent());
  }
}
