package dev.polyvirt.report.export;

import java.util.List;

/** A deployable configuration format {@code polyvirt export --target} writes for the placements of one compute model. */
public interface ExportTarget {
  /** Returns the name users pass to {@code --target}. */
  String name();

  /** Returns the compute model whose placements this target deploys (e.g. {@code faas} for SAM). */
  String model();

  /** Returns the files for {@code placements} (at least one placement, all on {@link #model()}). */
  List<ExportFile> files(List<Placement> placements);
}
