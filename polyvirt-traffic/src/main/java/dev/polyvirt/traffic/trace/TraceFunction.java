package dev.polyvirt.traffic.trace;

/**
 * One function of a trace: its id (the HashFunction / func hash, or the {@code function} column),
 * the app it belongs to, its trigger (http, queue, event, timer, orchestration, storage, others;
 * "unknown" where the format records none) and its total invocations in the trace.
 */
public record TraceFunction(String id, String app, String trigger, long invocations) {
  /** The trigger of formats that record none. */
  public static final String UNKNOWN_TRIGGER = "unknown";

  /** Returns the same function with {@code more} invocations added. */
  public TraceFunction plus(long more) {
    return new TraceFunction(id, app, trigger, invocations + more);
  }

  /** Returns the first 12 characters of the id, enough to tell hashes apart in reports. */
  public String shortId() {
    return id.length() <= 12 ? id : id.substring(0, 12);
  }
}
