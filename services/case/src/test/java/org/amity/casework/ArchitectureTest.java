package org.amity.casework;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.amity.contracts.TimeOrderedIds;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The domain stays free of frameworks, persistence and the wire: those live in the adapters. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.amity.casework");

    /**
     * The one class of the contracts module the domain may use is {@link TimeOrderedIds}: a function of the clock and
     * a random source that makes row ids, with no framework and nothing of the wire in it.
     */
    @Test
    void theDomainImportsNoFrameworkAndNoContract() {
        noClasses().that().resideInAPackage("org.amity.casework.domain..")
                .should().dependOnClassesThat(resideInAnyPackage("jakarta..", "io.quarkus..", "com.fasterxml..",
                        "org.hibernate..", "org.apache.kafka..", "org.amity.contracts..", "org.amity.common..",
                        "org.amity.casework.adapters..", "org.amity.casework.application..")
                        .and(not(equivalentTo(TimeOrderedIds.class))))
                .check(classes);
    }

    @Test
    void noAdapterReachesIntoAnotherAdapter() {
        noClasses().that().resideInAPackage("org.amity.casework.adapters.rest..")
                .should().dependOnClassesThat().resideInAnyPackage("org.amity.casework.adapters.persistence..",
                        "org.amity.casework.adapters.messaging..")
                .check(classes);
    }
}
