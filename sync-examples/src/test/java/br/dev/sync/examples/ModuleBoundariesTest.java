package br.dev.sync.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The module rules, checked over every module's main classes (this module depends on all of them): no module
 * reaches into another module's internals, and providers never depend on each other.
 */
class ModuleBoundariesTest {
    static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("br.dev.sync");

    @Test
    void noModuleReachesIntoAnotherModulesInternals() {
        String[][] modules = {
            {"br.dev.sync.core..", "br.dev.sync.core.internal.."},
            {"br.dev.sync.portal..", "br.dev.sync.portal.internal.."},
            {"br.dev.sync.omnisync..", "br.dev.sync.omnisync.internal.."},
            {"br.dev.sync.winthor..", "br.dev.sync.winthor.internal.."},
        };
        for (String[] module : modules) {
            noClasses()
                    .that()
                    .resideOutsideOfPackage(module[0])
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage(module[1])
                    .allowEmptyShould(true)
                    .because("only " + module[0] + " may use " + module[1])
                    .check(ALL);
        }
    }

    @Test
    void providersDoNotDependOnEachOther() {
        String[] providers = {"br.dev.sync.portal..", "br.dev.sync.omnisync..", "br.dev.sync.winthor.."};
        for (String from : providers) {
            for (String to : providers) {
                if (!from.equals(to)) {
                    noClasses()
                            .that()
                            .resideInAPackage(from)
                            .should()
                            .dependOnClassesThat()
                            .resideInAPackage(to)
                            .allowEmptyShould(true)
                            .check(ALL);
                }
            }
        }
    }
}
