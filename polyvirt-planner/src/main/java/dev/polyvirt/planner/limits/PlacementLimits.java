package dev.polyvirt.planner.limits;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.pricing.PriceBook;
import dev.polyvirt.spec.Requirements;
import dev.polyvirt.spec.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Every model's hard limits in one table, and the reasons a workload breaks them. The planner
 * checks these before it simulates; a model's own settings (an instance type the price book
 * lacks, a memory size out of range) are still checked by the model. A model missing from the
 * table has no hard limits here.
 *
 * <p>Compliance tags raise the isolation a workload needs: pci-dss and hipaa need a hardware
 * (hypervisor) boundary — VM, microVM or dedicated host (seed 002 §4.1, §6.2).
 */
public final class PlacementLimits {
  /** Cloud Run's longest request timeout: 60 minutes (Cloud Run docs, "Set request timeout for services"). */
  static final long SERVERLESS_CONTAINER_MAX_NANOS = 60 * SimTime.NANOS_PER_MINUTE;

  private PlacementLimits() {}

  /**
   * Why containers are not offered for {@code confidential: true}: a confidential node pool (EKS
   * nodes on SEV-SNP m6a/c6a/r6a) would encrypt the node's memory against the provider, but every
   * pod on it shares that node's kernel and trust boundary, and the container model sizes nodes from
   * the book's general instance types; such a pool is not modelled in this version.
   */
  static final String CONTAINER_CONFIDENTIAL = "a confidential node pool (SEV-SNP nodes) would protect the node, not each pod, "
      + "and the container model does not size one yet; use vm on an AMD SEV-SNP instance type";

  /** Returns the limits of {@code model} priced by {@code book}, if the table has the model. */
  public static Optional<ModelLimits> of(String model, PriceBook book) {
    List<String> all = Requirements.OSES;
    return Optional.ofNullable(switch (model) {
      // EC2: any OS image, GPU instance types, a hypervisor boundary, disks that outlive processes (seed 002 Table 1)
      case "vm" -> new ModelLimits(model, OptionalLong.empty(), "", OptionalLong.empty(), all, "", true, "hardware",
          "a hypervisor guest", true, true, "seed 002 Table 1; AWS EC2 docs", true, "");
      // Kubernetes: pods share the node's kernel — Linux pods on Linux nodes, Windows Server containers on a Windows node pool
      // (seed 004 §4.4; models/container/WindowsNodePool); StatefulSets and volumes make state possible with care (seed 003 table)
      case "container" -> new ModelLimits(model, OptionalLong.empty(), "", OptionalLong.empty(), List.of("linux", "windows"),
          "a legacy OS needs re-engineering to run in containers (seed 003 decision table: legacy OS-dependent app); containers share "
              + "their node's kernel: Linux pods on Linux nodes, Windows Server containers on a Windows node pool (seed 004 §4.4)",
          true, "shared-kernel", "containers share the host kernel (namespaces and cgroups, seed 003)", true, true,
          "seed 003 decision table; seed 002 Table 1", false, CONTAINER_CONFIDENTIAL);
      // the book's FaaS offer (Lambda, Azure Functions, Cloud Run functions): limits from its quotas; provider sandboxes,
      // no GPU, ephemeral instances. A book without an offer leaves faas to its model, which rules it out.
      case "faas" -> book.functionOffer().map(offer -> new ModelLimits(model, OptionalLong.of(offer.limits().maxTimeoutNanos()),
          "the " + SimTime.format(offer.limits().maxTimeoutNanos()) + " FaaS limit",
          OptionalLong.of(offer.limits().memoryMaxMb()), List.of("linux"), "FaaS runs Linux functions only", false,
          "sandboxed", "functions run in the provider's sandbox (Firecracker on Lambda), not a boundary of their own (seed 002 Table 1: "
              + "isolation variable, provider-dependent)", false, false, "the provider's FaaS quotas docs; seed 003 decision table",
              false, "functions run on the provider's hosts, which offer no confidential-computing option (AWS Lambda docs)"))
          .orElse(null);
      // Fargate / Cloud Run: Linux containers in per-task sandboxes, no GPU, disposable instances, 60-minute request timeout
      case "serverless-container" -> new ModelLimits(model, OptionalLong.of(SERVERLESS_CONTAINER_MAX_NANOS),
          "Cloud Run's 60m request timeout", OptionalLong.empty(), List.of("linux"), "serverless containers run Linux containers only",
          false, "sandboxed", "each task runs in the provider's sandbox, not a VM of its own", false, true,
          "Cloud Run docs (request timeout); AWS Fargate docs", false,
          "Fargate tasks run on hosts the provider chooses, with no SEV-SNP or TDX option (AWS Fargate docs)");
      // Firecracker microVMs: Linux guests behind KVM, no GPU passthrough (Firecracker docs), volumes allowed
      case "microvm" -> new ModelLimits(model, OptionalLong.empty(), "", OptionalLong.empty(), List.of("linux"),
          "Firecracker boots Linux guests only (a Windows workload runs on the container model's Windows node pool, "
              + "with process isolation, or on a vm)", false, "hardware", "a KVM microVM", true, true, "Firecracker docs; seed 002 §7.2",
          false, "Firecracker does not launch SEV-SNP or TDX guests (Firecracker docs)");
      default -> null;
    });
  }

  /** Lists why {@code w} breaks the hard limits of {@code model} (empty when it fits or the model has none). */
  public static List<String> reasons(String model, Workload w, PriceBook book) {
    return of(model, book).map(l -> reasons(l, w, book)).orElse(List.of());
  }

  /** Lists why {@code w} breaks {@code l}. */
  public static List<String> reasons(ModelLimits l, Workload w, PriceBook book) {
    Requirements r = w.requirements();
    List<String> why = new ArrayList<>();
    double p99 = w.request().duration().quantileNanos(0.99);
    if (l.maxDurationNanos().isPresent() && p99 > l.maxDurationNanos().getAsLong()) {
      why.add(String.format(Locale.ROOT, "requests run too long: p99 duration %s exceeds %s",
          SimTime.format(Math.round(p99)), l.durationLimitName()));
    }
    if (l.maxMemoryMiB().isPresent() && w.request().memoryMiB() > l.maxMemoryMiB().getAsLong()) {
      why.add("a request needs " + w.request().memoryMiB() + " MiB; " + l.model() + " allows at most " + l.maxMemoryMiB().getAsLong() + " MB");
    }
    if (!l.oses().contains(r.os())) why.add("os: " + r.os() + " is not offered: " + l.osNote());
    if (r.gpu() > 0 && !l.gpu()) {
      why.add(l.model() + " offers no GPU (the workload needs " + r.gpu() + ")");
    } else if (r.gpu() > 0 && book.instanceTypes().stream().noneMatch(t -> t.gpus() >= r.gpu())) {
      why.add("no instance type in " + book.label() + " has " + r.gpu() + " GPU(s)");
    }
    String iso = r.effectiveIsolation();
    if (Requirements.rank(iso) > Requirements.rank(l.isolation())) {
      why.add("isolation: " + iso + (iso.equals(r.isolation()) ? "" : " (required by " + String.join(", ", r.compliance()) + ")")
          + " is not met: " + l.isolationNote() + "; use vm or microvm");
    }
    if (r.state().equals("stateful") && !l.stateful()) {
      why.add("stateful workloads do not fit " + l.model() + ": instances are ephemeral and reclaimed when idle (seed 003 decision table)");
    }
    if (r.confidential() && !l.confidential()) {
      why.add("confidential: true needs memory encrypted by the CPU (AMD SEV-SNP, Intel TDX; seed 002 §7.3): " + l.confidentialNote());
    } else if (r.confidential() && book.confidentialInstanceTypes().isEmpty()) {
      why.add("confidential: true needs confidential-computing instance types, and price book " + book.label() + " lists none "
          + "(add a confidentialComputing: section)");
    }
    if (r.connections().equals("long-lived") && !l.longLivedConnections()) {
      why.add("connections: long-lived cannot be held by " + l.model() + ": an invocation ends with its response or its timeout");
    }
    return why;
  }
}
