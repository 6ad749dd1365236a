package dev.polyvirt.results;

import static dev.polyvirt.results.Column.Type.DOUBLE;
import static dev.polyvirt.results.Column.Type.INTEGER;
import static dev.polyvirt.results.Column.Type.VARCHAR;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.planner.WorkloadPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code model_tables}: the small named tables a model attaches to its result (e.g. the FaaS
 * power-tuning sweep), one row per cell, so any table is stored without knowing its columns.
 */
final class ModelTablesTable implements RunTable {
  @Override
  public String name() {
    return "model_tables";
  }

  @Override
  public String doc() {
    return "One row per cell of the named tables models attach to results (e.g. `powerTuning`).";
  }

  @Override
  public List<Column> columns() {
    return List.of(
        Column.of("run_id", VARCHAR, "The run."),
        Column.of("workload", VARCHAR, "The workload."),
        Column.of("model", VARCHAR, "The model that made the table."),
        Column.of("table_name", VARCHAR, "The table's name, as under `tables` in results.json."),
        Column.of("row_index", INTEGER, "The row, from 0."),
        Column.of("column_name", VARCHAR, "The column."),
        Column.of("number", DOUBLE, "The cell when it is a number, else null."),
        Column.of("text", VARCHAR, "The cell when it is text, else null."));
  }

  @Override
  public List<List<Object>> rows(StoredRun run) {
    List<List<Object>> rows = new ArrayList<>();
    for (WorkloadPlan w : run.plan().workloads()) {
      for (ModelResult r : w.results()) {
        for (Map.Entry<String, ModelResult.Table> t : r.tables().entrySet()) {
          List<String> columns = t.getValue().columns();
          for (int i = 0; i < t.getValue().rows().size(); i++) {
            List<Object> cells = t.getValue().rows().get(i);
            for (int c = 0; c < columns.size(); c++) {
              Object cell = cells.get(c);
              rows.add(Arrays.asList(run.id().value(), w.workload().workload().name(), r.model(), t.getKey(), i,
                  columns.get(c), cell instanceof Double d ? d : null, cell instanceof String s ? s : null));
            }
          }
        }
      }
    }
    return rows;
  }
}
