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
package dev.plimsoll.finding;

import dev.plimsoll.series.TimeWindow;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Something the analysis found, with the evidence to check it.
 *
 * @since 0.1
 */
public sealed interface Finding
        permits Finding.ScalingLag,
                Finding.ScalingCeiling,
                Finding.NoScaleUp,
                Finding.ScalingFlapping,
                Finding.LatencyBottleneck,
                Finding.LoadGeneratorSaturation,
                Finding.CapacityKnee,
                Finding.ErrorBurst,
                Finding.DataCoverage,
                Finding.AnalysisError,
                Finding.Regression,
                Finding.Improvement {

    FindingKind kind();

    Severity severity();

    /** When it happened. */
    TimeWindow window();

    /** One sentence with the numbers. */
    String reason();

    List<Evidence> evidence();

    /** 0–1: how sure the detector is (data resolution, coverage, fit). */
    double confidence();

    /**
     * Saturation began and new capacity came late or not at all.
     *
     * @param saturationStart when CPU crossed the threshold (or pods went pending)
     * @param capacityReady when the first new node was ready, if one was
     * @param relief when CPU and client p95 were back under their thresholds, if they were during the run
     * @param lagSeconds capacity ready − saturation start, NaN when no capacity came
     * @param resolutionSeconds the coarsest resolution the times rest on
     * @param budgetSeconds the longest acceptable lag the analysis judged it against (its lag budget)
     */
    record ScalingLag(
            Severity severity,
            TimeWindow window,
            String reason,
            List<Evidence> evidence,
            double confidence,
            Instant saturationStart,
            Optional<Instant> capacityReady,
            Optional<Instant> relief,
            double lagSeconds,
            double resolutionSeconds,
            double budgetSeconds)
            implements Finding {
        public ScalingLag {
            evidence = List.copyOf(evidence);
            Objects.requireNonNull(saturationStart, "saturationStart");
        }

        @Override
        public FindingKind kind() {
            return FindingKind.SCALING_LAG;
        }
    }

    /** Capacity reached its maximum while the system was still saturated. */
    record ScalingCeiling(
            Severity severity,
            TimeWindow window,
            String reason,
            List<Evidence> evidence,
            double confidence,
            Instant saturationStart,
            Instant ceilingReached,
            int maxNodes)
            implements Finding {
        public ScalingCeiling {
            evidence = List.copyOf(evidence);
        }

        @Override
        public FindingKind kind() {
            return FindingKind.SCALING_CEILING;
        }
    }

    /** Sustained saturation without any capacity increase. */
    record NoScaleUp(
            Severity severity,
            TimeWindow window,
            String reason,
            List<Evidence> evidence,
            double confidence,
            Instant saturationStart)
            implements Finding {
        public NoScaleUp {
            evidence = List.copyOf(evidence);
        }

        @Override
        public FindingKind kind() {
            return FindingKind.NO_SCALE_UP;
        }
    }

    /** Capacity went up and down repeatedly. */
    record ScalingFlapping(
            Severity severity,
            TimeWindow window,
            String reason,
            List<Evidence> evidence,
            double confidence,
            int directionChanges)
            implements Finding {
        public ScalingFlapping {
            evidence = List.copyOf(evidence);
        }

        @Override
        public FindingKind kind() {
            return FindingKind.SCALING_FLAPPING;
        }
    }

    /**
     * Where the growth of latency under load was added.
     *
     * @param tier where the growth was placed
     * @param growthMillis growth of client p95 from the baseline window to the peak window
     * @param shares growth placed in each tier (ms), in the order network edge, load balancer, backend
     */
    record LatencyBottleneck(
            Severity severity,
            TimeWindow window,
            String reason,
            List<Evidence> evidence,
            double confidence,
            LatencyTier tier,
            double growthMillis,
            Map<LatencyTier, Double> shares)
            implements Finding {
        public LatencyBottleneck {
            evidence = List.copyOf(evidence);
            Objects.requireNonNull(tier, "tier");
            shares = Collections.unmodifiableMap(new LinkedHashMap<>(shares));
        }

        @Override
        public FindingKind kind() {
            return FindingKind.LATENCY_BOTTLENECK;
        }
    }

    /** The run measured the load generator, not the system. */
    record LoadGeneratorSaturation(
            Severity severity,
            TimeWindow window,
            String reason,
            List<Evidence> evidence,
            double confidence,
            long droppedIterations)
            implements Finding {
        public LoadGeneratorSaturation {
            evidence = List.copyOf(evidence);
        }

        @Override
        public FindingKind kind() {
            return FindingKind.LOAD_GENERATOR_SATURATION;
        }
    }

    /** Throughput stopped growing with concurrency (Universal Scalability Law fit). */
    record CapacityKnee(
            Severity severity,
            TimeWindow window,
            String reason,
            List<Evidence> evidence,
            double confidence,
            double sigma,
            double kappa,
            double lambda,
            double nMax,
            double rSquared)
            implements Finding {
        public CapacityKnee {
            evidence = List.copyOf(evidence);
        }

        @Override
        public FindingKind kind() {
            return FindingKind.CAPACITY_KNEE;
        }
    }

    /** Failed requests clustered in time, classified by origin. */
    record ErrorBurst(
            Severity severity,
            TimeWindow window,
            String reason,
            List<Evidence> evidence,
            double confidence,
            long failedRequests,
            Map<String, Long> byClass)
            implements Finding {
        public ErrorBurst {
            evidence = List.copyOf(evidence);
            byClass = Collections.unmodifiableMap(new LinkedHashMap<>(byClass));
        }

        @Override
        public FindingKind kind() {
            return FindingKind.ERROR_BURST;
        }
    }

    /** A series had less data than its window holds. Always {@link Severity#INFO}. */
    record DataCoverage(
            Severity severity,
            TimeWindow window,
            String reason,
            List<Evidence> evidence,
            double confidence,
            String queryId,
            double ratio)
            implements Finding {
        public DataCoverage {
            evidence = List.copyOf(evidence);
        }

        @Override
        public FindingKind kind() {
            return FindingKind.DATA_COVERAGE;
        }
    }

    /**
     * A detector failed on this run's data: what it would have checked is unknown. Always {@link Severity#INFO}; a
     * verdict that needs the detector's answer is inconclusive.
     *
     * @param detectorId the {@code Detector.id()} that failed
     */
    record AnalysisError(
            Severity severity,
            TimeWindow window,
            String reason,
            List<Evidence> evidence,
            double confidence,
            String detectorId)
            implements Finding {
        public AnalysisError {
            evidence = List.copyOf(evidence);
            Objects.requireNonNull(detectorId, "detectorId");
        }

        @Override
        public FindingKind kind() {
            return FindingKind.ANALYSIS_ERROR;
        }
    }

    /**
     * A key figure got worse than in the baseline runs, beyond their spread or the figure's tolerance (and, for client
     * latency, significantly by a Mann–Whitney U test with a large enough effect). {@link Severity#WARNING}: a problem
     * the run exposed; {@code --fail-on warning} or the gate {@code regressions==0} fails a run on it.
     *
     * <p>The evidence holds the baseline value, the run's value and the change, each with {@link Evidence#series()} set
     * to the figure's id.
     *
     * @param figure the key figure's id, as gates spell it, e.g. {@code client_p95}, {@code scaling_lag}
     * @param unit the figure's unit: {@code ms}, {@code s}, {@code ratio} (0–1), {@code count}, {@code 1/s},
     *     {@code node-min}
     * @param baselineValue the baselines' value (the median over the baseline runs); NaN when no baseline run had the
     *     figure (a scaling lag that appeared)
     * @param currentValue this run's value; NaN when it lacks the figure (a scaling lag that disappeared)
     * @param change {@code currentValue − baselineValue} in the figure's unit; a figure that is healthy when absent
     *     (scaling lag) counts as 0 where it is absent
     * @param relativeChange {@code change ÷ |baselineValue|}; NaN when the baseline value is 0 or absent
     * @param test how it was decided: {@code mann-whitney-u} (latency as distributions of per-second values),
     *     {@code median-mad} (three or more baselines), {@code tolerance} (fewer) or {@code presence}
     * @param pValue the test's two-sided p-value ({@code mann-whitney-u}); NaN for the other tests
     * @param effectSize for {@code mann-whitney-u} the ratio of the means (current ÷ baseline); for {@code median-mad}
     *     the change in robust standard deviations (1.4826 × MAD); NaN otherwise
     * @param baselineRunIds the runs the baseline rests on, newest first
     */
    record Regression(
            Severity severity,
            TimeWindow window,
            String reason,
            List<Evidence> evidence,
            double confidence,
            String figure,
            String unit,
            double baselineValue,
            double currentValue,
            double change,
            double relativeChange,
            String test,
            double pValue,
            double effectSize,
            List<String> baselineRunIds)
            implements Finding {
        public Regression {
            evidence = List.copyOf(evidence);
            Objects.requireNonNull(figure, "figure");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(test, "test");
            baselineRunIds = List.copyOf(baselineRunIds);
        }

        @Override
        public FindingKind kind() {
            return FindingKind.REGRESSION;
        }
    }

    /**
     * A key figure got better than in the baseline runs, by the same tests as a {@link Regression}. Always
     * {@link Severity#INFO}. The fields mean what they mean for a regression.
     */
    record Improvement(
            Severity severity,
            TimeWindow window,
            String reason,
            List<Evidence> evidence,
            double confidence,
            String figure,
            String unit,
            double baselineValue,
            double currentValue,
            double change,
            double relativeChange,
            String test,
            double pValue,
            double effectSize,
            List<String> baselineRunIds)
            implements Finding {
        public Improvement {
            evidence = List.copyOf(evidence);
            Objects.requireNonNull(figure, "figure");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(test, "test");
            baselineRunIds = List.copyOf(baselineRunIds);
        }

        @Override
        public FindingKind kind() {
            return FindingKind.IMPROVEMENT;
        }
    }
}
