package dev.polyvirt.models.faas.keepalive;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.spec.Problems;
import dev.polyvirt.spec.Units;
import dev.polyvirt.spec.yaml.Mark;
import dev.polyvirt.spec.yaml.Node;
import java.util.Optional;

/**
 * A fixed keep-alive: every instance stays loaded for {@code keepAliveNanos} after its last
 * invocation ends, with no pre-warm. It has no state, so it is its own {@link KeepAliveWindows}.
 *
 * <p>Presets (shared/reference/figures.md, "Keep-alive and scaling policies"):
 * <ul>
 *   <li>{@code aws}: 10 min — row "AWS Lambda idle instance lifetime: fixed ~10 min (since
 *       mid-2019; 25–65 min before)", Shilkov 2019 measurement;
 *   <li>{@code azure}: 20 min — row "Azure Functions consumption: 20 min", Shahrad et al., ATC 2020;
 *   <li>{@code huawei}: 1 min — row "Huawei Cloud: 1 min, reset on each request", Joosen et al.,
 *       EuroSys 2025 (reset on each request is what every fixed policy here does);
 *   <li>{@code none}: 0 (every request cold); {@code forever}: never reclaimed.
 * </ul>
 *
 * @param name the registered name ({@code fixed} for {@code {fixed: <duration>}})
 * @param keepAliveNanos the window, {@code >= 0}; {@link KeepAlivePolicy#FOREVER} never ends
 */
public record FixedKeepAlive(String name, long keepAliveNanos) implements KeepAlivePolicy, KeepAliveWindows {
  public static final FixedKeepAlive AWS = new FixedKeepAlive("aws", 10 * SimTime.NANOS_PER_MINUTE);
  public static final FixedKeepAlive AZURE = new FixedKeepAlive("azure", 20 * SimTime.NANOS_PER_MINUTE);
  public static final FixedKeepAlive HUAWEI = new FixedKeepAlive("huawei", SimTime.NANOS_PER_MINUTE);
  public static final FixedKeepAlive NONE = new FixedKeepAlive("none", 0);
  public static final FixedKeepAlive KEEP_FOREVER = new FixedKeepAlive("forever", FOREVER);

  public FixedKeepAlive {
    if (keepAliveNanos < 0) throw new IllegalArgumentException("a keep-alive cannot be negative, got " + keepAliveNanos);
  }

  /** Returns {@code {fixed: <keepAliveNanos>}}. */
  public static FixedKeepAlive of(long keepAliveNanos) {
    return new FixedKeepAlive("fixed", keepAliveNanos);
  }

  /** Binds {@code {fixed: 10m}}: the value must be a duration. */
  static Optional<KeepAlivePolicy> bindFixed(Optional<Node> args, Mark where, Problems problems) {
    String hint = "write keepAlive: {fixed: 10m}";
    if (args.isEmpty()) {
      problems.add(where, "keepAlive 'fixed' needs a duration", hint);
      return Optional.empty();
    }
    if (!(args.get() instanceof Node.Scalar s) || s.text() == null) {
      problems.add(args.get().mark(), "keepAlive 'fixed' must be a duration, found " + args.get().kind(), hint);
      return Optional.empty();
    }
    try {
      long v = Units.duration(s.text());
      if (v < 0) {
        problems.add(s.mark(), "keepAlive 'fixed' cannot be negative, found '" + s.text() + "'", hint);
        return Optional.empty();
      }
      return Optional.of(of(v));
    } catch (IllegalArgumentException | ArithmeticException e) {
      problems.add(s.mark(), "keepAlive 'fixed' has a bad value '" + s.text() + "'", e.getMessage());
      return Optional.empty();
    }
  }

  /** Returns a binder for a preset, which is written as a bare name ({@code keepAlive: aws}) and takes no value. */
  static KeepAlivePolicies.Kind preset(FixedKeepAlive policy) {
    return (args, where, problems) -> {
      if (args.isPresent()) {
        problems.add(args.get().mark(), "keepAlive '" + policy.name() + "' takes no value",
            "write keepAlive: " + policy.name() + ", or keepAlive: {fixed: <duration>} for another window");
        return Optional.empty();
      }
      return Optional.of(policy);
    };
  }

  @Override
  public String describe() {
    String window = keepAliveNanos == FOREVER ? "forever" : keepAliveNanos == 0 ? "none" : SimTime.format(keepAliveNanos);
    return name.equals("fixed") || name.equals(window) ? window : window + " (" + name + ")";
  }

  @Override
  public long constantKeepAliveNanos() {
    return keepAliveNanos;
  }

  @Override
  public KeepAliveWindows newRun() {
    return this;
  }

  @Override
  public void invoked(long now) {}

  @Override
  public void ended(long now) {}

  @Override
  public long preWarmNanos() {
    return 0;
  }
}
