package dev.polyvirt.traffic.trace;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.spec.SpecException;

/**
 * {@code format: azure-functions-2021}: the Azure Functions invocation trace of Zhang et al.,
 * "Faster and Cheaper Serverless Computing on Harvested Resources" (SOSP 2021): one row per
 * invocation, {@code app,func,end_timestamp,duration}, times in seconds. The start is end minus
 * duration; the file is ordered by end time, so starts are put in order by the replay's bounded
 * reorder buffer. Each arrival carries its recorded duration. Selects by {@code function} (the
 * func hash) and {@code app}.
 */
final class Azure2021Format extends ReplayFormat {
  private static final String HEADER = "app,func,end_timestamp,duration";

  @Override
  public String name() {
    return "azure-functions-2021";
  }

  @Override
  ReplayFile.Layout layout(TraceQuery query) {
    return new ReplayFile.Layout() {
      @Override
      public String expectedHeader() {
        return HEADER;
      }

      @Override
      public ReplayFile.Columns columns(CsvHeader header) throws SpecException {
        String hint = "the Azure 2021 trace starts with the header " + HEADER;
        int app = header.require("app", hint);
        int func = header.require("func", hint);
        int end = header.require("end_timestamp", hint);
        int duration = header.require("duration", hint);
        return (line, row) -> {
          long endNanos = line.scaled(end, SimTime.NANOS_PER_SECOND, "the end time in seconds", "e.g. 57.15786004066467");
          long d = line.scaled(duration, SimTime.NANOS_PER_SECOND, "the duration in seconds", "e.g. 0.078");
          if (d < 0) throw line.problem(duration, "the duration must be zero or more seconds, found " + line.text(duration), "e.g. 0.078");
          row.startNanos = endNanos - d;
          row.durationNanos = d;
          row.function = line.text(func);
          row.app = line.text(app);
        };
      }
    };
  }
}
