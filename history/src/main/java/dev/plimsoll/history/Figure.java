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

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A key figure of a run: the values gates use, stored one row per run and figure so that they chart over runs.
 * The catalogue below holds the figures Plimsoll computes; {@link #of} makes others (they are stored and charted,
 * and compared with {@link Direction#NONE} unless a direction is given).
 *
 * @param id lower-case id as gates and the schema spell it, e.g. {@code client_p95}
 * @param unit unit of the values: {@code ms}, {@code s}, {@code ratio} (0–1), {@code 1/s}, {@code count},
 *     {@code node-min}
 * @param direction which way a change is bad
 * @param tolerance the smallest change that counts with fewer than three baselines
 * @param absentIsHealthy whether a run without the figure had nothing to measure that was bad (a scaling lag exists
 *     only when the system saturated): a figure present now and in no baseline is then a regression
 * @param description one line for reports
 * @since 0.1
 */
public record Figure(
        String id, String unit, Direction direction, Tolerance tolerance, boolean absentIsHealthy, String description) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_.]*");

    /** Client (load generator) latency median over the run, ms; tolerance 10 % and 1 ms. */
    public static final Figure CLIENT_P50 =
            known("client_p50", "ms", Direction.HIGHER_IS_WORSE, new Tolerance(1, 0.10), false, "client latency p50");
    /** Client latency 95th percentile over the run, ms; tolerance 10 % and 1 ms. */
    public static final Figure CLIENT_P95 =
            known("client_p95", "ms", Direction.HIGHER_IS_WORSE, new Tolerance(1, 0.10), false, "client latency p95");
    /** Client latency 99th percentile over the run, ms; tolerance 15 % and 1 ms (the tail is noisier). */
    public static final Figure CLIENT_P99 =
            known("client_p99", "ms", Direction.HIGHER_IS_WORSE, new Tolerance(1, 0.15), false, "client latency p99");
    /** Failed ÷ sent requests, 0–1; tolerance 0.5 percentage points or half the baseline's rate. */
    public static final Figure ERROR_RATE =
            known("error_rate", "ratio", Direction.HIGHER_IS_WORSE, new Tolerance(0.005, 0.5), false, "error rate");
    /** Mean requests per second over the steady phase (the whole run without one); tolerance 10 %. */
    public static final Figure RPS =
            known("rps", "1/s", Direction.LOWER_IS_WORSE, Tolerance.relative(0.10), false, "requests per second");
    /** Saturation start → first new node Ready, s; tolerance 30 s (half a CloudWatch minute either side). */
    public static final Figure SCALING_LAG =
            known("scaling_lag", "s", Direction.HIGHER_IS_WORSE, Tolerance.absolute(30), true, "scaling lag");
    /** Largest node count during the run; any extra node counts (tolerance 0.5). */
    public static final Figure MAX_NODES =
            known("max_nodes", "count", Direction.HIGHER_IS_WORSE, Tolerance.absolute(0.5), false, "nodes at most");
    /** Nodes integrated over the run, node-minutes (cost); tolerance 15 %. */
    public static final Figure NODE_MINUTES = known(
            "node_minutes", "node-min", Direction.HIGHER_IS_WORSE, Tolerance.relative(0.15), false, "node-minutes");
    /** Share of the growth of client p95 added in the backend, 0–1; tolerance 0.10. */
    public static final Figure BACKEND_LATENCY_SHARE = known(
            "backend_latency_share",
            "ratio",
            Direction.EITHER,
            Tolerance.absolute(0.10),
            false,
            "backend share of latency growth");
    /** Share added between the load balancer and its target, 0–1; tolerance 0.10. */
    public static final Figure LB_LATENCY_SHARE = known(
            "lb_latency_share",
            "ratio",
            Direction.EITHER,
            Tolerance.absolute(0.10),
            false,
            "load-balancer share of latency growth");
    /** Share added between the client and the load balancer (network, CDN), 0–1; tolerance 0.10. */
    public static final Figure EDGE_LATENCY_SHARE = known(
            "edge_latency_share",
            "ratio",
            Direction.EITHER,
            Tolerance.absolute(0.10),
            false,
            "edge share of latency growth");
    /** Generator/cloud clock offset that was corrected, s. Never compared. */
    public static final Figure SKEW = known("skew", "s", Direction.NONE, Tolerance.absolute(1), false, "clock skew");
    /** SPEC RG elasticity: mean relative under-provisioning, 0 is perfect; tolerance 0.10. */
    public static final Figure ELASTICITY_UNDER = known(
            "elasticity_accuracy_under",
            "ratio",
            Direction.HIGHER_IS_WORSE,
            Tolerance.absolute(0.10),
            false,
            "under-provisioning accuracy");
    /** SPEC RG elasticity: mean relative over-provisioning, 0 is perfect; tolerance 0.10. */
    public static final Figure ELASTICITY_OVER = known(
            "elasticity_accuracy_over",
            "ratio",
            Direction.HIGHER_IS_WORSE,
            Tolerance.absolute(0.10),
            false,
            "over-provisioning accuracy");
    /** SPEC RG elasticity: share of time under-provisioned, 0–1; tolerance 0.10. */
    public static final Figure ELASTICITY_TIMESHARE_UNDER = known(
            "elasticity_timeshare_under",
            "ratio",
            Direction.HIGHER_IS_WORSE,
            Tolerance.absolute(0.10),
            false,
            "time under-provisioned");

    private static final List<Figure> KNOWN = List.of(
            CLIENT_P50,
            CLIENT_P95,
            CLIENT_P99,
            ERROR_RATE,
            RPS,
            SCALING_LAG,
            MAX_NODES,
            NODE_MINUTES,
            BACKEND_LATENCY_SHARE,
            LB_LATENCY_SHARE,
            EDGE_LATENCY_SHARE,
            SKEW,
            ELASTICITY_UNDER,
            ELASTICITY_OVER,
            ELASTICITY_TIMESHARE_UNDER);

    /**
     * Checks the components; the catalogue's constants and {@link #of} are the usual way in.
     *
     * @param id lower-case letters, digits, {@code _} or {@code .}, starting with a letter
     * @param unit the values' unit
     * @param direction which way is bad
     * @param tolerance the smallest change that counts
     * @param absentIsHealthy whether absence means nothing bad happened
     * @param description one line
     * @throws IllegalArgumentException for a malformed id
     * @throws NullPointerException if a component is null
     */
    public Figure {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(tolerance, "tolerance");
        Objects.requireNonNull(description, "description");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "figure id must be lower-case letters, digits, '_' or '.', starting with a letter, but was '" + id
                            + "'");
        }
    }

    private static Figure known(
            String id, String unit, Direction direction, Tolerance tolerance, boolean absentIsHealthy, String d) {
        return new Figure(id, unit, direction, tolerance, absentIsHealthy, d);
    }

    /**
     * A figure outside the catalogue: stored and charted, never compared.
     *
     * @param id e.g. {@code checkout_p95}; a catalogue id returns the catalogue's figure
     * @param unit the values' unit
     * @return the figure, with {@link Direction#NONE} unless it is a catalogue figure
     * @throws IllegalArgumentException for a malformed id
     */
    public static Figure of(String id, String unit) {
        return byId(id).orElseGet(() -> new Figure(id, unit, Direction.NONE, Tolerance.absolute(0), false, id));
    }

    /**
     * The figures Plimsoll computes, in report order.
     *
     * @return the catalogue, unmodifiable
     */
    public static List<Figure> known() {
        return KNOWN;
    }

    /**
     * A catalogue figure by id.
     *
     * @param id e.g. {@code scaling_lag}
     * @return the figure, or empty for an id outside the catalogue
     */
    public static Optional<Figure> byId(String id) {
        return KNOWN.stream().filter(f -> f.id.equals(id)).findFirst();
    }

    /**
     * Whether this is one of the client latency percentiles, compared as distributions.
     *
     * @return true for {@link #CLIENT_P50}, {@link #CLIENT_P95} and {@link #CLIENT_P99}
     */
    public boolean isClientLatency() {
        return this.equals(CLIENT_P50) || this.equals(CLIENT_P95) || this.equals(CLIENT_P99);
    }

    /**
     * A copy with another tolerance.
     *
     * @param newTolerance the smallest change that counts
     * @return a new figure; equal to this one but for the tolerance
     */
    public Figure withTolerance(Tolerance newTolerance) {
        return new Figure(id, unit, direction, newTolerance, absentIsHealthy, description);
    }
}
