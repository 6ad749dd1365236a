package dev.polyvirt.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.dist.Exponential;
import dev.polyvirt.engine.dist.Fixed;
import dev.polyvirt.spec.yaml.Mark;
import dev.polyvirt.spec.yaml.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortfolioLoaderTest {
  static final List<String> MODELS =
      List.of("vm", "container", "faas", "serverless-container", "microvm", "wasm", "unikernel", "edge");

  /** The example of SPEC.md §2, verbatim. */
  static final String SPEC_EXAMPLE = """
      apiVersion: polyvirt/v1
      kind: Portfolio
      name: webshop
      seed: 42                    # default 1
      horizon: 7d                 # simulated span for synthetic traffic; a trace brings its own span
      priceBook: aws-us-east-1    # a bundled, dated price book, or a path to one
      workloads:
        - name: thumbnailer
          runtime: python         # java | java-native | python | node | go | dotnet | ruby | container-image | wasm
          traffic:                # exactly one kind
            poisson: {ratePerSecond: 0.5}
            # diurnal: {peakPerSecond: 50, troughPerSecond: 1, period: 24h, peakAt: 14h}
            # bursts:  {baseRatePerSecond: 1, burstRatePerSecond: 500, every: 1h, length: 2m}
            # schedule: {cron: "*/15 * * * *"}
            # monthlyRequests: 2000000
            # trace: {format: azure-functions-2019 | azure-functions-2021 | csv, path: traces/x.csv, function: <id>, day: 1}
          request:
            duration: {exponential: {mean: 2s}}   # or "120ms" (fixed) | {lognormal: {p50: 80ms, p99: 900ms}} | {uniform: {min: 1s, max: 3s}}
            cpu: 250m             # cores busy while the request runs (Kubernetes quantity)
            memory: 256Mi         # Kubernetes quantity
          requirements:
            latencyP99: 500ms
            isolation: shared-kernel   # shared-kernel | sandboxed | hardware  (hardware = hypervisor boundary)
            compliance: []             # e.g. [pci-dss, hipaa]
            state: stateless           # stateless | stateful
            os: linux                  # linux | windows | legacy
            gpu: 0
          candidates: [vm, container, faas, serverless-container, microvm, wasm, unikernel, edge]   # default: all
          models:                      # optional per-model settings; names follow the tools users know
            faas: {memorySize: 1024, timeout: 30s, architecture: x86_64, keepAlive: {fixed: 10m},
                   coldStart: "250ms", provisionedConcurrency: 0, reservedConcurrency: 1000}
            container: {replicas: 2, concurrency: 1, loadBalancer: shared-queue,
                        resources: {requests: {cpu: 500m, memory: 512Mi}},
                        autoscaling: {minReplicas: 2, maxReplicas: 20, averageUtilization: 70}}
            serverless-container: {containerConcurrency: 80, minScale: 0, maxScale: 100}
            vm: {instanceType: m5.large, count: 2, autoscaling: {min: 1, max: 10, targetCpu: 60}}
      """;

  private final Problems problems = new Problems();

  private Portfolio load(String text) {
    Optional<Portfolio> p = PortfolioLoader.parse("spec.yaml", text, Path.of("/specs"), MODELS, problems);
    assertThat(problems.all()).isEmpty();
    return p.orElseThrow();
  }

  @Test
  void theSpecExampleParsesCompletely() {
    // Every field of the SPEC.md §2 example lands in the portfolio, with no problem reported.
    Portfolio p = load(SPEC_EXAMPLE);
    assertThat(p.name()).isEqualTo("webshop");
    assertThat(p.seed()).isEqualTo(42);
    assertThat(p.horizonNanos()).isEqualTo(7 * SimTime.NANOS_PER_DAY);
    assertThat(p.priceBook()).isEqualTo("aws-us-east-1");
    assertThat(p.file()).isEqualTo("spec.yaml");
    assertThat(p.baseDir()).isEqualTo(Path.of("/specs"));
    assertThat(p.workloads()).hasSize(1);

    Workload w = p.workloads().get(0);
    assertThat(w.name()).isEqualTo("thumbnailer");
    assertThat(w.runtime()).isEqualTo("python");
    assertThat(w.mark()).isEqualTo(new Mark("spec.yaml", 8, 5));
    assertThat(w.traffic()).isInstanceOf(Node.MapNode.class);
    assertThat(((Node.MapNode) w.traffic()).entries().keySet()).containsExactly("poisson");

    assertThat(w.request().duration()).isEqualTo(new Exponential(2e9));
    assertThat(w.request().cpuMillis()).isEqualTo(250);
    assertThat(w.request().memoryBytes()).isEqualTo(256L << 20);
    assertThat(w.request().memoryMiB()).isEqualTo(256);

    Requirements r = w.requirements();
    assertThat(r.latencyP99Nanos()).hasValue(500 * SimTime.NANOS_PER_MILLI);
    assertThat(r.isolation()).isEqualTo("shared-kernel");
    assertThat(r.compliance()).isEmpty();
    assertThat(r.state()).isEqualTo("stateless");
    assertThat(r.os()).isEqualTo("linux");
    assertThat(r.gpu()).isZero();

    assertThat(w.candidates()).containsExactlyElementsOf(MODELS);
    assertThat(w.models().keySet()).containsExactly("faas", "container", "serverless-container", "vm");
    Node.MapNode faas = (Node.MapNode) w.models().get("faas");
    assertThat(faas.entries().keySet()).containsExactly("memorySize", "timeout", "architecture", "keepAlive",
        "coldStart", "provisionedConcurrency", "reservedConcurrency");
    assertThat(faas.entries().get("coldStart").value().mark()).isEqualTo(new Mark("spec.yaml", 31, 25));
  }

  @Test
  void omittedSettingsTakeTheirDefaults() {
    // Without seed, horizon, priceBook, runtime, cpu, memory, requirements or candidates, the documented defaults apply.
    Portfolio p = load("""
        apiVersion: polyvirt/v1
        kind: Portfolio
        name: tiny
        workloads:
          - name: api
            traffic: {poisson: {ratePerSecond: 1}}
            request: {duration: 120ms}
        """);
    assertThat(p.seed()).isEqualTo(1);
    assertThat(p.horizonNanos()).isEqualTo(7 * SimTime.NANOS_PER_DAY);
    assertThat(p.priceBook()).isEqualTo("aws-us-east-1");
    Workload w = p.workloads().get(0);
    assertThat(w.runtime()).isEqualTo("container-image");
    assertThat(w.request()).isEqualTo(new RequestSpec(new Fixed(120_000_000L), 1000, 128L << 20, true, false));
    assertThat(w.requirements()).isEqualTo(Requirements.defaults());
    assertThat(w.candidates()).isEmpty();
    assertThat(w.models()).isEmpty();
  }

  @Test
  void workloadsKeepFileOrderAndRequirementsAreRead() {
    // Several workloads come back in file order, each with its own request and requirements.
    Portfolio p = load("""
        apiVersion: polyvirt/v1
        kind: Portfolio
        name: two
        seed: -7
        horizon: 1h30m
        priceBook: books/custom.json
        workloads:
          - name: b.second
            runtime: java
            traffic: {poisson: {ratePerSecond: 1}}
            request: {duration: {lognormal: {p50: 80ms, p99: 900ms}}, cpu: 2, memory: 1Gi}
            requirements: {isolation: hardware, compliance: [pci-dss], state: stateful, os: windows, gpu: 1}
            candidates: faas
          - name: a_first
            traffic: {poisson: {ratePerSecond: 1}}
            request: {duration: 1s}
        """);
    assertThat(p.seed()).isEqualTo(-7);
    assertThat(p.horizonNanos()).isEqualTo(90 * SimTime.NANOS_PER_MINUTE);
    assertThat(p.priceBook()).isEqualTo("books/custom.json");
    assertThat(p.workloads()).extracting(Workload::name).containsExactly("b.second", "a_first");
    Workload w = p.workloads().get(0);
    assertThat(w.request().cpuMillis()).isEqualTo(2000);
    assertThat(w.request().memoryBytes()).isEqualTo(1L << 30);
    assertThat(w.requirements().latencyP99Nanos()).isEmpty();
    assertThat(w.requirements().isolation()).isEqualTo("hardware");
    assertThat(w.requirements().compliance()).containsExactly("pci-dss");
    assertThat(w.requirements().state()).isEqualTo("stateful");
    assertThat(w.requirements().os()).isEqualTo("windows");
    assertThat(w.requirements().gpu()).isEqualTo(1);
    assertThat(w.candidates()).containsExactly("faas");
  }

  @Test
  void withSeedReplacesOnlyTheSeed() {
    // --seed changes the seed and nothing else.
    Portfolio p = load(SPEC_EXAMPLE);
    Portfolio q = p.withSeed(99);
    assertThat(q.seed()).isEqualTo(99);
    assertThat(q).usingRecursiveComparison().ignoringFields("seed").isEqualTo(p);
  }

  @Test
  void loadReadsAFileAndResolvesAgainstItsFolder(@TempDir Path dir) throws Exception {
    // load() reads the file, names problems after it, and takes its folder as the base directory.
    Path file = dir.resolve("shop.yaml");
    Files.writeString(file, SPEC_EXAMPLE);
    Portfolio p = PortfolioLoader.load(file, MODELS, problems).orElseThrow();
    assertThat(problems.all()).isEmpty();
    assertThat(p.baseDir()).isEqualTo(dir.toAbsolutePath());
    assertThat(p.file()).isEqualTo(file.toString());
  }

  @Test
  void aMissingFileIsOneProblem(@TempDir Path dir) {
    // A path that does not exist is reported as such, with a hint.
    Path file = dir.resolve("nope.yaml");
    assertThat(PortfolioLoader.load(file, MODELS, problems)).isEmpty();
    assertThat(problems.all()).singleElement().satisfies(p -> {
      assertThat(p.message()).isEqualTo("no such file");
      assertThat(p.hint()).isNotBlank();
    });
  }
}
