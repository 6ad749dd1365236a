package dev.polyvirt.pricing;

import dev.polyvirt.spec.Fields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The instance types that can run a confidential VM (memory encrypted by the CPU, seed 002 §7.3):
 * on AWS the AMD SEV-SNP families m6a, c6a and r6a. They are kept apart from the book's general
 * instance types so that adding them changes no other workload's sizing.
 *
 * @param technology what protects memory, e.g. {@code AMD SEV-SNP}
 */
public record ConfidentialInstances(String technology, List<InstanceType> instanceTypes) {
  public ConfidentialInstances {
    instanceTypes = List.copyOf(instanceTypes);
  }

  /** Reads the {@code confidentialComputing:} section of a price book. */
  static ConfidentialInstances read(Fields f) {
    String technology = PriceFields.text(f, "technology", "the memory-encryption technology, e.g. AMD SEV-SNP").orElse("");
    Map<String, InstanceType> types = new LinkedHashMap<>();
    var list = PriceFields.section(f, "instanceTypes", "confidentialComputing instanceTypes",
        "list instance types by name, e.g. m6a.large: {vcpus: 2, memory: 8Gi, perHour: 0.0864, architecture: x86_64}");
    for (String name : list.map(Fields::keys).orElse(List.of())) {
      list.get().node(name).flatMap(n -> Fields.of(n, f.problems(), "confidential instance type '" + name + "'"))
          .map(t -> Ec2PricesReader.instanceType(name, t)).ifPresent(t -> types.put(name, t));
    }
    f.done();
    return new ConfidentialInstances(technology, List.copyOf(types.values()));
  }
}
