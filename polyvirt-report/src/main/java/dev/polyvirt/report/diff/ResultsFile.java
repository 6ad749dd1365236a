package dev.polyvirt.report.diff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a {@code results.json} for {@code polyvirt diff}; a file that is not one fails with its name (and line:column when JSON is broken). */
public final class ResultsFile {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private ResultsFile() {}

  /** A results file that cannot be read or is not a polyvirt result. */
  public static final class BadResults extends RuntimeException {
    BadResults(String message) {
      super(message);
    }
  }

  /** Reads {@code file}; throws {@link BadResults} naming the file when it is missing, not JSON or not a result. */
  public static RunResults read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new BadResults(file + ": error: no such file");
    } catch (IOException e) {
      throw new BadResults(file + ": error: cannot read: " + e.getMessage());
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JacksonException e) {
      TokenStreamLocation at = e.getLocation();
      String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
      throw new BadResults(file + where + ": error: not valid JSON: " + e.getOriginalMessage());
    }
    return parse(file.toString(), root);
  }

  /** Reads a result already parsed from JSON; {@code name} names it in messages. */
  public static RunResults parse(String name, JsonNode root) {
    if (root == null || !root.isObject() || !root.path("workloads").isArray() || !root.has("polyvirt")) {
      throw new BadResults(name + ": error: not a polyvirt result (expected an object with \"polyvirt\" and \"workloads\", "
          + "as 'polyvirt plan' writes to results.json)");
    }
    List<RunResults.Workload> workloads = new ArrayList<>();
    for (JsonNode w : root.get("workloads")) {
      String wname = w.path("name").asString("");
      if (wname.isEmpty()) throw new BadResults(name + ": error: a workload without a name");
      JsonNode rec = w.path("recommendation").path("model");
      Optional<String> chosen = rec.isString() ? Optional.of(rec.stringValue()) : Optional.empty();
      Map<String, RunResults.Figures> models = new LinkedHashMap<>();
      for (JsonNode r : w.path("results")) {
        if (!r.path("feasible").asBoolean(false) || !r.has("costUsdPerMonth")) continue;
        models.put(r.path("model").asString(""), new RunResults.Figures(r.path("costUsdPerMonth").asDouble(),
            r.path("latencyMs").path("p99").asDouble(), r.path("coldStartRate").asDouble(), r.path("co2eKg").asDouble()));
      }
      if (chosen.isPresent() && !models.containsKey(chosen.get())) {
        throw new BadResults(name + ": error: workload '" + wname + "' recommends '" + chosen.get() + "', which has no figures");
      }
      workloads.add(new RunResults.Workload(wname, chosen, models));
    }
    return new RunResults(root.path("spec").asString(""), root.path("seed").asLong(0), root.path("priceBook").asString(""), workloads);
  }
}
