package dev.polyvirt.pricing;

import static dev.polyvirt.pricing.PriceFields.count;
import static dev.polyvirt.pricing.PriceFields.duration;
import static dev.polyvirt.pricing.PriceFields.price;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.spec.Fields;
import dev.polyvirt.spec.Problems;
import dev.polyvirt.spec.yaml.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the {@code lambda:} section of a price book. */
final class LambdaPricesReader {
  private static final String PER_GB_S = "write USD per GB-s as AWS lists it, e.g. 0.0000166667";

  private LambdaPricesReader() {}

  /** Reads the section; problems go to the section's collector. */
  static LambdaPrices read(Fields f) {
    var perMillion = price(f, "requestsPerMillion", "write USD per 1M requests, e.g. 0.20");
    long granularity = duration(f, "billingGranularity", SimTime.NANOS_PER_MILLI, false, "AWS bills Lambda per 1ms");
    boolean init = PriceFields.flag(f, "billInitPhase", "true if on-demand INIT time is billed (AWS: since 2025-08-01)");
    long pcGranularity = duration(f, "provisionedGranularity", SimTime.NANOS_PER_MILLI, false,
        "AWS rounds provisioned concurrency up to 5m");
    Map<Architecture, LambdaPrices.Rates> rates = PriceFields.byArchitecture(f, "architectures", "lambda",
        LambdaPricesReader::rates);
    long freeRequests = 0;
    long freeGbSeconds = 0;
    Optional<Fields> free = PriceFields.section(f, "freeTier", "lambda freeTier", "give requests: and gbSeconds: per month");
    if (free.isPresent()) {
      freeRequests = count(free.get(), "requests", 0, Long.MAX_VALUE, "free requests per month, e.g. 1_000_000");
      freeGbSeconds = count(free.get(), "gbSeconds", 0, Long.MAX_VALUE, "free GB-s per month, e.g. 400_000");
      free.get().done();
    }
    FunctionLimits limits = PriceFields.section(f, "limits", "lambda limits", "give the function limits")
        .map(FunctionLimits::read).orElse(null);
    f.done();
    return f.problems().isEmpty() ? new LambdaPrices(perMillion, rates, granularity, pcGranularity, init,
        freeRequests, freeGbSeconds, limits) : null;
  }

  private static LambdaPrices.Rates rates(Fields f) {
    List<Tier> tiers = f.required("duration", "list the monthly duration tiers")
        .map(n -> tiers(n, f.problems())).orElse(List.of());
    var held = price(f, "provisionedPerGbSecond", PER_GB_S);
    var duration = price(f, "provisionedDurationPerGbSecond", PER_GB_S);
    f.done();
    return f.problems().isEmpty() ? new LambdaPrices.Rates(tiers, held, duration) : null;
  }

  private static List<Tier> tiers(Node node, Problems problems) {
    if (!(node instanceof Node.ListNode list) || list.items().isEmpty()) {
      problems.add(node.mark(), "'duration' must be a list of tiers, found " + node.kind(),
          "write - {upToGbSeconds: 6_000_000_000, perGbSecond: 0.0000166667}, ending with a tier without upToGbSeconds");
      return List.of();
    }
    List<Tier> tiers = new ArrayList<>();
    long previous = 0;
    for (int i = 0; i < list.items().size(); i++) {
      Optional<Fields> t = Fields.of(list.items().get(i), problems, "a duration tier");
      if (t.isEmpty()) continue;
      boolean last = i == list.items().size() - 1;
      long upTo = Tier.UNBOUNDED;
      if (t.get().has("upToGbSeconds")) {
        upTo = count(t.get(), "upToGbSeconds", previous + 1, Long.MAX_VALUE - 1,
            "tier limits count GB-s per month from 0 and must grow from tier to tier");
        if (last) problems.add(t.get().keyMark("upToGbSeconds"), "the last tier must have no upToGbSeconds",
            "remove upToGbSeconds so the last tier prices all usage above the previous one");
      } else if (!last) {
        problems.add(t.get().mark(), "only the last tier may omit upToGbSeconds", "give this tier's monthly limit in GB-s");
      }
      tiers.add(new Tier(upTo, price(t.get(), "perGbSecond", PER_GB_S)));
      t.get().done();
      previous = upTo;
    }
    return tiers;
  }
}
