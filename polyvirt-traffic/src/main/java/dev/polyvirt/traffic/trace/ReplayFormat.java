package dev.polyvirt.traffic.trace;

import dev.polyvirt.spec.SpecException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the per-request formats share: binding reads the file twice ({@link ReplayScan}) — once
 * for its functions, origin and span, once for the selected functions' figures — and the replay
 * reads it a third time, as the simulation goes. A format only says how a row reads ({@link #layout}).
 */
abstract class ReplayFormat implements TraceFormat {
  /** Returns how the format's header and rows read, for the query (which may name optional columns). */
  abstract ReplayFile.Layout layout(TraceQuery query);

  @Override
  public List<String> keys() {
    return List.of("function", "app");
  }

  @Override
  public TraceTraffic bind(TraceQuery q) throws SpecException {
    Path file = q.path().value();
    ReplayFile.Layout layout = layout(q);
    ReplayScan.Catalogue catalogue = ReplayScan.catalogue(file, q, layout);
    Selection selection = new Selection(q, file.toString());
    List<TraceFunction> admitted = new ArrayList<>();
    for (TraceFunction f : catalogue.functions()) if (selection.admits(f.id(), f.app(), f.trigger())) admitted.add(f);
    List<TraceFunction> kept = selection.resolve(admitted, TraceFunction::id, TraceFunction::app);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < kept.size(); i++) index.put(kept.get(i).id(), i);
    ReplayScan.Summary summary = ReplayScan.summary(file, q, layout, index);
    return new ReplayTraffic(name(), q, file, layout, kept, index, catalogue, summary);
  }

  @Override
  public List<TraceFunction> functions(TraceQuery q) throws SpecException {
    return ReplayScan.catalogue(q.path().value(), q, layout(q)).functions();
  }
}
