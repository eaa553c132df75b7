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
package dev.plimsoll.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * The kit's checks can fail: the kit run (through JUnit's engine test kit) over the reference adapter with one rule
 * broken fails exactly the checks of that rule (over the intact adapter, {@link AcmeCompatibilityTest}, none fails).
 */
class KitSelfTest {
    static List<Arguments> defects() {
        return List.of(
                Arguments.of(
                        AcmeMetricSource.Defect.NO_GRID,
                        Set.of(
                                "seriesShouldBeAscendingOnTheGridWithGapsAsNaN",
                                "pointsOutOfOrderOrRepeatedShouldComeBackOnceInOrder",
                                "noValueMarkersShouldBeNaNAndNotPresent",
                                "aWindowOverThePointLimitsShouldBeSplitWithoutLosingPoints",
                                "moreQueriesThanOneRequestTakesShouldBeBatched",
                                "aFailureAfterSuccessfulRequestsShouldKeepTheirPointsAndNameTheGap")),
                Arguments.of(AcmeMetricSource.Defect.NULLS_PRESENT, Set.of("noValueMarkersShouldBeNaNAndNotPresent")),
                Arguments.of(
                        AcmeMetricSource.Defect.LEAKS_KEY,
                        Set.of(
                                "aPersistentFaultShouldEndAsARetryableFailureOrANamedGap",
                                "refusedCredentialsShouldNotBeRetried",
                                "connectionRefusedShouldBeARetryableMetricSourceException",
                                "aFailureAfterSuccessfulRequestsShouldKeepTheirPointsAndNameTheGap",
                                "credentialsShouldNeverAppearEvenWhenTheBackendEchoesThem")),
                Arguments.of(
                        AcmeMetricSource.Defect.NO_RETRY,
                        Set.of(
                                "oneTransientFaultShouldBeRetriedThrough",
                                "aBurstOfServerErrorsShouldBeRetriedThrough",
                                "aPersistentFaultShouldEndAsARetryableFailureOrANamedGap")),
                Arguments.of(
                        AcmeMetricSource.Defect.RAW_EXCEPTION,
                        Set.of(
                                "oneTransientFaultShouldBeRetriedThrough",
                                "aPersistentFaultShouldEndAsARetryableFailureOrANamedGap",
                                "connectionRefusedShouldBeARetryableMetricSourceException")),
                Arguments.of(
                        AcmeMetricSource.Defect.DROPS_ON_FAILURE,
                        Set.of("aFailureAfterSuccessfulRequestsShouldKeepTheirPointsAndNameTheGap")),
                Arguments.of(
                        AcmeMetricSource.Defect.NO_SPLIT,
                        Set.of(
                                "aWindowOverThePointLimitsShouldBeSplitWithoutLosingPoints",
                                "moreQueriesThanOneRequestTakesShouldBeBatched",
                                "aFailureAfterSuccessfulRequestsShouldKeepTheirPointsAndNameTheGap")),
                Arguments.of(
                        AcmeMetricSource.Defect.UPPER_CASE_TYPE,
                        Set.of("typeShouldBeLowerCaseAndTheSourceOfEverySeries")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defects")
    void theKitShouldFailExactlyTheChecksOfABrokenRule(AcmeMetricSource.Defect defect, Set<String> failing) {
        Class<?> test = Broken.of(defect);

        Events tests = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(test))
                .execute()
                .testEvents();

        assertThat(tests.started().count()).as("checks run").isGreaterThanOrEqualTo(25);
        assertThat(failedMethods(tests)).as("checks that failed for %s", defect).isEqualTo(failing);
    }

    private static Set<String> failedMethods(Events tests) {
        return tests.finished().stream()
                .filter(e -> e.getPayload(TestExecutionResult.class)
                        .map(r -> r.getStatus() != TestExecutionResult.Status.SUCCESSFUL)
                        .orElse(false))
                .map(KitSelfTest::method)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static String method(Event e) {
        return e.getTestDescriptor()
                .getSource()
                .filter(org.junit.platform.engine.support.descriptor.MethodSource.class::isInstance)
                .map(s -> ((org.junit.platform.engine.support.descriptor.MethodSource) s).getMethodName())
                .orElse(e.getTestDescriptor().getDisplayName());
    }

    /** The reference adapter with one rule broken; static nested, so not run on their own. */
    static final class Broken {
        static Class<?> of(AcmeMetricSource.Defect defect) {
            return switch (defect) {
                case NO_GRID -> NoGrid.class;
                case NULLS_PRESENT -> NullsPresent.class;
                case LEAKS_KEY -> LeaksKey.class;
                case NO_RETRY -> NoRetry.class;
                case RAW_EXCEPTION -> RawException.class;
                case DROPS_ON_FAILURE -> DropsOnFailure.class;
                case NO_SPLIT -> NoSplit.class;
                case UPPER_CASE_TYPE -> UpperCaseType.class;
            };
        }
    }

    static class NoGrid extends AcmeCompatibilityTest {
        @Override
        Set<AcmeMetricSource.Defect> defects() {
            return Set.of(AcmeMetricSource.Defect.NO_GRID);
        }
    }

    static class NullsPresent extends AcmeCompatibilityTest {
        @Override
        Set<AcmeMetricSource.Defect> defects() {
            return Set.of(AcmeMetricSource.Defect.NULLS_PRESENT);
        }
    }

    static class LeaksKey extends AcmeCompatibilityTest {
        @Override
        Set<AcmeMetricSource.Defect> defects() {
            return Set.of(AcmeMetricSource.Defect.LEAKS_KEY);
        }
    }

    static class NoRetry extends AcmeCompatibilityTest {
        @Override
        Set<AcmeMetricSource.Defect> defects() {
            return Set.of(AcmeMetricSource.Defect.NO_RETRY);
        }
    }

    static class RawException extends AcmeCompatibilityTest {
        @Override
        Set<AcmeMetricSource.Defect> defects() {
            return Set.of(AcmeMetricSource.Defect.RAW_EXCEPTION);
        }
    }

    static class DropsOnFailure extends AcmeCompatibilityTest {
        @Override
        Set<AcmeMetricSource.Defect> defects() {
            return Set.of(AcmeMetricSource.Defect.DROPS_ON_FAILURE);
        }
    }

    static class NoSplit extends AcmeCompatibilityTest {
        @Override
        Set<AcmeMetricSource.Defect> defects() {
            return Set.of(AcmeMetricSource.Defect.NO_SPLIT);
        }
    }

    static class UpperCaseType extends AcmeCompatibilityTest {
        @Override
        Set<AcmeMetricSource.Defect> defects() {
            return Set.of(AcmeMetricSource.Defect.UPPER_CASE_TYPE);
        }
    }
}
