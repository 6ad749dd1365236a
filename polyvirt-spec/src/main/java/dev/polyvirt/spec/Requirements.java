package dev.polyvirt.spec;

import java.util.List;
import java.util.OptionalLong;

/**
 * What a workload demands of any placement (SPEC.md §2 {@code requirements}).
 *
 * @param latencyP99Nanos the p99 latency objective, if any
 * @param isolation {@code shared-kernel}, {@code sandboxed} or {@code hardware} (a hypervisor boundary)
 * @param compliance regimes such as {@code pci-dss}, {@code hipaa}
 * @param state {@code stateless} or {@code stateful}
 * @param os {@code linux}, {@code windows} or {@code legacy}
 * @param gpu GPUs per instance
 * @param connections {@code short} (request/response) or {@code long-lived} (WebSockets, streams,
 *     database sessions a client keeps open)
 * @param exposure how clients reach it: {@code internal} (other workloads only), {@code public-http}
 *     (through an API gateway or a load balancer) or {@code events} (it consumes events from a bus);
 *     the planner's portfolio patterns price the front door it needs (seed 002 §6.3)
 * @param confidential whether data in use must be encrypted by the CPU against the host and the
 *     provider (confidential computing: AMD SEV-SNP, Intel TDX; seed 002 §7.3)
 */
public record Requirements(OptionalLong latencyP99Nanos, String isolation, List<String> compliance,
    String state, String os, int gpu, String connections, String exposure, boolean confidential) {
  public static final List<String> EXPOSURES = List.of("internal", "public-http", "events");
  public static final List<String> CONNECTIONS = List.of("short", "long-lived");
  public static final List<String> ISOLATIONS = List.of("shared-kernel", "sandboxed", "hardware");
  public static final List<String> STATES = List.of("stateless", "stateful");
  public static final List<String> OSES = List.of("linux", "windows", "legacy");
  /** Compliance regimes that require a hardware isolation boundary (seed 002 §4.1, §6.2). */
  public static final List<String> HARDWARE_COMPLIANCE = List.of("pci-dss", "hipaa");

  /** Creates requirements with short request/response connections. */
  public Requirements(OptionalLong latencyP99Nanos, String isolation, List<String> compliance, String state, String os, int gpu) {
    this(latencyP99Nanos, isolation, compliance, state, os, gpu, "short");
  }

  /** Creates internal, non-confidential requirements. */
  public Requirements(OptionalLong latencyP99Nanos, String isolation, List<String> compliance, String state, String os, int gpu,
      String connections) {
    this(latencyP99Nanos, isolation, compliance, state, os, gpu, connections, "internal", false);
  }

  /** The defaults: no SLO, shared kernel, stateless Linux, no GPU, short connections, internal, not confidential. */
  public static Requirements defaults() {
    return new Requirements(OptionalLong.empty(), "shared-kernel", List.of(), "stateless", "linux", 0, "short", "internal", false);
  }

  /** Returns the isolation level actually needed, raising it to hardware for regulated data. */
  public String effectiveIsolation() {
    for (String c : compliance) if (HARDWARE_COMPLIANCE.contains(c)) return "hardware";
    return isolation;
  }

  /** Ranks isolation levels: shared-kernel 0, sandboxed 1, hardware 2. */
  public static int rank(String isolation) {
    return ISOLATIONS.indexOf(isolation);
  }
}
