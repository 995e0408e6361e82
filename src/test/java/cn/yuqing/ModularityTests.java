package cn.yuqing;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(YuqingApplication.class);

    @Test
    void modulesOnlyDependOnWhatTheyDeclare() {
        modules.verify();
    }

    /** Every package under the root is a module, derived from the code rather than listed here. */
    @Test
    void everyPackageUnderTheRootIsAModule() {
        java.util.Set<String> packages = new java.util.TreeSet<>();
        new com.tngtech.archunit.core.importer.ClassFileImporter()
                .withImportOption(com.tngtech.archunit.core.importer.ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.yuqing").forEach(c -> {
                    String rest = c.getPackageName().substring("cn.yuqing".length());
                    if (rest.startsWith(".")) {
                        packages.add(rest.substring(1).split("\\.")[0]);
                    }
                });
        assertThat(packages).hasSizeGreaterThanOrEqualTo(16);
        assertThat(modules.stream().map(m -> m.getIdentifier().toString())).containsExactlyInAnyOrderElementsOf(packages);
    }

    /**
     * Issue 21: later stages read events through {@code opinion.OpinionEvents} (snapshots); the
     * aggregate and the workflow service stay inside the module.
     */
    @Test
    void noModuleButOpinionTouchesTheAggregateOrItsService() {
        var production = new com.tngtech.archunit.core.importer.ClassFileImporter()
                .withImportOption(com.tngtech.archunit.core.importer.ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.yuqing");
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses().that().resideOutsideOfPackage("cn.yuqing.opinion..")
                .should().dependOnClassesThat().haveFullyQualifiedName("cn.yuqing.opinion.OpinionEvent")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("cn.yuqing.opinion.OpinionManagement")
                .check(production);
    }

    /**
     * Issue 21: a reader's request never borrows the installation's scope; a system task that acts
     * for the installation says which task it is ({@code DataScope.forSystemTask}).
     */
    @Test
    void onlyTheDirectoryHandsOutTheInstallationsScope() {
        var production = new com.tngtech.archunit.core.importer.ClassFileImporter()
                .withImportOption(com.tngtech.archunit.core.importer.ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.yuqing");
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses().that().resideOutsideOfPackage("cn.yuqing.organisation")
                .should().callMethod(cn.yuqing.organisation.DataScope.class, "installation")
                .check(production);
    }

    /**
     * The port is a named interface the later stages declare ({@code opinion::port}); the aggregate,
     * the workflow service, work orders and the routing are not in it.
     */
    @Test
    void opinionPublishesItsPortAsANamedInterface() {
        var port = modules.getModuleByName("opinion").orElseThrow().getNamedInterfaces().getByName("port").orElseThrow();
        assertThat(port.asJavaClasses().map(c -> c.getSimpleName()))
                .contains("OpinionEvents", "EventSnapshot", "EventGraded", "EventStepTaken", "EventState", "OpenDuties")
                .doesNotContain("OpinionEvent", "OpinionManagement", "WorkOrder", "EventRouting", "Workflow");
    }

    /** Writes the module diagrams and canvases into target/spring-modulith-docs. */
    @Test
    void writesModuleDocumentation() throws java.io.IOException {
        new Documenter(modules).writeDocumentation();
        java.nio.file.Path docs = java.nio.file.Path.of("target", "spring-modulith-docs");
        assertThat(docs.resolve("components.puml")).exists();
        modules.forEach(m -> assertThat(docs.resolve("module-" + m.getIdentifier() + ".puml")).exists());
    }
}
