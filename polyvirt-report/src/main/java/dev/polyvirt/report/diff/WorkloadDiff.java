package dev.polyvirt.report.diff;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One workload compared between run A and run B: its recommendation in each (empty when the run
 * has none or lacks the workload) and the figures of each run's recommended model, which is what
 * the placement costs and delivers before and after.
 */
public record WorkloadDiff(String name, boolean inA, boolean inB, Optional<String> fromModel, Optional<String> toModel,
    Optional<RunResults.Figures> from, Optional<RunResults.Figures> to, Optional<RunResults.Workload> a,
    Optional<RunResults.Workload> b) {

  /** Returns true when both runs have the workload and recommend different models (or one recommends none). */
  public boolean flipped() {
    return inA && inB && !fromModel.equals(toModel);
  }

  /** Compares every workload of either run, those of A first in A's order, then those only in B. */
  public static List<WorkloadDiff> compare(RunResults a, RunResults b) {
    Set<String> names = new LinkedHashSet<>();
    a.workloads().forEach(w -> names.add(w.name()));
    b.workloads().forEach(w -> names.add(w.name()));
    List<WorkloadDiff> out = new ArrayList<>();
    for (String n : names) {
      Optional<RunResults.Workload> wa = a.workload(n), wb = b.workload(n);
      out.add(new WorkloadDiff(n, wa.isPresent(), wb.isPresent(), wa.flatMap(RunResults.Workload::recommended),
          wb.flatMap(RunResults.Workload::recommended), wa.flatMap(RunResults.Workload::chosen), wb.flatMap(RunResults.Workload::chosen),
          wa, wb));
    }
    return List.copyOf(out);
  }

  /** Returns the change from {@code a} to {@code b} in percent of {@code a}: 0 when both are 0, ±infinity from 0. */
  public static double percentChange(double a, double b) {
    if (a == b) return 0;
    if (a == 0) return b > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    return 100 * (b - a) / Math.abs(a);
  }
}
