package dev.polyvirt.report.export;

import dev.polyvirt.models.container.ContainerSettings;
import java.util.List;
import java.util.Locale;

/**
 * A Compose file ({@code compose.yaml}) with one service per container placement: its replicas
 * (Compose does not autoscale, so the fixed replicas, else the simulated peak) and
 * {@code deploy.resources} reservations and limits from the pod's requests. Keys follow the
 * Compose Deploy Specification (docs.docker.com/reference/compose-file/deploy/).
 */
final class ComposeTarget implements ExportTarget {
  @Override
  public String name() {
    return "compose";
  }

  @Override
  public String model() {
    return "container";
  }

  @Override
  public List<ExportFile> files(List<Placement> placements) {
    StringBuilder y = new StringBuilder("# Compose starter written by polyvirt export from simulated figures; set each image.\nservices:\n");
    for (Placement p : placements) {
      ContainerSettings s = p.settings(ContainerSettings.class);
      int replicas = s.replicas().orElse((int) Math.max(1, p.figures().peakInstances()));
      String cpus = Yaml.quote(String.format(Locale.ROOT, "%.3f", s.cpuRequestMillis() / 1000.0).replaceAll("0+$", "").replaceAll("\\.$", ""));
      long memoryMiB = Math.max(1, s.memoryRequestBytes() / (1024 * 1024));
      y.append(p.provenance("  ")).append("  ").append(p.kubernetesName()).append(":\n    image: REPLACE_WITH_YOUR_IMAGE\n")
          .append("    deploy:\n      replicas: ").append(replicas).append('\n')
          .append("      resources:\n        limits:\n          cpus: ").append(cpus).append("\n          memory: ").append(memoryMiB).append("M\n")
          .append("        reservations:\n          cpus: ").append(cpus).append("\n          memory: ").append(memoryMiB).append("M\n");
    }
    return List.of(new ExportFile("compose.yaml", y.toString()));
  }
}
