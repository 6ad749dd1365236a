package dev.polyvirt.report.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.planner.BoundPortfolio;
import dev.polyvirt.planner.Plan;
import dev.polyvirt.planner.Planner;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Every export target writes YAML that parses and carries the settings and figures the simulation used. */
class ExportTargetsTest {
  private static final String SPEC = """
      apiVersion: polyvirt/v1
      kind: Portfolio
      name: export
      seed: 4
      horizon: 1h
      # the bill alone decides (planner v0), so web stays on container whatever operations labour is assumed
      planner: {weights: {cost: 1, latency: 0, coldStarts: 0, availability: 0, operations: 0, isolation: 0, portability: 0},
                opsRatePerHour: 0, whatIf: false}
      workloads:
        - name: image.resize_v2
          runtime: python
          traffic: {poisson: {ratePerSecond: 2}}
          request: {duration: {exponential: {mean: 120ms}}, cpu: 250m, memory: 256Mi}
          requirements: {latencyP99: 3s}
          candidates: [faas]
          models:
            faas: {memorySize: 512, timeout: 30s, architecture: arm64, provisionedConcurrency: 1, reservedConcurrency: 50}
        - name: web
          runtime: java
          traffic: {poisson: {ratePerSecond: 5}}
          request: {duration: {exponential: {mean: 80ms}}, cpu: 250m, memory: 512Mi}
          candidates: [container, serverless-container]
          models:
            container: {resources: {requests: {cpu: 500m, memory: 512Mi}},
                        autoscaling: {minReplicas: 2, maxReplicas: 6, averageUtilization: 60}}
            serverless-container: {containerConcurrency: 10, minScale: 10, maxScale: 20}
        - name: svc
          runtime: go
          traffic: {poisson: {ratePerSecond: 3}}
          request: {duration: {exponential: {mean: 50ms}}, cpu: 250m, memory: 256Mi}
          candidates: [serverless-container]
          models:
            serverless-container: {containerConcurrency: 10, minScale: 1, maxScale: 20}
      """;
  private static final YAMLMapper YAML = YAMLMapper.builder().build();
  private static Plan plan;

  @BeforeAll
  static void simulate() throws Exception {
    plan = new Planner(2, s -> {}).plan(BoundPortfolio.parse("export.yaml", SPEC, Path.of(".")), Set.of());
  }

  private static List<ExportFile> export(String target, Optional<String> workload) {
    ExportTarget t = ExportTargets.named(target).orElseThrow();
    return t.files(Selection.of(plan, t, workload).placements());
  }

  private static List<JsonNode> docs(String yaml) {
    return YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll();
  }

  private static ModelResult.Figures figures(String workload, String model) {
    return plan.workloads().stream().filter(w -> w.workload().workload().name().equals(workload)).findFirst().orElseThrow()
        .results().stream().filter(r -> r.model().equals(model)).findFirst().orElseThrow().figures().orElseThrow();
  }

  @Test
  void samTemplateCarriesMemoryTimeoutAndProvisionedConcurrency() {
    List<ExportFile> files = export("sam", Optional.empty());
    assertThat(files).extracting(ExportFile::name).containsExactly("template.yaml", "infracost-usage.yml");
    JsonNode t = docs(files.get(0).text()).get(0);
    assertThat(t.get("Transform").stringValue()).isEqualTo("AWS::Serverless-2016-10-31");
    assertThat(t.get("Resources").propertyNames()).containsExactly("ImageResizeV2");
    JsonNode p = t.get("Resources").get("ImageResizeV2").get("Properties");
    assertThat(t.get("Resources").get("ImageResizeV2").get("Type").stringValue()).isEqualTo("AWS::Serverless::Function");
    assertThat(p.get("MemorySize").intValue()).isEqualTo(512);
    assertThat(p.get("Timeout").intValue()).isEqualTo(30);
    assertThat(p.get("Runtime").stringValue()).isEqualTo("python3.13");
    assertThat(p.get("Architectures").get(0).stringValue()).isEqualTo("arm64");
    assertThat(p.get("ReservedConcurrentExecutions").intValue()).isEqualTo(50);
    assertThat(p.get("AutoPublishAlias").stringValue()).isEqualTo("live");
    assertThat(p.get("ProvisionedConcurrencyConfig").get("ProvisionedConcurrentExecutions").intValue()).isEqualTo(1);
    // Infracost: 1 h simulated at 2/s → requests × 730 a month; duration = mean latency, rounded up
    ModelResult.Figures f = figures("image.resize_v2", "faas");
    JsonNode u = docs(files.get(1).text()).get(0);
    assertThat(u.get("version").asString()).isEqualTo("0.1");
    JsonNode fn = u.get("resource_usage").get("aws_lambda_function.image_resize_v2");
    assertThat(fn.get("monthly_requests").longValue()).isEqualTo(f.requests() * 730);
    assertThat(fn.get("request_duration_ms").longValue()).isEqualTo((long) Math.ceil(f.latencyMs().mean()));
  }

  @Test
  void kubernetesHasDeploymentHpaAndServiceWithTheSimulatedSettings() {
    List<JsonNode> d = docs(export("k8s", Optional.empty()).get(0).text());
    assertThat(d).extracting(n -> n.get("kind").stringValue()).containsExactly("Deployment", "HorizontalPodAutoscaler", "Service");
    JsonNode container = d.get(0).get("spec").get("template").get("spec").get("containers").get(0);
    assertThat(container.get("resources").get("requests").get("cpu").stringValue()).isEqualTo("500m");
    assertThat(container.get("resources").get("requests").get("memory").stringValue()).isEqualTo("512Mi");
    assertThat(d.get(0).get("spec").get("selector").get("matchLabels").get("app.kubernetes.io/name").stringValue()).isEqualTo("web");
    JsonNode hpa = d.get(1);
    assertThat(hpa.get("apiVersion").stringValue()).isEqualTo("autoscaling/v2");
    assertThat(hpa.get("spec").get("scaleTargetRef").get("name").stringValue()).isEqualTo("web");
    assertThat(hpa.get("spec").get("minReplicas").intValue()).isEqualTo(2);
    assertThat(hpa.get("spec").get("maxReplicas").intValue()).isEqualTo(6);
    assertThat(hpa.get("spec").get("metrics").get(0).get("resource").get("target").get("averageUtilization").intValue()).isEqualTo(60);
    assertThat(d.get(2).get("spec").get("ports").get(0).get("targetPort").intValue()).isEqualTo(8080);
  }

  @Test
  void knativeServiceHasTheAutoscalingAnnotations() {
    // Without --workload only svc (recommended serverless-container) is exported; web was recommended container.
    Selection s = Selection.of(plan, ExportTargets.named("knative").orElseThrow(), Optional.empty());
    assertThat(s.placements()).extracting(p -> p.workload().name()).containsExactly("svc");
    assertThat(s.skipped()).containsExactly("image.resize_v2: recommended faas, not serverless-container",
        "web: recommended container, not serverless-container");
    JsonNode svc = docs(export("knative", Optional.empty()).get(0).text()).get(0);
    assertThat(svc.get("apiVersion").stringValue()).isEqualTo("serving.knative.dev/v1");
    JsonNode tpl = svc.get("spec").get("template");
    JsonNode a = tpl.get("metadata").get("annotations");
    assertThat(a.get("autoscaling.knative.dev/min-scale").stringValue()).isEqualTo("1");
    assertThat(a.get("autoscaling.knative.dev/max-scale").stringValue()).isEqualTo("20");
    assertThat(a.get("autoscaling.knative.dev/target").stringValue()).isEqualTo("10");
    assertThat(a.get("autoscaling.knative.dev/target-utilization-percentage").stringValue()).isEqualTo("70");
    assertThat(tpl.get("spec").get("containerConcurrency").intValue()).isEqualTo(10);
    // the Fargate task the simulation sized: CPU for 4 requests of 250m at full speed (1 vCPU), memory for
    // 10 × 256Mi = 2560Mi rounded up to the next size 1 vCPU takes (2–8 GB in 1 GB steps): 3072Mi
    JsonNode req = tpl.get("spec").get("containers").get(0).get("resources").get("requests");
    assertThat(req.get("cpu").stringValue()).isEqualTo("1");
    assertThat(req.get("memory").stringValue()).isEqualTo("3072Mi");
  }

  @Test
  void composeServiceHasReplicasAndDeployResources() {
    JsonNode web = docs(export("compose", Optional.empty()).get(0).text()).get(0).get("services").get("web");
    assertThat(web.get("deploy").get("replicas").longValue()).isEqualTo(figures("web", "container").peakInstances());
    assertThat(web.get("deploy").get("resources").get("limits").get("cpus").stringValue()).isEqualTo("0.5");
    assertThat(web.get("deploy").get("resources").get("reservations").get("memory").stringValue()).isEqualTo("512M");
  }

  @Test
  void aNamedWorkloadIsExportedEvenIfAnotherModelWasRecommended() {
    Selection s = Selection.of(plan, ExportTargets.named("knative").orElseThrow(), Optional.of("web"));
    assertThat(s.placements()).hasSize(1);
    assertThat(s.placements().get(0).recommended()).isFalse();
    assertThat(export("knative", Optional.of("web")).get(0).text()).contains("# web on serverless-container (NOT the recommendation)");
    assertThatThrownBy(() -> Selection.of(plan, ExportTargets.named("sam").orElseThrow(), Optional.of("web")))
        .hasMessage("--workload web: faas (what --target sam deploys) is not a candidate of this workload");
    assertThatThrownBy(() -> Selection.of(plan, ExportTargets.named("sam").orElseThrow(), Optional.of("nope")))
        .hasMessageStartingWith("--workload: no workload 'nope'; workloads: image.resize_v2, web, svc");
  }

  @Test
  void namesBecomeValidIdentifiersForEachFormat() {
    Placement p = Selection.of(plan, ExportTargets.named("sam").orElseThrow(), Optional.empty()).placements().get(0);
    assertThat(p.kubernetesName()).isEqualTo("image-resize-v2");
    assertThat(p.logicalId()).isEqualTo("ImageResizeV2");
    assertThat(p.terraformName()).isEqualTo("image_resize_v2");
    assertThat(ExportTargets.names()).containsExactly("sam", "knative", "k8s", "compose");
  }
}
