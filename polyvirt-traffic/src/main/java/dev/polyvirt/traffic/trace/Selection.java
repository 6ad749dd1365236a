package dev.polyvirt.traffic.trace;

import dev.polyvirt.spec.SpecException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which functions of a trace a query selects. An id matches exactly or by a prefix of at least
 * {@value #MIN_PREFIX} characters that only one id starts with (hashes are 64 hex characters;
 * twelve are always enough). A row is first <i>admitted</i> as a candidate while the file is read;
 * {@link #resolve} then keeps exact matches over prefix matches and reports an id that matches
 * nothing (with the closest ids) or a prefix that matches several.
 */
final class Selection {
  static final int MIN_PREFIX = 6;
  private final TraceQuery query;
  private final String file;
  private final Optional<String> function;
  private final Optional<String> app;
  private final Optional<String> trigger;
  private final Suggestions functionIds;
  private final Suggestions appIds;
  private final Set<String> triggers = new LinkedHashSet<>();
  private boolean functionMatched;
  private boolean appMatched;

  Selection(TraceQuery query, String file) {
    this.query = query;
    this.file = file;
    this.function = query.functionId().map(Marked::value);
    this.app = query.app().map(Marked::value);
    this.trigger = query.trigger().map(Marked::value);
    this.functionIds = new Suggestions(function.orElse(""));
    this.appIds = new Suggestions(app.orElse(""));
  }

  /** Returns true when a function may belong to the selection; notes its ids for suggestions. */
  boolean admits(String functionId, String appId, String triggerName) {
    functionIds.see(functionId);
    appIds.see(appId);
    triggers.add(triggerName);
    boolean f = matches(function, functionId);
    boolean a = matches(app, appId);
    functionMatched |= f;
    appMatched |= a;
    return f && a && trigger.map(triggerName::equals).orElse(true);
  }

  /** Keeps exact over prefix matches among the admitted candidates, or reports why none or several fit. */
  <T> List<T> resolve(List<T> admitted, Function<T, String> functionOf, Function<T, String> appOf) throws SpecException {
    if (functionIds.count() == 0) {
      throw SpecException.of(query.path().mark(), "the trace " + file + " holds no invocations", "check the file is the trace you meant");
    }
    List<T> kept = narrow(admitted, app, appOf);
    kept = narrow(kept, function, functionOf);
    if (function.isPresent() && !functionMatched) throw noMatch("function", function.get(), query.function().get(), functionIds);
    if (app.isPresent() && !appMatched) throw noMatch("app", app.get(), query.app().get(), appIds);
    if (function.isPresent() && app.isPresent() && kept.isEmpty()) {
      throw SpecException.of(query.function().get().mark(), "function '" + function.get() + "' is not in app '" + app.get()
          + "' in " + file, "leave out app:, or choose a function of that app");
    }
    Set<String> functions = distinct(kept, functionOf);
    if (function.isPresent() && functions.size() > 1) throw ambiguous("function", function.get(), query.function().get(), functions);
    Set<String> apps = distinct(kept, appOf);
    if (app.isPresent() && apps.size() > 1) throw ambiguous("app", app.get(), query.app().get(), apps);
    if (kept.isEmpty()) {
      Marked<String> where = query.trigger().orElse(new Marked<>("", query.path().mark()));
      throw SpecException.of(where.mark(), "no function of " + file + " matches the selection"
          + trigger.map(t -> " (trigger " + t + ")").orElse(""), "triggers in the file: " + String.join(", ", triggers));
    }
    return kept;
  }

  private static boolean matches(Optional<String> wanted, String id) {
    if (wanted.isEmpty()) return true;
    String w = wanted.get();
    return id.equals(w) || (w.length() >= MIN_PREFIX && id.startsWith(w));
  }

  private static <T> List<T> narrow(List<T> in, Optional<String> wanted, Function<T, String> idOf) {
    if (wanted.isEmpty()) return in;
    List<T> exact = new ArrayList<>();
    for (T t : in) if (idOf.apply(t).equals(wanted.get())) exact.add(t);
    return exact.isEmpty() ? in : exact;
  }

  private static <T> Set<String> distinct(List<T> in, Function<T, String> idOf) {
    Set<String> ids = new LinkedHashSet<>();
    for (T t : in) ids.add(idOf.apply(t));
    return ids;
  }

  private SpecException noMatch(String what, String id, Marked<String> where, Suggestions seen) {
    String hint = (id.length() < MIN_PREFIX ? "a prefix must have at least " + MIN_PREFIX + " characters; " : "")
        + seen.hint() + "; list them all with: polyvirt trace stats " + file + " --format " + query.format();
    return SpecException.of(where.mark(), "no " + what + " '" + id + "' in " + file + " (" + seen.count() + " "
        + what + (seen.count() == 1 ? "" : "s") + ")", hint);
  }

  private static SpecException ambiguous(String what, String prefix, Marked<String> where, Set<String> ids) {
    List<String> some = ids.stream().limit(4).toList();
    return SpecException.of(where.mark(), what + " prefix '" + prefix + "' matches " + ids.size() + " " + what + "s: "
        + String.join(", ", some) + (ids.size() > 4 ? ", …" : ""), "give more characters of the id");
  }
}
