package dev.paved.workflows;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameStartingWith;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Workflow code stays deterministic and free of I/O: the enforcer keeps I/O libraries off this
 * module's classpath, these rules keep the JDK's own I/O, clocks and randomness out of its code.
 */
class WorkflowArchitectureTest {

  static final ArchRule NO_IO =
      noClasses()
          .that()
          .resideInAPackage("dev.paved.workflows..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..",
              "java.sql..",
              "java.net..",
              "java.nio.file..",
              "org.eclipse.jgit..",
              "okhttp3..",
              "com.hubspot..",
              "io.fabric8..")
          .orShould()
          .dependOnClassesThat(resideInAPackage("java.io").and(simpleNameStartingWith("File")))
          .because("workflow code does no I/O; activities do");

  // The whole module, not just the *WorkflowImpl classes: their helpers (RunState, StepError)
  // run inside the workflow too, and DESIGN.md keeps this module deterministic code only.
  static final ArchRule DETERMINISTIC =
      noClasses()
          .that()
          .resideInAPackage("dev.paved.workflows..")
          .should()
          .callMethod(System.class, "currentTimeMillis")
          .orShould()
          .callMethod(System.class, "nanoTime")
          .orShould()
          .callMethodWhere(target(name("now")).and(target(owner(resideInAPackage("java.time")))))
          .orShould()
          .callMethodWhere(target(name("sleep")).and(target(owner(assignableTo(Thread.class)))))
          .orShould()
          .callMethod(UUID.class, "randomUUID")
          .orShould()
          .callMethod(Math.class, "random")
          .orShould()
          .callConstructorWhere(target(owner(assignableTo(Random.class))))
          .because(
              "workflow code is replayed: use Workflow.currentTimeMillis, Workflow.sleep,"
                  + " Workflow.randomUUID and Workflow.newRandom");

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.paved.workflows");

  @Test
  void workflowCodeDependsOnNoIoLibrary() {
    NO_IO.check(MAIN);
  }

  @Test
  void workflowCodeReadsNoClockSleepsNotAndDrawsNoRandomness() {
    DETERMINISTIC.check(MAIN);
  }

  @Test
  void theRulesSeeTheWorkflowImplementation() {
    assertThat(MAIN.contain("dev.paved.workflows.goldenpath.GoldenPathWorkflowImpl")).isTrue();
  }

  @Test
  void theRulesCatchEachForbiddenCall() {
    JavaClasses offender = new ClassFileImporter().importClasses(ForbiddenWorkflowCode.class);

    EvaluationResult io = NO_IO.evaluate(offender);
    EvaluationResult determinism = DETERMINISTIC.evaluate(offender);

    assertThat(String.join("\n", io.getFailureReport().getDetails()))
        .contains("java.io.File", "java.nio.file.Path", "java.net.URI");
    assertThat(String.join("\n", determinism.getFailureReport().getDetails()))
        .contains(
            "System.currentTimeMillis()",
            "Instant.now()",
            "Thread.sleep(long)",
            "UUID.randomUUID()",
            "Random.<init>()");
  }
}
