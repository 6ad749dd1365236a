package dev.polyvirt.report.export;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.spec.Workload;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * One workload placed on the model an export target deploys: the workload as specified, the
 * model's bound settings (e.g. {@code FaasSettings}), its simulated result and whether the
 * planner recommended it. Targets read settings for what to configure and figures for sizes.
 */
public record Placement(Workload workload, Object settings, ModelResult result, long horizonNanos, boolean recommended) {
  public Placement {
    if (result.figures().isEmpty()) throw new IllegalArgumentException(workload.name() + " on " + result.model() + " was not simulated");
  }

  /** Returns the simulated figures. */
  public ModelResult.Figures figures() {
    return result.figures().orElseThrow();
  }

  /** Returns the settings as {@code type}; throws if the target was given another model's placement. */
  public <S> S settings(Class<S> type) {
    return type.cast(settings);
  }

  /** Returns the requests a month at the simulated rate (730 hours, as costUsdPerMonth scales). */
  public long monthlyRequests() {
    return Math.round(figures().requests() * (double) SimTime.NANOS_PER_BILLING_MONTH / horizonNanos);
  }

  /** Returns the memory size the model's powerTuning table chose, if it has one. */
  public OptionalInt tunedMemorySize() {
    ModelResult.Table t = result.tables().get("powerTuning");
    if (t == null || !t.columns().contains("memorySize")) return OptionalInt.empty();
    for (int k = 0; k < t.rows().size(); k++) if (t.highlighted(k)) return OptionalInt.of((int) t.number(k, "memorySize"));
    return OptionalInt.empty();
  }

  /** Returns the workload's name as a Kubernetes object name (RFC 1123 label: lowercase alphanumerics and '-', at most 63). */
  public String kubernetesName() {
    String n = workload.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("-{2,}", "-");
    n = n.substring(0, Math.min(63, n.length())).replaceAll("^-+|-+$", "");
    return n.isEmpty() ? "workload" : n;
  }

  /** Returns the workload's name as a CloudFormation logical id (alphanumerics, each word capitalised, not starting with a digit). */
  public String logicalId() {
    StringBuilder b = new StringBuilder();
    for (String part : workload.name().split("[^A-Za-z0-9]+")) {
      if (part.isEmpty()) continue;
      b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    String id = b.length() == 0 ? "Function" : b.toString();
    return Character.isDigit(id.charAt(0)) ? "Fn" + id : id;
  }

  /** Returns the workload's name as a Terraform resource name (lowercase alphanumerics and '_', not starting with a digit). */
  public String terraformName() {
    String n = workload.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
    return n.isEmpty() || Character.isDigit(n.charAt(0)) ? "fn_" + n : n;
  }

  /** Returns a YAML comment block with the simulated figures this configuration comes from. */
  public String provenance(String indent) {
    ModelResult.Figures f = figures();
    return String.format(Locale.ROOT, "%s# %s on %s%s: simulated $%.2f/month, p99 %.0f ms, cold starts %.2f %%, peak %d instances%n",
        indent, workload.name(), result.model(), recommended ? " (recommended)" : " (NOT the recommendation)",
        f.costUsdPerMonth(), f.latencyMs().p99(), 100 * f.coldStartRate(), f.peakInstances());
  }
}
