package dev.polyvirt.traffic.trace;

import dev.polyvirt.spec.SpecException;
import dev.polyvirt.traffic.Traffic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The traffic of a trace replay: the selected functions' invocations in time order, time zero
 * being the start of the recording, over the span the recording covers.
 *
 * <p>{@code function: "*"} binds every selected function superposed into one stream, with
 * {@link #perFunction()} true: a planner expands it into one workload per function with
 * {@link #split()} (each named after {@link TraceFunction#id()}).
 */
public interface TraceTraffic extends Traffic {
  /** Returns the query the traffic was bound from. */
  TraceQuery query();

  /** Returns the functions replayed, in file order. */
  List<TraceFunction> functions();

  /** Returns the recorded span in nanoseconds: arrivals lie in [0, span). */
  long span();

  /** Starts a replay of the arrivals in [0, min(span, {@code horizonNanos})). */
  @Override
  TraceArrivals arrivals(UniformRandomProvider rng, long horizonNanos);

  @Override
  default OptionalLong spanNanos() {
    return OptionalLong.of(span());
  }

  /** Returns the distribution of memory in MB the trace records for the selection, if it records one. */
  default Optional<PercentileCurve> memoryCurveMb() {
    return Optional.empty();
  }

  /** Returns true when the query asked for every function as its own workload ({@code function: "*"}). */
  default boolean perFunction() {
    return query().everyFunction();
  }

  /** Returns one traffic per function, in file order, each bound as if its id had been written in {@code function:}. */
  default List<TraceTraffic> split() throws SpecException {
    List<TraceTraffic> out = new ArrayList<>();
    TraceFormat format = TraceFormats.format(query().format()).orElseThrow();
    for (TraceFunction f : functions()) out.add(format.bind(query().withFunction(f.id())));
    return out;
  }
}
