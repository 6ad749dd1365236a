package dev.polyvirt.report.export;

import dev.polyvirt.models.container.ContainerSettings;
import java.util.List;
import java.util.Locale;

/**
 * Kubernetes manifests ({@code k8s.yaml}) per container placement: a Deployment with the pod's
 * resource requests, a HorizontalPodAutoscaler (autoscaling/v2, CPU averageUtilization) with the
 * simulated bounds, and a ClusterIP Service. A placement with fixed replicas gets no HPA; one with
 * neither replicas nor autoscaling was simulated with the container model's default HPA (from 1
 * pod, at {@link #DEFAULT_TARGET} % CPU, up to twice the pods sized for the peak), which is
 * written here as 1 to twice the simulated peak. Field names follow the Kubernetes API reference (autoscaling/v2
 * HorizontalPodAutoscalerSpec: scaleTargetRef, minReplicas, maxReplicas, metrics).
 */
final class KubernetesTarget implements ExportTarget {
  /** The port the starter container listens on, a common default for HTTP services; change it to your image's. */
  private static final int PORT = 8080;
  /** The container model's default HPA target, 70 % CPU (ContainerModel.DEFAULT_TARGET, the kubectl autoscale example's figure). */
  private static final double DEFAULT_TARGET = 70;

  @Override
  public String name() {
    return "k8s";
  }

  @Override
  public String model() {
    return "container";
  }

  @Override
  public List<ExportFile> files(List<Placement> placements) {
    StringBuilder y = new StringBuilder("# Kubernetes starter written by polyvirt export from simulated figures; set each image and port.\n");
    for (int i = 0; i < placements.size(); i++) {
      if (i > 0) y.append("---\n");
      manifests(y, placements.get(i));
    }
    return List.of(new ExportFile("k8s.yaml", y.toString()));
  }

  private static void manifests(StringBuilder y, Placement p) {
    ContainerSettings s = p.settings(ContainerSettings.class);
    String name = p.kubernetesName();
    long peak = Math.max(1, p.figures().peakInstances());
    java.util.Optional<ContainerSettings.Hpa> hpa = s.replicas().isPresent() && s.autoscaling().isEmpty() ? java.util.Optional.empty()
        : java.util.Optional.of(s.autoscaling().orElse(new ContainerSettings.Hpa(1, (int) Math.max(2, 2 * peak), DEFAULT_TARGET)));
    // fixed replicas as given; under an HPA, the simulated mean (the HPA moves it from there)
    int replicas = s.replicas().orElse((int) Math.max(1, Math.ceil(p.figures().avgInstances())));
    long memoryMiB = Math.max(1, s.memoryRequestBytes() / (1024 * 1024));
    y.append(p.provenance("")).append("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ").append(name).append('\n')
        .append("  labels:\n    app.kubernetes.io/name: ").append(name).append("\n    app.kubernetes.io/managed-by: polyvirt-export\n")
        .append("spec:\n  replicas: ").append(replicas).append("\n  selector:\n    matchLabels:\n      app.kubernetes.io/name: ").append(name)
        .append("\n  template:\n    metadata:\n      labels:\n        app.kubernetes.io/name: ").append(name)
        .append("\n    spec:\n      containers:\n        - name: ").append(name).append("\n          image: REPLACE_WITH_YOUR_IMAGE\n")
        .append("          ports:\n            - containerPort: ").append(PORT).append('\n')
        .append("          resources:\n            requests:\n              cpu: ").append(Yaml.quote(Yaml.cpu(s.cpuRequestMillis())))
        .append("\n              memory: ").append(memoryMiB).append("Mi\n            limits:\n              memory: ").append(memoryMiB)
        .append("Mi\n");
    hpa.ifPresent(h -> y.append("---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: ").append(name)
        .append("\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: ").append(name)
        .append("\n  minReplicas: ").append(h.minReplicas()).append("\n  maxReplicas: ").append(h.maxReplicas())
        .append("\n  metrics:\n    - type: Resource\n      resource:\n        name: cpu\n        target:\n          type: Utilization\n")
        .append("          averageUtilization: ").append(String.format(Locale.ROOT, "%.0f", h.averageUtilization())).append('\n'));
    y.append("---\napiVersion: v1\nkind: Service\nmetadata:\n  name: ").append(name).append("\nspec:\n  type: ClusterIP\n  selector:\n")
        .append("    app.kubernetes.io/name: ").append(name).append("\n  ports:\n    - port: 80\n      targetPort: ").append(PORT).append('\n');
  }
}
