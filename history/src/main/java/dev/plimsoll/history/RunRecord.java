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
package dev.plimsoll.history;

import dev.plimsoll.align.AlignedSeries;
import dev.plimsoll.report.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What the store keeps of one analysed run: the store's own input record, so that any analysis result maps onto
 * it and the schema does not follow the analysis' classes.
 *
 * <pre>{@code
 * RunRecord record = RunRecord.builder(start, end)
 *         .tool("k6", "0.49.0")
 *         .verdict(Verdict.FAIL)
 *         .bottleneck("backend")
 *         .totals(new Totals(41_000, 120, 9_800, 0, 85, 52_000_000, 4_100_000))
 *         .figures(KeyFigures.builder().put(Figure.CLIENT_P95, 412).put(Figure.SCALING_LAG, 123.1).build())
 *         .timeline(series)
 *         .build();
 * }</pre>
 *
 * @param id the run's id, or {@code null} to let {@link RunHistory#save} make one
 * @param name what was run (test or scenario name), or {@code null}
 * @param start first instant of the run (UTC)
 * @param end end of the run (exclusive)
 * @param tool load tool, e.g. {@code k6}, {@code jmeter}, {@code gatling}, {@code jvm}
 * @param toolVersion its version, {@code ""} when unknown
 * @param verdict pass, fail or inconclusive
 * @param bottleneck the latency tier: {@code backend}, {@code load_balancer}, {@code network_edge},
 *     {@code load_generator} or {@code none}
 * @param totals the run's totals
 * @param phases per-phase figures, in time order
 * @param figures the key figures
 * @param findings findings with their evidence, in report order
 * @param gates gate results, in the order given
 * @param timeline the merged timeline: load series per second, cloud series at their own resolution; keys
 *     ({@link AlignedSeries#key()}) unique
 * @since 0.1
 */
public record RunRecord(
        @Nullable String id,
        @Nullable String name,
        Instant start,
        Instant end,
        String tool,
        String toolVersion,
        Verdict verdict,
        String bottleneck,
        Totals totals,
        List<PhaseFigures> phases,
        KeyFigures figures,
        List<StoredFinding> findings,
        List<StoredGate> gates,
        List<AlignedSeries> timeline) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    /**
     * Checks and copies; {@link #builder(Instant, Instant)} is the usual way in.
     *
     * @param id 1–128 letters, digits, {@code .}, {@code _}, {@code :} or {@code -}, starting with a letter or digit;
     *     or null
     * @param name or null
     * @param start first instant
     * @param end not before {@code start}
     * @param tool the load tool
     * @param toolVersion its version, or {@code ""}
     * @param verdict the verdict
     * @param bottleneck the latency tier's id
     * @param totals the totals
     * @param phases in time order
     * @param figures the key figures
     * @param findings in report order
     * @param gates in the order given
     * @param timeline keys unique
     * @throws IllegalArgumentException for a malformed id, an end before the start or a repeated timeline key
     * @throws NullPointerException if a required component is null
     */
    public RunRecord {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(toolVersion, "toolVersion");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(bottleneck, "bottleneck");
        Objects.requireNonNull(totals, "totals");
        Objects.requireNonNull(figures, "figures");
        if (id != null) {
            checkId(id);
        }
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("run end must not be before its start, but was " + end + " < " + start);
        }
        phases = List.copyOf(phases);
        findings = List.copyOf(findings);
        gates = List.copyOf(gates);
        timeline = List.copyOf(timeline);
        Set<String> keys = new HashSet<>();
        for (AlignedSeries s : timeline) {
            if (!keys.add(s.key())) {
                throw new IllegalArgumentException("timeline series must be unique, but " + s.key() + " came twice");
            }
        }
    }

    static String checkId(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a run id must be 1–128 letters, digits, '.', '_', ':' or '-', starting "
                    + "with a letter or digit, but was '" + id + "'");
        }
        return id;
    }

    /**
     * A builder for a run between two instants.
     *
     * @param start first instant of the run
     * @param end end of the run (exclusive), not before {@code start}
     * @return a builder with the defaults: tool k6, verdict pass, bottleneck none, no figures or timeline
     */
    public static Builder builder(Instant start, Instant end) {
        return new Builder(start, end);
    }

    /**
     * A copy with another id.
     *
     * @param newId the id of the copy, in the form {@link #id()} allows
     * @return a new record
     * @throws IllegalArgumentException for a malformed id
     */
    public RunRecord withId(String newId) {
        return new RunRecord(
                newId,
                name,
                start,
                end,
                tool,
                toolVersion,
                verdict,
                bottleneck,
                totals,
                phases,
                figures,
                findings,
                gates,
                timeline);
    }

    /**
     * A copy without the merged timeline, the bulk of a record.
     *
     * @return a new record with an empty timeline
     */
    public RunRecord withoutTimeline() {
        return new RunRecord(
                id,
                name,
                start,
                end,
                tool,
                toolVersion,
                verdict,
                bottleneck,
                totals,
                phases,
                figures,
                findings,
                gates,
                List.of());
    }

    /**
     * The timeline series {@code source:name.statistic} (first match, any tags).
     *
     * @param source e.g. {@value AlignedSeries#LOAD}
     * @param name e.g. {@value AlignedSeries#LATENCY}
     * @param statistic e.g. {@code p95}
     * @return the series, or empty
     */
    public Optional<AlignedSeries> series(String source, String name, String statistic) {
        return timeline.stream().filter(s -> s.is(source, name, statistic)).findFirst();
    }

    /**
     * The steady phases.
     *
     * @return in time order; empty when the run had none
     */
    public List<PhaseFigures> steadyPhases() {
        return phases.stream().filter(p -> p.kind().equals(PhaseFigures.STEADY)).toList();
    }

    /** Builds a {@link RunRecord}; everything but start and end has a default (k6, pass, none, empty). */
    public static final class Builder {
        private @Nullable String id;
        private @Nullable String name;
        private final Instant start;
        private final Instant end;
        private String tool = "k6";
        private String toolVersion = "";
        private Verdict verdict = Verdict.PASS;
        private String bottleneck = "none";
        private Totals totals = Totals.none();
        private List<PhaseFigures> phases = List.of();
        private KeyFigures figures = KeyFigures.none();
        private List<StoredFinding> findings = List.of();
        private List<StoredGate> gates = List.of();
        private final List<AlignedSeries> timeline = new ArrayList<>();

        private Builder(Instant start, Instant end) {
            this.start = Objects.requireNonNull(start, "start");
            this.end = Objects.requireNonNull(end, "end");
        }

        /**
         * The run's id; default null: {@link RunHistory#save} makes one from the start time.
         *
         * @param value see {@link RunRecord#id()}
         * @return this builder
         */
        public Builder id(@Nullable String value) {
            this.id = value;
            return this;
        }

        /**
         * What was run; default null.
         *
         * @param value e.g. the k6 script's or the Gatling simulation's name
         * @return this builder
         */
        public Builder name(@Nullable String value) {
            this.name = value;
            return this;
        }

        /**
         * The load tool; default {@code k6} of unknown version.
         *
         * @param value e.g. {@code k6}, {@code jmeter}, {@code gatling}, {@code jvm}
         * @param version e.g. {@code 0.49.0}, or {@code ""} when unknown
         * @return this builder
         */
        public Builder tool(String value, String version) {
            this.tool = value;
            this.toolVersion = version;
            return this;
        }

        /**
         * The run's verdict; default {@link Verdict#PASS}.
         *
         * @param value the verdict
         * @return this builder
         */
        public Builder verdict(Verdict value) {
            this.verdict = value;
            return this;
        }

        /**
         * The latency tier; default {@code none}.
         *
         * @param value a {@code LatencyTier} id, e.g. {@code backend}
         * @return this builder
         */
        public Builder bottleneck(String value) {
            this.bottleneck = value;
            return this;
        }

        /**
         * The run's totals; default {@link Totals#none()}.
         *
         * @param value the totals
         * @return this builder
         */
        public Builder totals(Totals value) {
            this.totals = value;
            return this;
        }

        /**
         * Per-phase figures; default none.
         *
         * @param value in time order; replaces those set before
         * @return this builder
         */
        public Builder phases(List<PhaseFigures> value) {
            this.phases = value;
            return this;
        }

        /**
         * The key figures; default {@link KeyFigures#none()}.
         *
         * @param value the figures
         * @return this builder
         */
        public Builder figures(KeyFigures value) {
            this.figures = value;
            return this;
        }

        /**
         * The findings; default none.
         *
         * @param value in report order; replaces those set before
         * @return this builder
         */
        public Builder findings(List<StoredFinding> value) {
            this.findings = value;
            return this;
        }

        /**
         * The gate results; default none.
         *
         * @param value in the order given; replaces those set before
         * @return this builder
         */
        public Builder gates(List<StoredGate> value) {
            this.gates = value;
            return this;
        }

        /**
         * Adds series to the timeline, after those added before.
         *
         * @param value the series; keys must stay unique
         * @return this builder
         */
        public Builder timeline(List<AlignedSeries> value) {
            this.timeline.addAll(value);
            return this;
        }

        /**
         * Adds one series to the timeline.
         *
         * @param value the series; its key must not repeat one added before
         * @return this builder
         */
        public Builder series(AlignedSeries value) {
            this.timeline.add(value);
            return this;
        }

        /**
         * The record.
         *
         * @return a new, validated record
         * @throws IllegalArgumentException for a malformed id, an end before the start or a repeated timeline key
         */
        public RunRecord build() {
            return new RunRecord(
                    id,
                    name,
                    start,
                    end,
                    tool,
                    toolVersion,
                    verdict,
                    bottleneck,
                    totals,
                    phases,
                    figures,
                    findings,
                    gates,
                    timeline);
        }
    }
}
