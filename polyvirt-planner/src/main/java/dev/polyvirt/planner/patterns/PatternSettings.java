package dev.polyvirt.planner.patterns;

import dev.polyvirt.spec.Fields;
import dev.polyvirt.spec.Problems;
import dev.polyvirt.spec.yaml.Node;
import java.util.List;
import java.util.Optional;

/**
 * The {@code planner: {patterns: {...}}} settings of the portfolio-level options.
 *
 * @param gateway which API Gateway flavour fronts public functions: {@code http-api} (cheaper,
 *     the default) or {@code rest-api} (usage plans, API keys, request validation)
 */
public record PatternSettings(String gateway) {
  /** The gateway flavours the price book prices. */
  public static final List<String> GATEWAYS = List.of("http-api", "rest-api");

  /** The defaults: an HTTP API gateway. */
  public static PatternSettings defaults() {
    return new PatternSettings("http-api");
  }

  /** Binds the {@code patterns:} node (absent means defaults); unknown keys get did-you-mean. */
  public static PatternSettings bind(Optional<Node> node, Problems problems) {
    if (node.isEmpty()) return defaults();
    return Fields.of(node.get(), problems, "planner patterns").map(f -> {
      String gateway = f.oneOf("gateway", GATEWAYS).orElse(defaults().gateway());
      f.done();
      return new PatternSettings(gateway);
    }).orElse(defaults());
  }
}
