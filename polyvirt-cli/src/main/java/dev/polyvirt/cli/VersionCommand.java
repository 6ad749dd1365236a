package dev.polyvirt.cli;

import dev.polyvirt.pricing.PriceBook;
import dev.polyvirt.pricing.PriceBooks;
import dev.polyvirt.report.JsonReport;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** {@code polyvirt version}: the version and the dates of the bundled price books. */
@Command(name = "version", description = "Print the version and the dates of the bundled price books.")
final class VersionCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    for (String line : lines()) spec.commandLine().getOut().println(line);
  }

  static List<String> lines() {
    List<String> out = new ArrayList<>();
    out.add("polyvirt " + JsonReport.VERSION + " (Java " + Runtime.version() + ")");
    out.add("bundled price books:");
    for (PriceBook b : PriceBooks.bundled()) out.add("  " + b.label());
    return out;
  }

  /** Supplies {@code --version}. */
  static final class Provider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return lines().toArray(String[]::new);
    }
  }
}
