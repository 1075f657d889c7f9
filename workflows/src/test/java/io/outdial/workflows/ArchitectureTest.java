package io.outdial.workflows;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.outdial.workflows.call.CallRequest;
import io.outdial.workflows.call.CallResult;
import io.outdial.workflows.call.CallWorkflow;
import io.temporal.workflow.WorkflowInterface;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Keeps the workflows module free of infrastructure, and its workflow code deterministic. */
@AnalyzeClasses(packages = "io.outdial.workflows", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule workflowsDependOnTheTemporalSdkOnly = noClasses()
            .that().resideInAPackage("io.outdial.workflows..")
            .should().dependOnClassesThat().resideInAnyPackage("redis.clients..", "java.sql..", "javax.sql..",
                    "org.springframework..", "io.netty..", "org.postgresql..", "com.zaxxer..");

    @ArchTest
    static final ArchRule workflowCodeIsDeterministic = workflowCodeIsDeterministic();

    private static ArchRule workflowCodeIsDeterministic() {
        return noClasses()
                .that(implementAWorkflowInterface())
                .should().callMethodWhere(calls(System.class, "currentTimeMillis"))
                .orShould().callMethodWhere(calls(System.class, "nanoTime"))
                .orShould().callMethodWhere(calls(Thread.class, "sleep"))
                .orShould().callMethodWhere(calls(Instant.class, "now"))
                .orShould().callMethodWhere(calls(LocalDateTime.class, "now"))
                .orShould().callMethodWhere(calls(UUID.class, "randomUUID"))
                .orShould().callMethodWhere(calls(Math.class, "random"))
                .orShould().dependOnClassesThat().areAssignableTo(Random.class)
                .because("workflow code must replay identically: use Workflow.currentTimeMillis, "
                        + "Workflow.sleep, Workflow.newRandom and Workflow.randomUUID");
    }

    @Test
    void determinismRuleCatchesAWorkflowReadingTheWallClock() {
        JavaClasses offender = new ClassFileImporter().importClasses(WallClockCallWorkflow.class);

        assertThatThrownBy(() -> workflowCodeIsDeterministic().check(offender))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("currentTimeMillis");
    }

    private static DescribedPredicate<JavaClass> implementAWorkflowInterface() {
        return DescribedPredicate.describe("implement a @WorkflowInterface", type -> !type.isInterface()
                && type.getAllRawInterfaces().stream().anyMatch(i -> i.isAnnotatedWith(WorkflowInterface.class)));
    }

    private static DescribedPredicate<JavaMethodCall> calls(Class<?> owner, String method) {
        return DescribedPredicate.describe(owner.getSimpleName() + "." + method,
                call -> call.getTargetOwner().isEquivalentTo(owner) && call.getName().equals(method));
    }

    /** A workflow that breaks replay: it reads the wall clock. */
    static class WallClockCallWorkflow implements CallWorkflow {

        @Override
        public CallResult run(CallRequest request) {
            return new CallResult(request.taskId(), 1, null, null, System.currentTimeMillis());
        }
    }
}
