package dev.bulwark.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module arrows of docs/architecture.md, checked on the compiled classes of every module. */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.bulwark");
  }

  @Test
  void trustCore_doesNoIo_andDependsOnNothingOfOurs() {
    noClasses()
        .that()
        .resideInAPackage("dev.bulwark.trust.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "java.net..",
            "java.sql..",
            "java.nio.file..",
            "java.io.File",
            "dev.bulwark.trust.client..",
            "dev.bulwark.trust.server..",
            "dev.bulwark.oci..",
            "dev.bulwark.builder..",
            "dev.bulwark.sandbox..",
            "dev.bulwark.cli..")
        .check(classes);
  }

  @Test
  void sandbox_dependsOnNothingOfOurs() {
    noClasses()
        .that()
        .resideInAPackage("dev.bulwark.sandbox..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.bulwark.trust..",
            "dev.bulwark.oci..",
            "dev.bulwark.builder..",
            "dev.bulwark.cli..")
        .check(classes);
  }

  @Test
  void onlyTheSandbox_usesTheForeignLinker() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.bulwark.sandbox..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.lang.foreign.Linker")
        .check(classes);
  }

  @Test
  void libraries_neverDependOnTheCli() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.bulwark.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.bulwark.cli..")
        .check(classes);
  }

  @Test
  void serverAndClient_doNotSeeEachOther() {
    noClasses()
        .that()
        .resideInAPackage("dev.bulwark.trust.server..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.bulwark.trust.client..", "dev.bulwark.builder..", "dev.bulwark.oci..")
        .check(classes);
  }

  @Test
  void internalPackages_stayInsideTheirModule() {
    for (String module :
        new String[] {"trust.core", "trust.client", "trust.server", "oci", "sandbox", "builder"}) {
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.bulwark." + module + "..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.bulwark." + module + "..internal..")
          .allowEmptyShould(true)
          .check(classes);
    }
  }

  @Test
  void modules_haveNoCycles() {
    slices()
        .matching("dev.bulwark.(trust.core|trust.client|trust.server|oci|sandbox|builder|cli)..")
        .should()
        .beFreeOfCycles()
        .check(classes);
  }
}
