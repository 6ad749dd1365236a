package dev.polyvirt.models.faas;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.RunContext;
import dev.polyvirt.models.Runs;
import java.util.Locale;

/**
 * A plain timing loop (not a test): simulated FaaS requests per second on one core for the
 * workload of {@code polyvirt-bench}'s {@code FaasSimulationBenchmark} (Poisson 50 req/s,
 * lognormal p50 80 ms / p99 900 ms), under the keep-alive given as the first argument.
 * Run: {@code java -cp <test classpath> dev.polyvirt.models.faas.FaasThroughput "{fixed: 10m}" 1d 6}.
 */
public final class FaasThroughput {
  private FaasThroughput() {}

  public static void main(String[] args) {
    String keepAlive = args.length > 0 ? args[0] : "{fixed: 10m}";
    String horizon = args.length > 1 ? args[1] : "1d";
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 6;
    String extra = args.length > 3 ? ", " + args[3] : "";
    RunContext ctx = Runs.context(Runs.spec(horizon, 1, """
        runtime: python
        traffic: {poisson: {ratePerSecond: 50}}
        request: {duration: {lognormal: {p50: 80ms, p99: 900ms}}, cpu: 250m, memory: 256Mi}
        candidates: [faas]
        models:
          faas: {keepAlive: %s%s}
        """.formatted(keepAlive, extra)));
    FaasModel model = new FaasModel();
    FaasSettings s = Runs.settings(model, ctx);
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      ModelResult r = model.simulate(ctx, s);
      long dt = System.nanoTime() - t0;
      long n = r.figures().orElseThrow().requests();
      System.out.printf(Locale.ROOT, "%s run %d: %,d requests in %.3f s = %,.0f requests/s  %s%n", keepAlive, i, n, dt / 1e9,
          n / (dt / 1e9), r.notes());
    }
  }
}
