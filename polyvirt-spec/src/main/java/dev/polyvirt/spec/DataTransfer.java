package dev.polyvirt.spec;

import dev.polyvirt.spec.yaml.Node;
import java.util.Optional;

/**
 * What a workload's requests move over the network ({@code dataTransfer:} of a workload): the
 * bytes each request carries in and each response carries out, the share of responses that leave
 * to the internet, and the share of request and response bytes that also cross an availability
 * zone inside the placement (to a replica or backend in another zone). The planner prices them
 * with the price book's {@code dataTransfer:} tiers. Without the section nothing is moved: no cost.
 *
 * @param responseBytes bytes one response carries back to the client (default 0)
 * @param requestBytes bytes one request carries in (default 0; data in from the internet is free, so
 *     it counts only when it crosses zones)
 * @param internetShare share of responses that leave to the internet, 0–1 (default 1)
 * @param crossZoneShare share of request and response bytes that cross an availability zone, 0–1 (default 0)
 */
public record DataTransfer(long responseBytes, long requestBytes, double internetShare, double crossZoneShare) {
  /** No data transfer: a workload without the section. */
  public static final DataTransfer NONE = new DataTransfer(0, 0, 1, 0);

  /** Returns true when the workload moves no bytes. */
  public boolean none() {
    return responseBytes == 0 && requestBytes == 0;
  }

  /** Reads a workload's {@code dataTransfer:} section, reporting bad values at their line and column. */
  static Optional<DataTransfer> read(Node node, String where, Problems problems) {
    return Fields.of(node, problems, where + " dataTransfer").map(f -> {
      long response = size(f, "responseSize");
      long request = size(f, "requestSize");
      double internet = f.decimal("internetShare", 0, 1).orElse(1);
      double crossZone = f.decimal("crossZoneShare", 0, 1).orElse(0);
      if (!f.has("responseSize") && !f.has("requestSize")) {
        problems.add(f.mark(), where + " dataTransfer needs 'responseSize' or 'requestSize'",
            "the bytes each response or request carries, e.g. dataTransfer: {responseSize: 20Ki}");
      }
      f.done();
      return new DataTransfer(response, request, internet, crossZone);
    });
  }

  private static long size(Fields f, String key) {
    long bytes = f.parsed(key, Units::memoryBytes).orElse(0L);
    if (bytes < 0) {
      f.problems().add(f.node(key).get().mark(), "'" + key + "' must be 0 or more, found " + bytes, "e.g. " + key + ": 20Ki");
      return 0;
    }
    return bytes;
  }
}
