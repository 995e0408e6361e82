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

    @Test
    void everyStageBuiltSoFarIsAModule() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("shared", "organisation", "audit", "shell", "notification", "intake", "analysis", "responsibility",
                        "opinion");
    }

    /** Writes the module diagrams and canvases into target/spring-modulith-docs. */
    @Test
    void writesModuleDocumentation() throws java.io.IOException {
        new Documenter(modules).writeDocumentation();
        java.nio.file.Path docs = java.nio.file.Path.of("target", "spring-modulith-docs");
        assertThat(docs.resolve("components.puml")).exists();
        for (String module : java.util.List.of("organisation", "intake", "analysis", "opinion", "responsibility")) {
            assertThat(docs.resolve("module-" + module + ".puml")).exists();
        }
    }
}
