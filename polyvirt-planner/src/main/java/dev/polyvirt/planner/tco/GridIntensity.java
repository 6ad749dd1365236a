package dev.polyvirt.planner.tco;

import dev.polyvirt.spec.Fields;
import dev.polyvirt.spec.Problems;
import dev.polyvirt.spec.yaml.Node;
import dev.polyvirt.spec.yaml.YamlTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bundled, dated table of grid carbon intensity per AWS region ({@code grid-intensity.yaml},
 * Cloud Carbon Footprint's AWS emission factors, tCO2e per kWh), so the planner can say what the
 * same energy would emit elsewhere.
 *
 * @param asOf the year the factors were published
 */
public record GridIntensity(String asOf, String source, Map<String, Double> tonnesPerKwh) {
  private static final GridIntensity BUNDLED = load();

  /** Returns the bundled table. */
  public static GridIntensity bundled() {
    return BUNDLED;
  }

  /** Returns the region with the lowest intensity. */
  public Map.Entry<String, Double> cleanest() {
    return tonnesPerKwh.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow();
  }

  private static GridIntensity load() {
    try (InputStream in = GridIntensity.class.getResourceAsStream("/dev/polyvirt/planner/grid-intensity.yaml")) {
      if (in == null) throw new IllegalStateException("grid-intensity.yaml is missing from the planner's resources");
      Problems problems = new Problems();
      Node root = YamlTree.parse("grid-intensity.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8), problems).orElseThrow();
      Fields f = Fields.of(root, problems, "grid-intensity.yaml").orElseThrow();
      String asOf = f.string("asOf").orElseThrow();
      String source = f.string("source").orElseThrow();
      Fields regions = f.node("regions").flatMap(n -> Fields.of(n, problems, "regions")).orElseThrow();
      Map<String, Double> out = new LinkedHashMap<>();
      for (String region : regions.keys()) out.put(region, regions.decimal(region, 0, 0.01).orElseThrow());
      regions.done();
      f.done();
      if (!problems.isEmpty()) throw new IllegalStateException("grid-intensity.yaml is broken: " + problems.all());
      return new GridIntensity(asOf, source, Collections.unmodifiableMap(out));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
