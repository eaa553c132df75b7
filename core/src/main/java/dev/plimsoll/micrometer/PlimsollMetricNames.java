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
 * @param gate 1 when the gate passed, 0 when it failed; tags {@code run}, {@code gate}
 * @param clockSkew estimated generator/cloud clock offset, seconds; tag {@code run}
 * @since 0.1
 */
public record PlimsollMetricNames(
        String scalingLag,
        String findings,
        String latencyShare,
        String elasticity,
        String maxThroughput,
        String gate,
        String clockSkew) {

    public PlimsollMetricNames {
        Objects.requireNonNull(scalingLag, "scalingLag");
        Objects.requireNonNull(findings, "findings");
        Objects.requireNonNull(latencyShare, "latencyShare");
        Objects.requireNonNull(elasticity, "elasticity");
        Objects.requireNonNull(maxThroughput, "maxThroughput");
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(clockSkew, "clockSkew");
    }

    public static PlimsollMetricNames ofDefaults() {
        return new PlimsollMetricNames(
                "plimsoll.scaling.lag",
                "plimsoll.findings",
                "plimsoll.latency.share",
                "plimsoll.elasticity",
                "plimsoll.capacity.max.throughput",
                "plimsoll.gate",
                "plimsoll.clock.skew");
    }

    /** A builder starting from the defaults. */
    public static Builder custom() {
        return new Builder();
    }

    /** Overrides names one by one. */
    public static final class Builder {
        private PlimsollMetricNames names = ofDefaults();

        public Builder scalingLag(String name) {
            names = new PlimsollMetricNames(
                    name,
                    names.findings,
                    names.latencyShare,
                    names.elasticity,
                    names.maxThroughput,
                    names.gate,
                    names.clockSkew);
            return this;
        }

        public Builder findings(String name) {
            names = new PlimsollMetricNames(
                    names.scalingLag,
                    name,
                    names.latencyShare,
                    names.elasticity,
                    names.maxThroughput,
                    names.gate,
                    names.clockSkew);
            return this;
        }

        public Builder gate(String name) {
            names = new PlimsollMetricNames(
                    names.scalingLag,
                    names.findings,
                    names.latencyShare,
                    names.elasticity,
                    names.maxThroughput,
                    name,
                    names.clockSkew);
            return this;
        }

        public PlimsollMetricNames build() {
            return names;
        }
    }
}
