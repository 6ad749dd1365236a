package dev.polyvirt.pricing;

import static dev.polyvirt.pricing.PriceFields.duration;
import static dev.polyvirt.pricing.PriceFields.price;
import static dev.polyvirt.pricing.PriceFields.section;
import static dev.polyvirt.pricing.PriceFields.text;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.spec.Fields;
import dev.polyvirt.spec.Problems;
import dev.polyvirt.spec.SpecException;
import dev.polyvirt.spec.yaml.Node;
import dev.polyvirt.spec.yaml.YamlTree;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads a price book from YAML text, reporting every malformed field at once. */
final class PriceBookReader {
  private static final String PER_HOUR = "write USD per hour as the provider lists it";

  /** The names of a provider's virtual machine and managed Kubernetes sections. */
  private record Sections(String instances, String kubernetes) {}

  /** Provider to section names, one line per provider. */
  private static final Map<String, Sections> PROVIDERS = new LinkedHashMap<>();

  static {
    PROVIDERS.put("aws", new Sections("ec2", "eks"));
    PROVIDERS.put("azure", new Sections("virtualMachines", "aks"));
    PROVIDERS.put("gcp", new Sections("computeEngine", "gke"));
  }

  private PriceBookReader() {}

  /** Parses {@code text}, read from {@code file}, into a price book. */
  static PriceBook read(String file, String text) throws SpecException {
    Problems problems = new Problems();
    Optional<Node> root = YamlTree.parse(file, text, problems);
    Optional<Fields> top = root.flatMap(n -> Fields.of(n, problems, "the price book"));
    problems.throwIfAny();
    Fields f = top.orElseThrow();
    String id = text(f, "id", "name the book, e.g. id: aws-us-east-1").orElse("");
    if (!id.isEmpty() && !id.matches("[a-z0-9][a-z0-9._-]*")) {
      problems.add(f.node("id").orElseThrow().mark(), "'id' must be lower-case letters, digits, '.', '_' or '-', found '" + id + "'",
          "write e.g. aws-us-east-1");
    }
    LocalDate effective = text(f, "effective", "the date the prices took effect, e.g. 2025-10-01").map(d -> date(f, d)).orElse(null);
    String currency = text(f, "currency", "an ISO 4217 code, e.g. USD").orElse("");
    if (!currency.isEmpty() && !currency.matches("[A-Z]{3}")) {
      problems.add(f.node("currency").orElseThrow().mark(), "'currency' must be a three-letter ISO 4217 code, found '" + currency + "'",
          "write e.g. USD or EUR");
    }
    String provider = f.string("provider").orElse("aws");
    Sections names = PROVIDERS.get(provider);
    if (names == null) {
      problems.add(f.node("provider").orElseThrow().mark(), "unknown provider '" + provider + "'",
          "write one of " + String.join(", ", PROVIDERS.keySet()));
      names = PROVIDERS.get("aws");
    }
    Optional<FunctionOffer> functions = FunctionOffers.read(f);
    Optional<FargatePrices> fargate = f.node("fargate").flatMap(n -> Fields.of(n, problems, "fargate")).map(PriceBookReader::fargate);
    Optional<CloudRunPrices> cloudRun = f.node("cloudRun").flatMap(n -> Fields.of(n, problems, "cloudRun")).map(CloudRunPrices::read);
    String vms = names.instances();
    Ec2Prices ec2 = section(f, vms, vms, "add the " + vms + ": section (instance types and their prices)").map(Ec2PricesReader::read).orElse(null);
    String k8s = names.kubernetes();
    BigDecimal eks = section(f, k8s, k8s, "add " + k8s + ": {controlPlanePerClusterHour: 0.10}").map(e -> {
      BigDecimal p = price(e, "controlPlanePerClusterHour", PER_HOUR + ", e.g. 0.10");
      e.done();
      return p;
    }).orElse(null);
    CarbonCoefficients carbon = section(f, "carbon", "carbon", "add the carbon: coefficients").map(PriceBookReader::carbon).orElse(null);
    Optional<PurchaseOptions> purchase = f.node("purchaseOptions") // optional: books may list on-demand prices only
        .flatMap(n -> Fields.of(n, problems, "purchaseOptions")).map(PurchaseOptions::read);
    Optional<IntegrationPrices> integration = f.node("integration") // optional: gateway, load balancer and event bus prices
        .flatMap(n -> Fields.of(n, problems, "integration")).map(IntegrationPrices::read);
    Optional<ConfidentialInstances> confidential = f.node("confidentialComputing") // optional: SEV-SNP / TDX instance types
        .flatMap(n -> Fields.of(n, problems, "confidentialComputing")).map(ConfidentialInstances::read);
    Optional<KvmHosts> kvm = f.node("kvmHosts") // optional: metal or nested-virtualization types for microVM node groups
        .flatMap(n -> Fields.of(n, problems, "kvmHosts")).map(KvmHosts::read);
    Optional<DataTransferPrices> dataTransfer = f.node("dataTransfer") // optional: internet egress tiers, cross-zone traffic
        .flatMap(n -> Fields.of(n, problems, "dataTransfer")).map(DataTransferPrices::read);
    f.done();
    problems.throwIfAny();
    return new PriceBook(id, provider, effective, currency, functions, fargate, cloudRun, ec2, eks, carbon, purchase,
        integration, confidential, kvm, dataTransfer);
  }

  private static LocalDate date(Fields f, String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      f.problems().add(f.node("effective").orElseThrow().mark(), "'effective' must be a date, found '" + text + "'",
          "write the date as YYYY-MM-DD, e.g. 2025-10-01");
      return null;
    }
  }

  private static FargatePrices fargate(Fields f) {
    long granularity = duration(f, "billingGranularity", SimTime.NANOS_PER_SECOND, false, "AWS bills Fargate per 1s");
    long minimum = duration(f, "minimumBilled", SimTime.NANOS_PER_SECOND, true, "AWS bills at least 1m per task");
    var rates = PriceFields.byArchitecture(f, "architectures", "fargate", r -> {
      var cpu = price(r, "perVcpuHour", PER_HOUR + " per vCPU, e.g. 0.04048");
      var memory = price(r, "perGbHour", PER_HOUR + " per GB, e.g. 0.004445");
      r.done();
      return new FargatePrices.Rates(cpu, memory);
    });
    f.done();
    return new FargatePrices(rates, granularity, minimum);
  }

  private static CarbonCoefficients carbon(Fields f) {
    var idle = price(f, "minWattsPerVcpu", "average watts per vCPU at idle, e.g. 0.74");
    var full = price(f, "maxWattsPerVcpu", "average watts per vCPU at full load, e.g. 3.5");
    var pue = price(f, "pue", "power usage effectiveness, 1 or more, e.g. 1.135");
    if (pue.signum() > 0 && pue.compareTo(BigDecimal.ONE) < 0) {
      f.problems().add(f.node("pue").orElseThrow().mark(), "'pue' must be 1 or more, found " + pue.toPlainString(),
          "PUE is total facility power over IT power, e.g. 1.135");
    }
    var memory = price(f, "memoryKwhPerGbHour", "kWh per GB-hour of memory, e.g. 0.000392");
    var grid = price(f, "gridTco2ePerKwh", "tonnes CO2e per kWh of the region's grid, e.g. 0.000379069");
    f.done();
    return new CarbonCoefficients(idle, full, pue, memory, grid);
  }
}
