package dev.polyvirt.models.container;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.dist.Distribution;
import dev.polyvirt.engine.dist.Uniform;
import dev.polyvirt.models.RunContext;
import dev.polyvirt.pricing.Cost;
import dev.polyvirt.pricing.InstanceMeter;
import dev.polyvirt.pricing.InstanceType;
import dev.polyvirt.pricing.PriceBook;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Windows node pool of a container cluster ({@code requirements.os: windows}). Windows Server
 * containers share the Windows kernel of their node, and Linux containers cannot run on a Windows
 * kernel nor the reverse (seed 004 §4.4), so a Windows workload's pods run on Windows nodes:
 *
 * <ul>
 *   <li><b>Price.</b> Each node bills the book's instance price plus its Windows licence per
 *       vCPU-hour on the same billed seconds ({@code windowsLicencePerVcpuHour}: AWS and Azure
 *       DERIVED from the Windows − Linux price of m5.large / D2s v5, GCP the Windows Server image
 *       price per core-hour). AKS prices Windows nodes as Windows VMs and GKE Windows Server node
 *       pools pay the Windows Server licence per vCPU-hour, so one rule serves the three books.</li>
 *   <li><b>Linux system node.</b> "Amazon EKS clusters must contain one or more Linux or Fargate
 *       nodes to run core system Pods that only run on Linux, such as CoreDNS" (Amazon EKS User
 *       Guide, "Deploy Windows nodes on EKS clusters", windows-support.adoc; earlier versions added
 *       "we recommend at least two"). The minimum, {@value #LINUX_SYSTEM_NODES} node, runs the whole
 *       horizon at the Linux price of {@link #systemNodeType}; it is charged to the Windows workload
 *       (an upper bound when Linux workloads of the same cluster could host CoreDNS) as idle capacity.</li>
 *   <li><b>Pods per node.</b> "Windows nodes support one elastic network interface per node. The
 *       number of pods that you can run per Windows node is equal to the number of IP addresses
 *       available per elastic network interface for the node's instance type, minus one" (same EKS
 *       guide). {@link #IPV4_PER_ENI} holds the EC2 figure for the AWS book's types (AWS EC2 User
 *       Guide, "Maximum IP addresses per network interface"; each agrees with the book's Linux
 *       {@code maxPods} = ENIs × (IPs − 1) + 2). Other books keep the Linux {@code maxPods}. Memory
 *       for pods is the Linux node's allocatable less {@link #WINDOWS_OS_BYTES} for the OS.</li>
 *   <li><b>Ready time of a new node.</b> Windows images are large — Server Core ≈ 1.8 GB and Nano
 *       Server ≈ 260 MB to download (oneuptime.com, "How to use the Nano Server base image for Windows
 *       containers", 2026-02-08); servercore:1903 is 5.05 GB on disk (Microsoft Tech Community,
 *       "Making Windows Server Core Containers 40% Smaller", 2019, comments) — and Windows instances
 *       boot slowly: "it may take around 4 to 8 minutes for a container to become ready from the time
 *       the EC2 Auto Scaling was triggered to the time the Windows container accepts traffic" (AWS
 *       Containers Blog, "Speeding up Windows container launch times with EC2 Image Builder and image
 *       cache strategy"). A pod that needs a new Windows node waits {@link #NODE_READY}, uniform 4–8
 *       min, in place of a Linux node's 30–120 s boot; that span holds the base-image pull and
 *       extraction. A pod on a node with room starts as a Linux pod does (image cached there).</li>
 *   <li><b>Isolation.</b> Pods run with process isolation — "shared-kernel", like Linux containers —
 *       because EKS does not support Hyper-V isolated Windows pods; Firecracker and Kata boot Linux
 *       guests only, so the {@code microvm} runtimes cannot host Windows.</li>
 * </ul>
 */
public final class WindowsNodePool {
  /** Linux nodes a cluster with Windows nodes keeps for CoreDNS and other Linux-only system pods (EKS guide: "one or more"). */
  public static final int LINUX_SYSTEM_NODES = 1;
  /** A new Windows node's time until its first pod serves: 4–8 min (AWS Containers Blog, above). */
  static final Distribution NODE_READY = new Uniform(4 * SimTime.NANOS_PER_MINUTE, 8 * SimTime.NANOS_PER_MINUTE);
  /** The smallest node the Linux system pods get: 2 vCPUs and 4 GiB (CoreDNS runs two replicas by default; EKS guide "Manage CoreDNS"). */
  static final int SYSTEM_NODE_VCPUS = 2;
  static final long SYSTEM_NODE_MIB = 4096;
  /**
   * Memory the Windows Server OS of a node keeps from pods: 512 MB, the minimum RAM of a Server Core
   * installation (Microsoft Learn, "Hardware requirements for Windows Server"; the EKS Windows Core
   * AMIs are Server Core) — a floor: a t3.micro (1 GiB) holds no 512 MiB pod once it is taken.
   */
  static final long WINDOWS_OS_BYTES = 512L << 20;
  /** IPv4 addresses per network interface of the AWS book's types (AWS EC2 User Guide, "Maximum IP addresses per network interface"). */
  static final Map<String, Integer> IPV4_PER_ENI = Map.ofEntries(
      Map.entry("t3.micro", 2), Map.entry("t3.small", 4), Map.entry("t3.medium", 6), Map.entry("t3.large", 12),
      Map.entry("m5.large", 10), Map.entry("m5.xlarge", 15), Map.entry("m5.2xlarge", 15), Map.entry("c5.large", 10),
      Map.entry("c5.xlarge", 15), Map.entry("r5.large", 10), Map.entry("g4dn.xlarge", 10));

  private WindowsNodePool() {}

  /** Returns true when the workload asks for Windows. */
  static boolean wanted(RunContext ctx) {
    return ctx.workload().requirements().os().equals("windows");
  }

  /** Lists why a Windows workload cannot run on this platform with runtime {@code rt} (empty when it can). */
  static List<String> reasons(RunContext ctx, RuntimeClass rt, boolean statefulSet) {
    List<String> out = new ArrayList<>();
    if (!rt.name().equals("runc")) {
      out.add("os: windows cannot run under runtimeClass " + rt.name() + ": Firecracker and Kata boot Linux guest kernels only, and "
          + "Windows pods run with process isolation on Windows nodes (EKS does not support Hyper-V isolation; seed 004 §4.4: "
          + "Linux containers cannot run on Windows kernels nor the reverse); use container or vm");
    }
    if (ctx.priceBook().ec2().windowsLicencePerVcpuHour().signum() <= 0) {
      out.add("os: windows needs a Windows node pool, and price book " + ctx.priceBook().label() + " has no Windows licence rate "
          + "(add windowsLicencePerVcpuHour)");
    }
    if (statefulSet) out.add("os: windows with a statefulSet is not modelled: a StatefulSet run places Linux nodes only");
    if (systemNodeType(ctx.priceBook()).isEmpty()) {
      out.add("os: windows needs a Linux system node for CoreDNS, and price book " + ctx.priceBook().label()
          + " has no x86 type with 2 vCPUs and 4 GiB");
    }
    return out;
  }

  /**
   * Returns the pods of one shape a Windows node of {@code type} holds: the Linux shape less the
   * memory Windows Server itself needs ({@link #WINDOWS_OS_BYTES}), capped by the one-ENI pod limit.
   */
  static NodeShape shape(PriceBook book, InstanceType type, int cpuMillis, long memoryBytes) {
    NodeShape linux = NodeShape.of(type, cpuMillis, memoryBytes);
    long memory = type.memoryMiB() * (1L << 20) - NodeShape.reservedMemoryBytes(type.maxPods()) - WINDOWS_OS_BYTES;
    int pods = (int) Math.max(0, Math.min(linux.podsPerNode(), memory / Math.max(1, memoryBytes)));
    Integer ips = book.provider().equals("aws") ? IPV4_PER_ENI.get(type.name()) : null;
    return new NodeShape(type, ips == null ? pods : Math.min(pods, ips - 1));
  }

  /** Returns the Linux system node's type: the cheapest x86 type without GPU with at least 2 vCPUs and 4 GiB. */
  public static Optional<InstanceType> systemNodeType(PriceBook book) {
    return book.instanceTypes().stream()
        .filter(t -> t.architecture().name().toLowerCase(Locale.ROOT).startsWith("x86") && t.gpus() == 0
            && t.vcpus() >= SYSTEM_NODE_VCPUS && t.memoryMiB() >= SYSTEM_NODE_MIB)
        .min(Comparator.comparing(InstanceType::pricePerHour).thenComparing(InstanceType::name));
  }

  /** Bills the Linux system node(s) for the whole horizon, as idle capacity (they serve the cluster, not requests). */
  static Cost systemNodes(RunContext ctx) {
    InstanceType type = systemNodeType(ctx.priceBook()).orElseThrow();
    InstanceMeter meter = new InstanceMeter(ctx.priceBook().ec2());
    for (int i = 0; i < LINUX_SYSTEM_NODES; i++) meter.run(type, 0, ctx.horizonNanos());
    return new Cost(BigDecimal.ZERO, BigDecimal.ZERO, meter.cost().total(), BigDecimal.ZERO);
  }

  /** Describes the pool for the result's notes. */
  static String note(RunContext ctx, NodeShape shape) {
    PriceBook book = ctx.priceBook();
    InstanceType sys = systemNodeType(book).orElseThrow();
    return "Windows node pool: " + shape.type().name() + " at $" + shape.type().pricePerHour().toPlainString() + "/h + Windows licence $"
        + book.ec2().windowsLicencePerVcpuHour().toPlainString() + " per vCPU-hour x " + shape.type().vcpus() + " vCPUs, "
        + shape.podsPerNode() + " pods per node" + (book.provider().equals("aws") && IPV4_PER_ENI.containsKey(shape.type().name())
            ? " (one ENI: its IPv4 addresses - 1)" : "")
        + ", process isolation; a new node is ready in 4-8 min (Windows boot + base-image pull); plus " + LINUX_SYSTEM_NODES
        + " Linux system node (" + sys.name() + ", $" + sys.pricePerHour().toPlainString()
        + "/h, billed as idle) for CoreDNS, which runs on Linux only";
  }
}
