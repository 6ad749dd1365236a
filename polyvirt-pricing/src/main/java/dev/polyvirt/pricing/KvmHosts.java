package dev.polyvirt.pricing;

import dev.polyvirt.spec.Fields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The instance types whose guests get {@code /dev/kvm}, so that a microVM runtime (Firecracker,
 * Kata) can start one VM per pod inside them. On AWS these are the bare-metal types: Firecracker's
 * getting-started guide runs on {@code .metal} types "because EC2 only supports KVM on .metal
 * instance types" (github.com/firecracker-microvm/firecracker docs/getting-started.md); the EC2
 * user guide page "Use nested virtualization to run hypervisors in Amazon EC2 instances" (2026)
 * adds C8i, M8i and R8i as nested hosts, which no book lists yet. On Compute Engine and Azure the
 * general N2 and Dsv5/Esv5 types allow nested virtualization. They are kept apart from the book's
 * general instance types so that listing them changes no other model's sizing.
 *
 * @param access how guests reach KVM: {@code metal} (the host's own hypervisor extensions) or
 *     {@code nested} (the cloud's hypervisor passes VT-x through, at some CPU cost)
 */
public record KvmHosts(String access, List<InstanceType> instanceTypes) {
  public KvmHosts {
    instanceTypes = List.copyOf(instanceTypes);
  }

  /** Reads the {@code kvmHosts:} section of a price book. */
  static KvmHosts read(Fields f) {
    String access = f.oneOf("access", List.of("metal", "nested")).orElse("metal");
    Map<String, InstanceType> types = new LinkedHashMap<>();
    var list = PriceFields.section(f, "instanceTypes", "kvmHosts instanceTypes",
        "list instance types by name, e.g. m5.metal: {vcpus: 96, memory: 384Gi, perHour: 4.608, architecture: x86_64}");
    for (String name : list.map(Fields::keys).orElse(List.of())) {
      list.get().node(name).flatMap(n -> Fields.of(n, f.problems(), "KVM host type '" + name + "'"))
          .map(t -> Ec2PricesReader.instanceType(name, t)).ifPresent(t -> types.put(name, t));
    }
    f.done();
    return new KvmHosts(access, List.copyOf(types.values()));
  }
}
