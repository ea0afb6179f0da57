package br.dev.sync.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** Keeps the design visible: the public API shows no library types, the SPI does not lean on internals. */
class ArchitectureTest {
    static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("br.dev.sync.core");

    static final DescribedPredicate<JavaClass> LIBRARY_TYPE =
            new DescribedPredicate<>("a Feign, Failsafe or Jackson type") {
                @Override
                public boolean test(JavaClass c) {
                    String n = c.getName();
                    return n.startsWith("feign.")
                            || n.startsWith("dev.failsafe.")
                            || n.startsWith("com.fasterxml.jackson.");
                }
            };

    @Test
    void publicSignaturesOfCoreExposeNoFeignFailsafeOrJacksonType() {
        ArchRule publicMethods = methods()
                .that()
                .arePublic()
                .and()
                .areDeclaredInClassesThat()
                .arePublic()
                .and()
                .areDeclaredInClassesThat()
                .resideOutsideOfPackage("..internal..")
                .should(new com.tngtech.archunit.lang.ArchCondition<>("not use library types in their signature") {
                    @Override
                    public void check(
                            com.tngtech.archunit.core.domain.JavaMethod m,
                            com.tngtech.archunit.lang.ConditionEvents events) {
                        boolean bad = LIBRARY_TYPE.test(m.getRawReturnType())
                                || m.getRawParameterTypes().stream().anyMatch(LIBRARY_TYPE::test);
                        if (bad) {
                            events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(
                                    m, m.getFullName() + " exposes a library type"));
                        }
                    }
                });
        publicMethods.check(CORE);
        ArchRule publicConstructors = constructors()
                .that()
                .arePublic()
                .and()
                .areDeclaredInClassesThat()
                .arePublic()
                .and()
                .areDeclaredInClassesThat()
                .resideOutsideOfPackage("..internal..")
                .should(new com.tngtech.archunit.lang.ArchCondition<>("not take library types") {
                    @Override
                    public void check(
                            com.tngtech.archunit.core.domain.JavaConstructor c,
                            com.tngtech.archunit.lang.ConditionEvents events) {
                        if (c.getRawParameterTypes().stream().anyMatch(LIBRARY_TYPE::test)) {
                            events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(
                                    c, c.getFullName() + " takes a library type"));
                        }
                    }
                });
        publicConstructors.check(CORE);
    }

    @Test
    void theSpiDependsOnNoInternals() {
        noClasses()
                .that()
                .resideInAPackage("br.dev.sync.core.spi..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("br.dev.sync.core.internal..")
                .check(CORE);
    }

    @Test
    void coreDependsOnNoProviderModule() {
        noClasses()
                .that()
                .resideInAPackage("br.dev.sync.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "br.dev.sync.portal..",
                        "br.dev.sync.omnisync..",
                        "br.dev.sync.winthor..",
                        "br.dev.sync.examples..")
                .check(CORE);
    }
}
