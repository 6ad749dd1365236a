package dev.polyvirt.models.container;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of container runtimes, with figures from {@code shared/reference/figures.md},
 * table "Start-up and overhead by compute model":
 *
 * <ul>
 *   <li>{@code runc} — row "runc / gVisor / Kata": {@code docker run} 607 ms, 0 MB overhead; shares
 *       the host kernel; no slowdown (native processes).
 *   <li>{@code gvisor} — same row: 708 ms, 28.1 MB (busybox); a user-space kernel intercepts
 *       system calls: isolation {@code sandboxed}. figures.md gives no CPU or IO slowdown for
 *       gVisor, so none is modelled (compute-bound requests; syscall-heavy ones would be slower).
 *   <li>{@code kata} — same row: 1,747 ms, 184.3 MB; each pod is a QEMU VM, so CPU work loses the
 *       5–10 % hypervisor overhead of row "VM" (seed 003); isolation {@code hardware}.
 *   <li>{@code firecracker} — row "Firecracker microVM": ≤125 ms to guest init and ≤5 MiB VMM
 *       memory, guest CPU &gt; 95 % of bare metal (Agache et al., NSDI 2020), so a slowdown of 1 to
 *       1/0.95; the container then starts inside the guest as runc does (607 ms), 732 ms in all;
 *       isolation {@code hardware}.
 * </ul>
 *
 * Adding a runtime is one line here.
 */
public final class RuntimeClasses {
  private static final Map<String, RuntimeClass> RUNTIMES = new LinkedHashMap<>();
  private static final long MS = RuntimeClass.MS;

  static {
    register(new RuntimeClass("runc", 607 * MS, 0, 1, 1, "shared-kernel", "figures.md row runc / gVisor / Kata (Quark performance doc)"));
    register(new RuntimeClass("gvisor", 708 * MS, 28.1, 1, 1, "sandboxed", "figures.md row runc / gVisor / Kata (Quark performance doc)"));
    register(new RuntimeClass("kata", 1747 * MS, 184.3, 1 / 0.95, 1 / 0.90, "hardware",
        "figures.md rows runc / gVisor / Kata and VM (hypervisor overhead 5-10 %, seed 003)"));
    register(new RuntimeClass("firecracker", (125 + 607) * MS, 5, 1, 1 / 0.95, "hardware",
        "figures.md row Firecracker microVM (Agache et al., NSDI 2020) plus runc's container start"));
  }

  private RuntimeClasses() {}

  private static void register(RuntimeClass r) {
    RUNTIMES.put(r.name(), r);
  }

  /** Returns every runtime name, in registration order. */
  public static List<String> names() {
    return List.copyOf(RUNTIMES.keySet());
  }

  /** Returns the runtime called {@code name}. */
  public static Optional<RuntimeClass> get(String name) {
    return Optional.ofNullable(RUNTIMES.get(name));
  }

  /** Returns runc, the default runtime. */
  public static RuntimeClass runc() {
    return RUNTIMES.get("runc");
  }
}
