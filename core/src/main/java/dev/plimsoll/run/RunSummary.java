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
package dev.plimsoll.run;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * What the load tool itself reported at the end of a run (k6's {@code --summary-export} or
 * {@code handleSummary} data): run-level figures per metric and the thresholds' results.
 *
 * @param format where it came from, e.g. {@code k6-summary-export} or {@code k6-handle-summary}
 * @param metrics per metric (and sub-metric), its figures by k6's names: {@code count}, {@code rate},
 *     {@code passes}, {@code fails}, {@code value}, {@code avg}, {@code min}, {@code med}, {@code max},
 *     {@code p(90)}, {@code p(95)}…
 * @param thresholds every threshold with its outcome, sorted by metric then expression
 * @param duration the test's run time, when the tool reported it
 * @since 0.1
 */
public record RunSummary(
        String format,
        Map<String, Map<String, Double>> metrics,
        List<ThresholdResult> thresholds,
        Optional<Duration> duration) {

    /**
     * Copies the maps (sorted by metric and figure) and the thresholds.
     *
     * @param format where it came from
     * @param metrics figures per metric
     * @param thresholds threshold outcomes
     * @param duration the run time, or empty
     * @throws NullPointerException if a component is null
     */
    public RunSummary {
        Objects.requireNonNull(format, "format");
        TreeMap<String, Map<String, Double>> m = new TreeMap<>();
        metrics.forEach((k, v) -> m.put(k, Collections.unmodifiableMap(new TreeMap<>(v))));
        metrics = Collections.unmodifiableMap(m);
        thresholds = List.copyOf(thresholds);
        Objects.requireNonNull(duration, "duration");
    }

    /**
     * One figure, e.g. {@code value("http_req_duration", "p(95)")}.
     *
     * @param metric k6's metric name, or a sub-metric such as {@code http_req_duration{status:200}}
     * @param figure k6's figure name, e.g. {@code count}, {@code rate}, {@code p(95)}
     * @return the value in the metric's unit (ms for time trends), or empty when the summary does not have it
     */
    public OptionalDouble value(String metric, String figure) {
        Map<String, Double> m = metrics.get(metric);
        Double v = m == null ? null : m.get(figure);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /**
     * Thresholds that did not hold.
     *
     * @return in {@link #thresholds()} order; empty if all held
     */
    public List<ThresholdResult> failedThresholds() {
        return thresholds.stream().filter(t -> !t.passed()).toList();
    }

    /**
     * The run's totals as the tool counted them; {@code vusMax} and the duration where reported (else 0).
     *
     * @return the totals; a figure the summary lacks is 0
     */
    public RunTotals totals() {
        return new RunTotals(
                count(K6Metrics.HTTP_REQS, "count"),
                count(K6Metrics.HTTP_REQ_FAILED, "passes"),
                count(K6Metrics.ITERATIONS, "count"),
                count(K6Metrics.DROPPED_ITERATIONS, "count"),
                count(K6Metrics.CHECKS, "passes"),
                count(K6Metrics.CHECKS, "fails"),
                count(K6Metrics.DATA_SENT, "count"),
                count(K6Metrics.DATA_RECEIVED, "count"),
                count(K6Metrics.VUS, "max"),
                duration.orElse(Duration.ZERO));
    }

    private long count(String metric, String figure) {
        OptionalDouble v = value(metric, figure);
        return v.isPresent() ? Math.round(v.getAsDouble()) : 0;
    }
}
