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
package dev.plimsoll.micrometer;

import java.util.Objects;

/**
 * Names of the meters {@link PlimsollMeterBinder} publishes; dotted lower case, base units in the meters (Micrometer
 * conventions). Override any of them with {@link #custom()}.
 *
 * @param scalingLag saturation → first new node Ready, seconds; tags {@code run}, {@code episode}
 * @param findings number of findings; tags {@code run}, {@code kind}, {@code severity}
 * @param latencyShare share of the p95 growth placed in a tier (0–1); tags {@code run}, {@code tier}
 * @param elasticity prefix of the SPEC RG elasticity metrics ({@code .accuracy.under}, …); tag {@code run}
 * @param maxThroughput throughput at the capacity knee, requests per second; tag {@code run}
 * @param gate 1 when the gate passed, 0 when it failed, NaN when it was inconclusive or skipped; tags {@code run},
 *     {@code gate}
 * @param clockSkew estimated generator/cloud clock offset, seconds; tag {@code run}
 * @param regressions key figures that regressed against the baseline; tag {@code run} (absent without a baseline)
 * @param baselineChange change of each compared key figure from the baseline, in the figure's unit (ms, s, a 0–1
 *     ratio, a count…); tags {@code run}, {@code figure}, {@code unit}, {@code outcome}
 * @param baselineRelativeChange the same change relative to the baseline value (0.1 = +10 %), where it has one; tags
 *     {@code run}, {@code figure}, {@code outcome}
 * @since 0.1
 */
public record PlimsollMetricNames(
        String scalingLag,
        String findings,
        String latencyShare,
        String elasticity,
        String maxThroughput,
        String gate,
        String clockSkew,
        String regressions,
        String baselineChange,
        String baselineRelativeChange) {

    /**
     * Checks that every name is given; {@link #ofDefaults()} and {@link #custom()} are the usual way in.
     *
     * @param scalingLag meter name
     * @param findings meter name
     * @param latencyShare meter name
     * @param elasticity meter name prefix
     * @param maxThroughput meter name
     * @param gate meter name
     * @param clockSkew meter name
     * @param regressions meter name
     * @param baselineChange meter name
     * @param baselineRelativeChange meter name
     * @throws NullPointerException if a name is null
     */
    public PlimsollMetricNames {
        Objects.requireNonNull(scalingLag, "scalingLag");
        Objects.requireNonNull(findings, "findings");
        Objects.requireNonNull(latencyShare, "latencyShare");
        Objects.requireNonNull(elasticity, "elasticity");
        Objects.requireNonNull(maxThroughput, "maxThroughput");
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(clockSkew, "clockSkew");
        Objects.requireNonNull(regressions, "regressions");
        Objects.requireNonNull(baselineChange, "baselineChange");
        Objects.requireNonNull(baselineRelativeChange, "baselineRelativeChange");
    }

    /**
     * The default names.
     *
     * @return {@code plimsoll.scaling.lag}, {@code plimsoll.findings}, {@code plimsoll.latency.share}, …
     */
    public static PlimsollMetricNames ofDefaults() {
        return new Builder().build();
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a builder; override only the names that must change
     */
    public static Builder custom() {
        return new Builder();
    }

    /** Overrides names one by one, starting from the defaults. */
    public static final class Builder {
        private String scalingLag = "plimsoll.scaling.lag";
        private String findings = "plimsoll.findings";
        private String latencyShare = "plimsoll.latency.share";
        private String elasticity = "plimsoll.elasticity";
        private String maxThroughput = "plimsoll.capacity.max.throughput";
        private String gate = "plimsoll.gate";
        private String clockSkew = "plimsoll.clock.skew";
        private String regressions = "plimsoll.regressions";
        private String baselineChange = "plimsoll.baseline.change";
        private String baselineRelativeChange = "plimsoll.baseline.relative.change";

        private Builder() {}

        /**
         * The name of the scalingLag meter; default {@code plimsoll.scaling.lag}.
         *
         * @param name a dotted lower-case meter name
         * @return this builder
         * @see PlimsollMetricNames#scalingLag()
         */
        public Builder scalingLag(String name) {
            this.scalingLag = Objects.requireNonNull(name, "scalingLag");
            return this;
        }

        /**
         * The name of the findings meter; default {@code plimsoll.findings}.
         *
         * @param name a dotted lower-case meter name
         * @return this builder
         * @see PlimsollMetricNames#findings()
         */
        public Builder findings(String name) {
            this.findings = Objects.requireNonNull(name, "findings");
            return this;
        }

        /**
         * The name of the latencyShare meter; default {@code plimsoll.latency.share}.
         *
         * @param name a dotted lower-case meter name
         * @return this builder
         * @see PlimsollMetricNames#latencyShare()
         */
        public Builder latencyShare(String name) {
            this.latencyShare = Objects.requireNonNull(name, "latencyShare");
            return this;
        }

        /**
         * The name of the elasticity meter; default {@code plimsoll.elasticity}.
         *
         * @param name a dotted lower-case meter name
         * @return this builder
         * @see PlimsollMetricNames#elasticity()
         */
        public Builder elasticity(String name) {
            this.elasticity = Objects.requireNonNull(name, "elasticity");
            return this;
        }

        /**
         * The name of the maxThroughput meter; default {@code plimsoll.capacity.max.throughput}.
         *
         * @param name a dotted lower-case meter name
         * @return this builder
         * @see PlimsollMetricNames#maxThroughput()
         */
        public Builder maxThroughput(String name) {
            this.maxThroughput = Objects.requireNonNull(name, "maxThroughput");
            return this;
        }

        /**
         * The name of the gate meter; default {@code plimsoll.gate}.
         *
         * @param name a dotted lower-case meter name
         * @return this builder
         * @see PlimsollMetricNames#gate()
         */
        public Builder gate(String name) {
            this.gate = Objects.requireNonNull(name, "gate");
            return this;
        }

        /**
         * The name of the clockSkew meter; default {@code plimsoll.clock.skew}.
         *
         * @param name a dotted lower-case meter name
         * @return this builder
         * @see PlimsollMetricNames#clockSkew()
         */
        public Builder clockSkew(String name) {
            this.clockSkew = Objects.requireNonNull(name, "clockSkew");
            return this;
        }

        /**
         * The name of the regressions meter; default {@code plimsoll.regressions}.
         *
         * @param name a dotted lower-case meter name
         * @return this builder
         * @see PlimsollMetricNames#regressions()
         */
        public Builder regressions(String name) {
            this.regressions = Objects.requireNonNull(name, "regressions");
            return this;
        }

        /**
         * The name of the baselineChange meter; default {@code plimsoll.baseline.change}.
         *
         * @param name a dotted lower-case meter name
         * @return this builder
         * @see PlimsollMetricNames#baselineChange()
         */
        public Builder baselineChange(String name) {
            this.baselineChange = Objects.requireNonNull(name, "baselineChange");
            return this;
        }

        /**
         * The name of the baselineRelativeChange meter; default {@code plimsoll.baseline.relative.change}.
         *
         * @param name a dotted lower-case meter name
         * @return this builder
         * @see PlimsollMetricNames#baselineRelativeChange()
         */
        public Builder baselineRelativeChange(String name) {
            this.baselineRelativeChange = Objects.requireNonNull(name, "baselineRelativeChange");
            return this;
        }

        /**
         * The names.
         *
         * @return the names set, defaults for the others
         */
        public PlimsollMetricNames build() {
            return new PlimsollMetricNames(
                    scalingLag,
                    findings,
                    latencyShare,
                    elasticity,
                    maxThroughput,
                    gate,
                    clockSkew,
                    regressions,
                    baselineChange,
                    baselineRelativeChange);
        }
    }
}
