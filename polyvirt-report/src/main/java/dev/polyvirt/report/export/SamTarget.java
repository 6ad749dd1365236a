package dev.polyvirt.report.export;

import dev.polyvirt.models.faas.FaasSettings;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An AWS SAM template ({@code template.yaml}) with one {@code AWS::Serverless::Function} per FaaS
 * placement — MemorySize (the power-tuned size when there is one), Timeout, Architectures,
 * ProvisionedConcurrencyConfig as simulated — and {@code infracost-usage.yml} with each
 * function's monthly requests and mean billed duration, so Infracost prices the same usage.
 * Property names follow the SAM specification ("AWS::Serverless::Function", docs.aws.amazon.com/
 * serverless-application-model/latest/developerguide/sam-resource-function.html).
 */
final class SamTarget implements ExportTarget {
  /**
   * Lambda runtime identifiers for the spec's runtimes, the newest supported on the Lambda
   * runtimes page (docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html); compiled and
   * wasm code runs on the OS-only runtime.
   */
  private static final Map<String, String> RUNTIMES = Map.of("java", "java21", "java-native", "provided.al2023",
      "python", "python3.13", "node", "nodejs22.x", "go", "provided.al2023", "dotnet", "dotnet8", "ruby", "ruby3.4",
      "wasm", "provided.al2023");
  /** Lambda's per-account concurrency default: a reservedConcurrency equal to it was not asked for. */
  private static final int ACCOUNT_CONCURRENCY = 1000;

  @Override
  public String name() {
    return "sam";
  }

  @Override
  public String model() {
    return "faas";
  }

  @Override
  public List<ExportFile> files(List<Placement> placements) {
    StringBuilder t = new StringBuilder();
    t.append("# AWS SAM starter template written by polyvirt export from simulated figures; fill in CodeUri, Handler and Events.\n")
        .append("AWSTemplateFormatVersion: \"2010-09-09\"\nTransform: AWS::Serverless-2016-10-31\n")
        .append("Description: polyvirt starter for ").append(Yaml.quote(placements.get(0).workload().name()))
        .append(placements.size() > 1 ? " and " + (placements.size() - 1) + " more" : "").append("\nResources:\n");
    for (Placement p : placements) function(t, p);
    return List.of(new ExportFile("template.yaml", t.toString()), new ExportFile("infracost-usage.yml", usage(placements)));
  }

  private static void function(StringBuilder t, Placement p) {
    FaasSettings s = p.settings(FaasSettings.class);
    int memory = p.tunedMemorySize().orElse(s.memorySizeMb());
    t.append(p.provenance("  ")).append("  ").append(p.logicalId()).append(":\n    Type: AWS::Serverless::Function\n    Properties:\n");
    String runtime = p.workload().runtime();
    if (runtime.equals("container-image")) {
      t.append("      PackageType: Image\n      ImageUri: REPLACE_WITH_YOUR_IMAGE_URI\n");
    } else {
      t.append("      Runtime: ").append(RUNTIMES.getOrDefault(runtime, "provided.al2023")).append('\n')
          .append("      Handler: REPLACE_WITH_YOUR_HANDLER\n      CodeUri: ./src\n");
    }
    t.append("      MemorySize: ").append(memory).append('\n')
        .append("      Timeout: ").append(Yaml.seconds(s.timeoutNanos())).append('\n')
        .append("      Architectures:\n        - ").append(s.architecture()).append('\n');
    if (s.reservedConcurrency() != ACCOUNT_CONCURRENCY) {
      t.append("      ReservedConcurrentExecutions: ").append(s.reservedConcurrency()).append('\n');
    }
    if (s.provisionedConcurrency() > 0) {
      // provisioned concurrency applies to a version or alias, so SAM needs AutoPublishAlias with it
      t.append("      AutoPublishAlias: live\n      ProvisionedConcurrencyConfig:\n        ProvisionedConcurrentExecutions: ")
          .append(s.provisionedConcurrency()).append('\n');
    } else {
      t.append("      # no provisioned concurrency was simulated (cold starts ")
          .append(String.format(Locale.ROOT, "%.2f %%", 100 * p.figures().coldStartRate())).append(")\n");
    }
  }

  /**
   * Returns the Infracost usage file: per function its monthly requests at the simulated rate and
   * its mean latency as the billed duration (a function's latency is its run time plus any cold
   * start, which Lambda bills). Keys follow Infracost's aws_lambda_function usage
   * (infracost.io/docs/features/usage_based_resources); rename each address to your resource's.
   */
  private static String usage(List<Placement> placements) {
    StringBuilder u = new StringBuilder("# Infracost usage written by polyvirt export from simulated figures.\nversion: 0.1\nresource_usage:\n");
    for (Placement p : placements) {
      u.append("  aws_lambda_function.").append(p.terraformName()).append(":\n")
          .append("    monthly_requests: ").append(p.monthlyRequests()).append('\n')
          .append("    request_duration_ms: ").append((long) Math.ceil(p.figures().latencyMs().mean())).append('\n');
    }
    return u.toString();
  }
}
