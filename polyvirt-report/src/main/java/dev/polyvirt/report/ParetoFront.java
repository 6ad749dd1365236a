package dev.polyvirt.report;

import dev.polyvirt.models.ModelResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The models of one workload that no other model beats on both cost per month and p99 latency:
 * the trade-offs worth a look. Computed here from the results the report shows; when the planner
 * flags its own front, {@link #flags} is the one place to read those flags instead.
 */
final class ParetoFront {
  private ParetoFront() {}

  /**
   * Returns, for each result in order, whether it is on the front. Only simulated results take
   * part (others are never on it); a result is dominated when another costs no more and has no
   * higher p99, and is strictly better on one of the two. Equal points are all on the front.
   */
  static List<Boolean> flags(List<ModelResult> results) {
    List<Boolean> on = new ArrayList<>(results.size());
    for (ModelResult r : results) {
      if (r.figures().isEmpty()) {
        on.add(false);
        continue;
      }
      boolean dominated = false;
      for (ModelResult o : results) {
        if (o != r && o.figures().isPresent() && dominates(o.figures().get(), r.figures().get())) {
          dominated = true;
          break;
        }
      }
      on.add(!dominated);
    }
    return List.copyOf(on);
  }

  private static boolean dominates(ModelResult.Figures a, ModelResult.Figures b) {
    double ca = a.costUsdPerMonth(), cb = b.costUsdPerMonth(), pa = a.latencyMs().p99(), pb = b.latencyMs().p99();
    return ca <= cb && pa <= pb && (ca < cb || pa < pb);
  }
}
