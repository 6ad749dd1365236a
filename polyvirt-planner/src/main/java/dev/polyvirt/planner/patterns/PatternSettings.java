package dev.polyvirt.planner.patterns;

import dev.polyvirt.engine.SimTime;
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
 * @param eventDelayNanos how late an event behind the event bus may be handled in the event-mesh
 *     option: the consumer's p99 must stay within the larger of this and its own latency target
 *     (default 1 min, a planner assumption — set it to what the business tolerates)
 */
public record PatternSettings(String gateway, long eventDelayNanos) {
  /** The gateway flavours the price book prices. */
  public static final List<String> GATEWAYS = List.of("http-api", "rest-api");
  /** The default bound on an event's delay behind the bus. */
  public static final long DEFAULT_EVENT_DELAY = SimTime.NANOS_PER_MINUTE;

  /** Creates settings with the default event delay. */
  public PatternSettings(String gateway) {
    this(gateway, DEFAULT_EVENT_DELAY);
  }

  /** The defaults: an HTTP API gateway, events handled within a minute. */
  public static PatternSettings defaults() {
    return new PatternSettings("http-api", DEFAULT_EVENT_DELAY);
  }

  /** Binds the {@code patterns:} node (absent means defaults); unknown keys get did-you-mean. */
  public static PatternSettings bind(Optional<Node> node, Problems problems) {
    if (node.isEmpty()) return defaults();
    return Fields.of(node.get(), problems, "planner patterns").map(f -> {
      String gateway = f.oneOf("gateway", GATEWAYS).orElse(defaults().gateway());
      long delay = f.duration("eventDelay").orElse(DEFAULT_EVENT_DELAY);
      f.done();
      return new PatternSettings(gateway, delay);
    }).orElse(defaults());
  }
}
