package dev.polyvirt.models.faas;

import dev.polyvirt.engine.dist.Distribution;
import dev.polyvirt.models.RunContext;
import dev.polyvirt.models.Runs;
import dev.polyvirt.traffic.ArrivalProcess;
import dev.polyvirt.traffic.Traffic;
import org.apache.commons.rng.UniformRandomProvider;

/** Builds FaaS runs for the keep-alive, ping and idle-memory tests: a spec-bound context, optionally with test-made traffic. */
final class FaasRuns {
  private FaasRuns() {}

  /** Returns the context of a one-workload spec running {@code request} on faas with {@code faas} settings. */
  static RunContext context(String horizon, long seed, String traffic, String request, String faas) {
    return Runs.context(Runs.spec(horizon, seed, """
        runtime: python
        traffic: %s
        request: %s
        candidates: [faas]
        models:
          faas: %s
        """.formatted(traffic, request, faas)));
  }

  /** Simulates the context with its bound settings. */
  static FaasRun run(RunContext ctx) {
    return new FaasModel().simulateDetailed(ctx, Runs.settings(new FaasModel(), ctx));
  }

  /** Simulates the context with its bound settings, changed by {@code change}. */
  static FaasRun run(RunContext ctx, java.util.function.UnaryOperator<FaasSettings> change) {
    return new FaasModel().simulateDetailed(ctx, change.apply(Runs.settings(new FaasModel(), ctx)));
  }

  /** Returns the context with its traffic replaced by {@code traffic}. */
  static RunContext withTraffic(RunContext ctx, Traffic traffic) {
    return new RunContext(ctx.workload(), traffic, ctx.horizonNanos(), ctx.priceBook(), ctx.streams(), ctx.containerWorkloads());
  }

  /** Strictly periodic arrivals at 0, P, 2P, ... (no randomness). */
  static Traffic periodic(long periodNanos) {
    return new Gaps(null, periodNanos);
  }

  /** Arrivals at 0 and then after gaps drawn from {@code gaps} (a renewal process). */
  static Traffic gaps(Distribution gaps) {
    return new Gaps(gaps, 0);
  }

  /** A renewal process whose first arrival is at 0: gaps from a distribution, or a fixed period. */
  private record Gaps(Distribution gaps, long period) implements Traffic {
    @Override
    public ArrivalProcess arrivals(UniformRandomProvider rng, long horizonNanos) {
      Distribution.Sampler s = gaps == null ? null : gaps.sampler(rng);
      return new ArrivalProcess() {
        long next = 0;

        @Override
        public long next() {
          if (next >= horizonNanos) return NONE;
          long t = next;
          next += s == null ? period : Math.max(1, s.next());
          return t;
        }
      };
    }

    @Override
    public double meanRatePerSecond(long horizonNanos) {
      return 1e9 / (gaps == null ? period : gaps.meanNanos());
    }

    @Override
    public double peakRatePerSecond() {
      return meanRatePerSecond(0);
    }

    @Override
    public String describe() {
      return "test gaps";
    }

    @Override
    public boolean random() {
      return gaps != null;
    }
  }
}
