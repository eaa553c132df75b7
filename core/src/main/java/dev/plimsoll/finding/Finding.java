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

    /**
     * What was found, one constant per record type.
     *
     * @return the kind, fixed per implementation
     */
    FindingKind kind();

    /**
     * How much it matters.
     *
     * @return the severity; {@link Severity#INFO} for findings that never fail a run by themselves
     */
    Severity severity();

    /**
     * When it happened.
     *
     * @return the window on the load generator's clock (cloud series are shifted by the clock skew)
     */
    TimeWindow window();

    /**
     * One sentence with the numbers, as the reports print it.
     *
     * @return e.g. {@code "the first new node was ready 123 s after node CPU crossed 70 %"}
     */
    String reason();

    /**
     * The numbers behind the finding, findable on the report's charts.
     *
     * @return unmodifiable, in the order the report shows them; may be empty
     */
    List<Evidence> evidence();

    /**
     * How sure the detector is, from the data's resolution, coverage and fit.
     *
     * @return 0–1
     */
    double confidence();

    /**
     * Saturation began and new capacity came late or not at all.
     *
     * @param severity how much it matters
     * @param window when it happened, on the load generator's clock
     * @param reason one sentence with the numbers
     * @param evidence the numbers behind it, in the order the report shows them
     * @param confidence 0–1: how sure the detector is
     * @param saturationStart when CPU crossed the threshold (or pods went pending)
     * @param capacityReady when the first new node was ready, if one was
     * @param relief when CPU and client p95 were back under their thresholds, if they were during the run
     * @param lagSeconds capacity ready − saturation start, seconds; NaN when no capacity came
     * @param resolutionSeconds the coarsest resolution the times rest on, seconds (60 for CloudWatch's basic metrics)
     * @param budgetSeconds the longest acceptable lag the analysis judged it against (its lag budget), seconds
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
        /**
         * Copies the collections so that the finding is immutable; detectors make findings, so little is checked.
         *
         * @param severity how much it matters
         * @param window when it happened, on the load generator's clock
         * @param reason one sentence with the numbers
         * @param evidence the numbers behind it, in the order the report shows them
         * @param confidence 0–1: how sure the detector is
         * @param saturationStart when CPU crossed the threshold (or pods went pending)
         * @param capacityReady when the first new node was ready, if one was
         * @param relief when CPU and client p95 were back under their thresholds, if they were during the run
         * @param lagSeconds capacity ready − saturation start, seconds; NaN when no capacity came
         * @param resolutionSeconds the coarsest resolution the times rest on, seconds (60 for CloudWatch's basic
         *     metrics)
         * @param budgetSeconds the longest acceptable lag the analysis judged it against (its lag budget), seconds
         * @throws NullPointerException if a collection or a checked component is null
         */
        public ScalingLag {
            evidence = List.copyOf(evidence);
            Objects.requireNonNull(saturationStart, "saturationStart");
        }

        @Override
        public FindingKind kind() {
            return FindingKind.SCALING_LAG;
        }
    }

    /**
     * Capacity reached its maximum while the system was still saturated.
     *
     * @param severity how much it matters
     * @param window when it happened, on the load generator's clock
     * @param reason one sentence with the numbers
     * @param evidence the numbers behind it, in the order the report shows them
     * @param confidence 0–1: how sure the detector is
     * @param saturationStart when node CPU crossed the threshold
     * @param ceilingReached when the node count reached its highest value
     * @param maxNodes that highest node count: the node group's known maximum, or the plateau
     */
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
        /**
         * Copies the collections so that the finding is immutable; detectors make findings, so little is checked.
         *
         * @param severity how much it matters
         * @param window when it happened, on the load generator's clock
         * @param reason one sentence with the numbers
         * @param evidence the numbers behind it, in the order the report shows them
         * @param confidence 0–1: how sure the detector is
         * @param saturationStart when node CPU crossed the threshold
         * @param ceilingReached when the node count reached its highest value
         * @param maxNodes that highest node count: the node group's known maximum, or the plateau
         * @throws NullPointerException if a collection or a checked component is null
         */
        public ScalingCeiling {
            evidence = List.copyOf(evidence);
        }

        @Override
        public FindingKind kind() {
            return FindingKind.SCALING_CEILING;
        }
    }

    /**
     * Sustained saturation without any capacity increase, for longer than the lag budget.
     *
     * @param severity how much it matters
     * @param window when it happened, on the load generator's clock
     * @param reason one sentence with the numbers
     * @param evidence the numbers behind it, in the order the report shows them
     * @param confidence 0–1: how sure the detector is
     * @param saturationStart when node CPU crossed the threshold
     */
    record NoScaleUp(
            Severity severity,
            TimeWindow window,
            String reason,
            List<Evidence> evidence,
            double confidence,
            Instant saturationStart)
            implements Finding {
        /**
         * Copies the collections so that the finding is immutable; detectors make findings, so little is checked.
         *
         * @param severity how much it matters
         * @param window when it happened, on the load generator's clock
         * @param reason one sentence with the numbers
         * @param evidence the numbers behind it, in the order the report shows them
         * @param confidence 0–1: how sure the detector is
         * @param saturationStart when node CPU crossed the threshold
         * @throws NullPointerException if a collection or a checked component is null
         */
        public NoScaleUp {
            evidence = List.copyOf(evidence);
        }

        @Override
        public FindingKind kind() {
            return FindingKind.NO_SCALE_UP;
        }
    }

    /**
     * Capacity went up and down repeatedly.
     *
     * @param severity how much it matters
     * @param window when it happened, on the load generator's clock
     * @param reason one sentence with the numbers
     * @param evidence the numbers behind it, in the order the report shows them
     * @param confidence 0–1: how sure the detector is
     * @param directionChanges how often the node count changed direction during the run, at least
     *     {@link dev.plimsoll.analysis.AnalysisConfig#flappingChanges()}
     */
    record ScalingFlapping(
            Severity severity,
            TimeWindow window,
            String reason,
            List<Evidence> evidence,
            double confidence,
            int directionChanges)
            implements Finding {
        /**
         * Copies the collections so that the finding is immutable; detectors make findings, so little is checked.
         *
         * @param severity how much it matters
         * @param window when it happened, on the load generator's clock
         * @param reason one sentence with the numbers
         * @param evidence the numbers behind it, in the order the report shows them
         * @param confidence 0–1: how sure the detector is
         * @param directionChanges how often the node count changed direction during the run, at least
         *     {@link dev.plimsoll.analysis.AnalysisConfig#flappingChanges()}
         * @throws NullPointerException if a collection or a checked component is null
         */
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
     * @param severity how much it matters
     * @param window when it happened, on the load generator's clock
     * @param reason one sentence with the numbers
     * @param evidence the numbers behind it, in the order the report shows them
     * @param confidence 0–1: how sure the detector is
     * @param tier where the growth was placed
     * @param growthMillis growth of client p95 from the baseline window to the peak window, milliseconds
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
        /**
         * Copies the collections so that the finding is immutable; detectors make findings, so little is checked.
         *
         * @param severity how much it matters
         * @param window when it happened, on the load generator's clock
         * @param reason one sentence with the numbers
         * @param evidence the numbers behind it, in the order the report shows them
         * @param confidence 0–1: how sure the detector is
         * @param tier where the growth was placed
         * @param growthMillis growth of client p95 from the baseline window to the peak window, milliseconds
         * @param shares growth placed in each tier (ms), in the order network edge, load balancer, backend
         * @throws NullPointerException if a collection or a checked component is null
         */
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

    /**
     * The run measured the load generator, not the system: it could not start iterations as scheduled.
     *
     * @param severity how much it matters
     * @param window when it happened, on the load generator's clock
     * @param reason one sentence with the numbers
     * @param evidence the numbers behind it, in the order the report shows them
     * @param confidence 0–1: how sure the detector is
     * @param droppedIterations iterations the generator was asked for but could not start (k6's
     *     {@code dropped_iterations}), ≥ 0
     */
    record LoadGeneratorSaturation(
            Severity severity,
            TimeWindow window,
            String reason,
            List<Evidence> evidence,
            double confidence,
            long droppedIterations)
            implements Finding {
        /**
         * Copies the collections so that the finding is immutable; detectors make findings, so little is checked.
         *
         * @param severity how much it matters
         * @param window when it happened, on the load generator's clock
         * @param reason one sentence with the numbers
         * @param evidence the numbers behind it, in the order the report shows them
         * @param confidence 0–1: how sure the detector is
         * @param droppedIterations iterations the generator was asked for but could not start (k6's
         *     {@code dropped_iterations}), ≥ 0
         * @throws NullPointerException if a collection or a checked component is null
         */
        public LoadGeneratorSaturation {
            evidence = List.copyOf(evidence);
        }

        @Override
        public FindingKind kind() {
            return FindingKind.LOAD_GENERATOR_SATURATION;
        }
    }

    /**
     * Throughput stopped growing with concurrency: a Universal Scalability Law fit, {@code X(N) = λN / (1 + σ(N − 1) +
     * κN(N − 1))}, over 5-bucket windows (5 s by default) of VUs and requests per second. Always {@link Severity#INFO}.
     *
     * @param severity how much it matters
     * @param window when it happened, on the load generator's clock
     * @param reason one sentence with the numbers
     * @param evidence the numbers behind it, in the order the report shows them
     * @param confidence 0–1: how sure the detector is
     * @param sigma σ, contention (serialised share of the work), in [0, 1)
     * @param kappa κ, coherency (cross-talk between concurrent users), positive
     * @param lambda λ, throughput of one VU, requests per second
     * @param nMax concurrency at which throughput peaks, {@code √((1 − σ) ÷ κ)}, VUs
     * @param rSquared the fit's coefficient of determination, 0–1
     */
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
        /**
         * Copies the collections so that the finding is immutable; detectors make findings, so little is checked.
         *
         * @param severity how much it matters
         * @param window when it happened, on the load generator's clock
         * @param reason one sentence with the numbers
         * @param evidence the numbers behind it, in the order the report shows them
         * @param confidence 0–1: how sure the detector is
         * @param sigma σ, contention (serialised share of the work), in [0, 1)
         * @param kappa κ, coherency (cross-talk between concurrent users), positive
         * @param lambda λ, throughput of one VU, requests per second
         * @param nMax concurrency at which throughput peaks, {@code √((1 − σ) ÷ κ)}, VUs
         * @param rSquared the fit's coefficient of determination, 0–1
         * @throws NullPointerException if a collection or a checked component is null
         */
        public CapacityKnee {
            evidence = List.copyOf(evidence);
        }

        @Override
        public FindingKind kind() {
            return FindingKind.CAPACITY_KNEE;
        }
    }

    /**
     * Failed requests clustered in time, classified by origin.
     *
     * @param severity how much it matters
     * @param window when it happened, on the load generator's clock
     * @param reason one sentence with the numbers
     * @param evidence the numbers behind it, in the order the report shows them
     * @param confidence 0–1: how sure the detector is
     * @param failedRequests failed requests in the window
     * @param byClass failed requests per class, e.g. {@code 503 gateway}, {@code 429 rate limited}, {@code k6
     *     error_code 1211}, {@code ALB target 5xx (backend)}; in the order the detector found them
     */
    record ErrorBurst(
            Severity severity,
            TimeWindow window,
            String reason,
            List<Evidence> evidence,
            double confidence,
            long failedRequests,
            Map<String, Long> byClass)
            implements Finding {
        /**
         * Copies the collections so that the finding is immutable; detectors make findings, so little is checked.
         *
         * @param severity how much it matters
         * @param window when it happened, on the load generator's clock
         * @param reason one sentence with the numbers
         * @param evidence the numbers behind it, in the order the report shows them
         * @param confidence 0–1: how sure the detector is
         * @param failedRequests failed requests in the window
         * @param byClass failed requests per class, e.g. {@code 503 gateway}, {@code 429 rate limited}, {@code k6
         *     error_code 1211}, {@code ALB target 5xx (backend)}; in the order the detector found them
         * @throws NullPointerException if a collection or a checked component is null
         */
        public ErrorBurst {
            evidence = List.copyOf(evidence);
            byClass = Collections.unmodifiableMap(new LinkedHashMap<>(byClass));
        }

        @Override
        public FindingKind kind() {
            return FindingKind.ERROR_BURST;
        }
    }

    /**
     * A series had less data than its window holds, or a query returned nothing. Always {@link Severity#INFO}.
     *
     * @param severity how much it matters
     * @param window when it happened, on the load generator's clock
     * @param reason one sentence with the numbers
     * @param evidence the numbers behind it, in the order the report shows them
     * @param confidence 0–1: how sure the detector is
     * @param queryId the query whose series fell short
     * @param ratio the share of expected points present during the run, 0–1
     */
    record DataCoverage(
            Severity severity,
            TimeWindow window,
            String reason,
            List<Evidence> evidence,
            double confidence,
            String queryId,
            double ratio)
            implements Finding {
        /**
         * Copies the collections so that the finding is immutable; detectors make findings, so little is checked.
         *
         * @param severity how much it matters
         * @param window when it happened, on the load generator's clock
         * @param reason one sentence with the numbers
         * @param evidence the numbers behind it, in the order the report shows them
         * @param confidence 0–1: how sure the detector is
         * @param queryId the query whose series fell short
         * @param ratio the share of expected points present during the run, 0–1
         * @throws NullPointerException if a collection or a checked component is null
         */
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
     * @param severity how much it matters
     * @param window when it happened, on the load generator's clock
     * @param reason one sentence with the numbers
     * @param evidence the numbers behind it, in the order the report shows them
     * @param confidence 0–1: how sure the detector is
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
        /**
         * Copies the collections so that the finding is immutable; detectors make findings, so little is checked.
         *
         * @param severity how much it matters
         * @param window when it happened, on the load generator's clock
         * @param reason one sentence with the numbers
         * @param evidence the numbers behind it, in the order the report shows them
         * @param confidence 0–1: how sure the detector is
         * @param detectorId the {@code Detector.id()} that failed
         * @throws NullPointerException if a collection or a checked component is null
         */
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
     * @param severity how much it matters
     * @param window when it happened, on the load generator's clock
     * @param reason one sentence with the numbers
     * @param evidence the numbers behind it, in the order the report shows them
     * @param confidence 0–1: how sure the detector is
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
        /**
         * Copies the collections so that the finding is immutable; detectors make findings, so little is checked.
         *
         * @param severity how much it matters
         * @param window when it happened, on the load generator's clock
         * @param reason one sentence with the numbers
         * @param evidence the numbers behind it, in the order the report shows them
         * @param confidence 0–1: how sure the detector is
         * @param figure the key figure's id, as gates spell it, e.g. {@code client_p95}, {@code scaling_lag}
         * @param unit the figure's unit: {@code ms}, {@code s}, {@code ratio} (0–1), {@code count}, {@code 1/s},
         *     {@code node-min}
         * @param baselineValue the baselines' value (the median over the baseline runs); NaN when no baseline run had
         *     the figure (a scaling lag that appeared)
         * @param currentValue this run's value; NaN when it lacks the figure (a scaling lag that disappeared)
         * @param change {@code currentValue − baselineValue} in the figure's unit; a figure that is healthy when absent
         *     (scaling lag) counts as 0 where it is absent
         * @param relativeChange {@code change ÷ |baselineValue|}; NaN when the baseline value is 0 or absent
         * @param test how it was decided: {@code mann-whitney-u} (latency as distributions of per-second values),
         *     {@code median-mad} (three or more baselines), {@code tolerance} (fewer) or {@code presence}
         * @param pValue the test's two-sided p-value ({@code mann-whitney-u}); NaN for the other tests
         * @param effectSize for {@code mann-whitney-u} the ratio of the means (current ÷ baseline); for
         *     {@code median-mad} the change in robust standard deviations (1.4826 × MAD); NaN otherwise
         * @param baselineRunIds the runs the baseline rests on, newest first
         * @throws NullPointerException if a collection or a checked component is null
         */
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
     *
     * @param severity how much it matters
     * @param window when it happened, on the load generator's clock
     * @param reason one sentence with the numbers
     * @param evidence the numbers behind it, in the order the report shows them
     * @param confidence 0–1: how sure the detector is
     * @param figure the key figure's id, e.g. {@code client_p95}
     * @param unit the figure's unit
     * @param baselineValue the baselines' median; NaN when no baseline run had the figure
     * @param currentValue this run's value; NaN when it lacks the figure
     * @param change {@code currentValue − baselineValue}, in the figure's unit
     * @param relativeChange {@code change ÷ |baselineValue|}; NaN when the baseline value is 0 or absent
     * @param test {@code mann-whitney-u}, {@code median-mad}, {@code tolerance} or {@code presence}
     * @param pValue the Mann–Whitney U test's p-value; NaN for the other tests
     * @param effectSize as for a {@link Regression}; NaN when none
     * @param baselineRunIds the runs the baseline rests on, newest first
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
        /**
         * Copies the collections so that the finding is immutable; detectors make findings, so little is checked.
         *
         * @param severity how much it matters
         * @param window when it happened, on the load generator's clock
         * @param reason one sentence with the numbers
         * @param evidence the numbers behind it, in the order the report shows them
         * @param confidence 0–1: how sure the detector is
         * @param figure the key figure's id, e.g. {@code client_p95}
         * @param unit the figure's unit
         * @param baselineValue the baselines' median; NaN when no baseline run had the figure
         * @param currentValue this run's value; NaN when it lacks the figure
         * @param change {@code currentValue − baselineValue}, in the figure's unit
         * @param relativeChange {@code change ÷ |baselineValue|}; NaN when the baseline value is 0 or absent
         * @param test {@code mann-whitney-u}, {@code median-mad}, {@code tolerance} or {@code presence}
         * @param pValue the Mann–Whitney U test's p-value; NaN for the other tests
         * @param effectSize as for a {@link Regression}; NaN when none
         * @param baselineRunIds the runs the baseline rests on, newest first
         * @throws NullPointerException if a collection or a checked component is null
         */
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
