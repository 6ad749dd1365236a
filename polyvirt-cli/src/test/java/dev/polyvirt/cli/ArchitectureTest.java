package dev.polyvirt.cli;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.jupiter.api.Test;

/** The module layering of ARCHITECTURE.md, enforced: dependencies point one way only. */
class ArchitectureTest {
  static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.polyvirt");

  @Test
  void layersDependOnlyDownwards() {
    // engine <- spec <- traffic, pricing <- models <- planner <- report <- cli, never the other way;
    // planner <- results <- dashboard <- cli, and report <- dashboard (the dashboard renders reports)
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("engine").definedBy("dev.polyvirt.engine..")
        .layer("spec").definedBy("dev.polyvirt.spec..")
        .layer("traffic").definedBy("dev.polyvirt.traffic..")
        .layer("pricing").definedBy("dev.polyvirt.pricing..")
        .layer("models").definedBy("dev.polyvirt.models..")
        .layer("planner").definedBy("dev.polyvirt.planner..")
        .layer("report").definedBy("dev.polyvirt.report..")
        .layer("cli").definedBy("dev.polyvirt.cli..")
        .layer("results").definedBy("dev.polyvirt.results..")
        .layer("dashboard").definedBy("dev.polyvirt.dashboard..")
        .whereLayer("cli").mayNotBeAccessedByAnyLayer()
        .whereLayer("dashboard").mayOnlyBeAccessedByLayers("cli")
        .whereLayer("results").mayOnlyBeAccessedByLayers("dashboard", "cli")
        .whereLayer("report").mayOnlyBeAccessedByLayers("dashboard", "cli")
        .whereLayer("planner").mayOnlyBeAccessedByLayers("report", "results", "dashboard", "cli")
        .whereLayer("models").mayOnlyBeAccessedByLayers("planner", "report", "results", "dashboard", "cli")
        .whereLayer("traffic").mayOnlyBeAccessedByLayers("models", "planner", "report", "results", "dashboard", "cli")
        .whereLayer("pricing").mayOnlyBeAccessedByLayers("models", "planner", "report", "results", "dashboard", "cli")
        .whereLayer("spec").mayOnlyBeAccessedByLayers("traffic", "pricing", "models", "planner", "report", "results", "dashboard", "cli")
        .check(CLASSES);
  }

  @Test
  void namesComeFromTheDomain() {
    // no Manager, Helper or Util classes: names say what a thing is (STYLE.md)
    ArchRuleDefinition.noClasses().should().haveSimpleNameEndingWith("Manager")
        .orShould().haveSimpleNameEndingWith("Helper").orShould().haveSimpleNameEndingWith("Util")
        .orShould().haveSimpleNameEndingWith("Utils").check(CLASSES);
  }
}
