/*
 * Copyright 2026 the Plimsoll authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.plimsoll.acceptance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering the README promises, over the main classes of every module: core knows no adapter, adapters know no
 * other adapter, packages have no cycles, JUnit and Micrometer stay in their modules, Commons Math stays out of public
 * signatures, and the analysis' internals are reached only through the pipeline and the detector list.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    /** Packages of plimsoll-core. */
    private static final String[] CORE = {
        "dev.plimsoll",
        "dev.plimsoll.align..",
        "dev.plimsoll.analysis..",
        "dev.plimsoll.baseline..",
        "dev.plimsoll.error..",
        "dev.plimsoll.finding..",
        "dev.plimsoll.gate..",
        "dev.plimsoll.ingest..",
        "dev.plimsoll.internal..",
        "dev.plimsoll.report..",
        "dev.plimsoll.run..",
        "dev.plimsoll.series..",
        "dev.plimsoll.source.."
    };

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.plimsoll");
    }

    @Test
    void coreShouldNotDependOnAdaptersOrIntegrations() {
        noClasses()
                .that()
                .resideInAnyPackage(CORE)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.plimsoll.cloudwatch..",
                        "dev.plimsoll.datadog..",
                        "dev.plimsoll.junit..",
                        "dev.plimsoll.micrometer..",
                        "dev.plimsoll.jmeter..",
                        "dev.plimsoll.cli..",
                        "dev.plimsoll.history..",
                        "org.apache.jmeter..",
                        "software.amazon..",
                        "com.datadog..",
                        "io.micrometer..",
                        "org.junit..",
                        "picocli..")
                .check(classes);
    }

    @Test
    void adaptersShouldNotKnowEachOther() {
        noClasses()
                .that()
                .resideInAPackage("dev.plimsoll.cloudwatch..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.plimsoll.datadog..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("dev.plimsoll.datadog..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.plimsoll.cloudwatch..")
                .check(classes);
    }

    @Test
    void packagesShouldBeFreeOfCycles() {
        slices().matching("dev.plimsoll.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void onlyTheirModulesShouldUseJUnitAndMicrometer() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.plimsoll.junit..", "dev.plimsoll.micrometer..", "dev.plimsoll.samples..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.junit..", "io.micrometer..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("dev.plimsoll.micrometer..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.junit..")
                .check(classes);
    }

    @Test
    void commonsMathShouldStayOutOfPublicSignatures() {
        DescribedPredicate<JavaClass> commonsMath = DescribedPredicate.describe(
                "Commons Math", c -> c.getPackageName().startsWith("org.apache.commons.math3"));
        methods()
                .that()
                .arePublic()
                .and()
                .areDeclaredInClassesThat()
                .resideInAPackage("dev.plimsoll..")
                .should()
                .haveRawReturnType(DescribedPredicate.not(commonsMath))
                .andShould()
                .haveRawParameterTypes(DescribedPredicate.describe(
                        "no Commons Math parameter", ps -> ps.stream().noneMatch(commonsMath)))
                .check(classes);
    }

    @Test
    void analysisInternalsShouldBeReachedOnlyThroughThePipelineAndTheDetectorList() {
        classes()
                .that()
                .resideInAPackage("dev.plimsoll.analysis.internal..")
                .should()
                .onlyHaveDependentClassesThat()
                .resideInAnyPackage("dev.plimsoll.analysis..", "dev.plimsoll")
                .check(classes);
    }
}
