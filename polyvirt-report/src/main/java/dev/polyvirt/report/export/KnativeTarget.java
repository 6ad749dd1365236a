package dev.polyvirt.report.export;

import dev.polyvirt.models.serverlesscontainer.ServerlessContainerSettings;
import dev.polyvirt.models.serverlesscontainer.TaskSizes;
import java.util.List;
import java.util.Locale;

/**
 * Knative Services ({@code knative-service.yaml}), one per serverless-container placement, with
 * the autoscaling the simulation used: KPA on concurrency, {@code target} = containerConcurrency
 * at the simulated target utilisation, min-scale and max-scale, the hard containerConcurrency
 * limit, the request timeout and the instance's CPU and memory. Annotation names follow the
 * Knative autoscaling docs (knative.dev/docs/serving/autoscaling/: "autoscaling.knative.dev/
 * min-scale", "max-scale", "target", "target-utilization-percentage"; the older minScale and
 * maxScale spellings are still read).
 */
final class KnativeTarget implements ExportTarget {
  @Override
  public String name() {
    return "knative";
  }

  @Override
  public String model() {
    return "serverless-container";
  }

  @Override
  public List<ExportFile> files(List<Placement> placements) {
    StringBuilder y = new StringBuilder("# Knative Serving starter written by polyvirt export from simulated figures; set each image.\n");
    for (int i = 0; i < placements.size(); i++) {
      if (i > 0) y.append("---\n");
      service(y, placements.get(i));
    }
    return List.of(new ExportFile("knative-service.yaml", y.toString()));
  }

  private static void service(StringBuilder y, Placement p) {
    ServerlessContainerSettings s = p.settings(ServerlessContainerSettings.class);
    int cc = s.containerConcurrency();
    // the instance the simulation ran: the same task-size choice ServerlessContainerModel makes
    TaskSizes.TaskSize size = TaskSizes.choose(p.workload().request().cpuMillis(), p.workload().request().memoryBytes(), cc,
        s.cpuMillis(), s.memoryMiB()).orElseThrow();
    int cpu = size.cpuMillis();
    long memory = size.memoryMiB();
    y.append(p.provenance("")).append("apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata:\n  name: ").append(p.kubernetesName())
        .append("\n  labels:\n    app.kubernetes.io/managed-by: polyvirt-export\nspec:\n  template:\n    metadata:\n      annotations:\n")
        .append("        autoscaling.knative.dev/class: kpa.autoscaling.knative.dev\n")
        .append("        autoscaling.knative.dev/metric: concurrency\n")
        .append("        autoscaling.knative.dev/target: ").append(Yaml.quote(String.valueOf(cc))).append('\n')
        .append("        autoscaling.knative.dev/target-utilization-percentage: ")
        .append(Yaml.quote(String.format(Locale.ROOT, "%.0f", s.targetUtilization()))).append('\n')
        .append("        autoscaling.knative.dev/min-scale: ").append(Yaml.quote(String.valueOf(s.minScale()))).append('\n')
        .append("        autoscaling.knative.dev/max-scale: ").append(Yaml.quote(String.valueOf(s.maxScale()))).append('\n')
        .append("    spec:\n      containerConcurrency: ").append(cc).append('\n')
        .append("      timeoutSeconds: ").append(Yaml.seconds(s.timeoutNanos())).append('\n')
        .append("      containers:\n        - image: REPLACE_WITH_YOUR_IMAGE\n          resources:\n")
        .append("            requests:\n              cpu: ").append(Yaml.quote(Yaml.cpu(cpu))).append("\n              memory: ")
        .append(memory).append("Mi\n")
        .append("            limits:\n              cpu: ").append(Yaml.quote(Yaml.cpu(cpu))).append("\n              memory: ")
        .append(memory).append("Mi\n");
  }
}
