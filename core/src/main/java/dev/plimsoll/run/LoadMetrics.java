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

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The tool-neutral names of a run's metrics: what every load tool measures about a request, a virtual
 * user and an iteration, whatever the tool calls it. Readers record under these names; reports, gates
 * and the analysis read them.
 *
 * <table>
 *   <caption>Neutral names and what each tool calls them</caption>
 *   <tr><th>neutral</th><th>k6</th><th>JMeter (JTL)</th><th>Gatling (simulation.log)</th></tr>
 *   <tr><td>{@code requests}</td><td>{@code http_reqs}</td><td>one sample</td><td>one request record</td></tr>
 *   <tr><td>{@code request_failed}</td><td>{@code http_req_failed}</td><td>{@code success=false}</td>
 *       <td>{@code KO}</td></tr>
 *   <tr><td>{@code request_duration}</td><td>{@code http_req_duration}</td><td>{@code elapsed}</td>
 *       <td>end − start</td></tr>
 *   <tr><td>{@code time_to_first_byte}</td><td>{@code http_req_waiting}</td><td>{@code Latency}
 *       (includes connect)</td><td>—</td></tr>
 *   <tr><td>{@code connect_time}</td><td>{@code http_req_connecting}</td><td>{@code Connect}</td><td>—</td></tr>
 *   <tr><td>{@code tls_time}</td><td>{@code http_req_tls_handshaking}</td><td>—</td><td>—</td></tr>
 *   <tr><td>{@code sending_time}</td><td>{@code http_req_sending}</td><td>—</td><td>—</td></tr>
 *   <tr><td>{@code receiving_time}</td><td>{@code http_req_receiving}</td><td>—</td><td>—</td></tr>
 *   <tr><td>{@code blocked_time}</td><td>{@code http_req_blocked}</td><td>—</td><td>—</td></tr>
 *   <tr><td>{@code vus}</td><td>{@code vus}</td><td>{@code allThreads}</td><td>users started − ended</td></tr>
 *   <tr><td>{@code iterations}, {@code dropped_iterations}</td><td>same</td><td>—</td><td>—</td></tr>
 *   <tr><td>{@code data_sent}, {@code data_received}</td><td>same</td><td>{@code sentBytes},
 *       {@code bytes}</td><td>—</td></tr>
 * </table>
 *
 * <p>Per request the outcome is kept as well: the request name, the status (HTTP status, or the tool's
 * code for a request without response) and an error class (k6's {@code error_code}, JMeter's non-HTTP
 * response code, Gatling's error message) — see {@link RunTimeline#byName()}, {@link RunTimeline#byStatus()}
 * and {@link RunTimeline#byErrorCode()}.
 *
 * <p>Lookups by name ({@link RunTimeline#metric(String)}, {@link HttpTimeline#metric(String)}) also accept
 * k6's names of these metrics ({@code http_req_duration} finds {@code request_duration}).
 *
 * @since 0.1
 */
public final class LoadMetrics {
    /** Requests made (counter): one sample of 1 per request. */
    public static final String REQUESTS = "requests";
    /** Whether a request failed (rate): 1 failed, 0 succeeded; one sample per request. */
    public static final String REQUEST_FAILED = "request_failed";
    /** Request duration in ms (trend): from sending the request to the last byte of the response. */
    public static final String REQUEST_DURATION = "request_duration";
    /**
     * Time to first byte in ms (trend). k6 counts from the request sent ({@code http_req_waiting}); JMeter's
     * {@code Latency} counts from before connecting, so it includes {@link #CONNECT_TIME}.
     */
    public static final String TIME_TO_FIRST_BYTE = "time_to_first_byte";
    /** Time to establish the TCP connection in ms (trend); 0 on a reused connection. */
    public static final String CONNECT_TIME = "connect_time";
    /** TLS handshake time in ms (trend). */
    public static final String TLS_TIME = "tls_time";
    /** Time spent sending the request in ms (trend). */
    public static final String SENDING_TIME = "sending_time";
    /** Time spent receiving the response after its first byte in ms (trend). */
    public static final String RECEIVING_TIME = "receiving_time";
    /** Time waiting for a free connection slot before the request could start, in ms (trend). */
    public static final String BLOCKED_TIME = "blocked_time";
    /** Active virtual users (gauge). */
    public static final String VUS = "vus";
    /** Virtual users allocated (gauge). */
    public static final String VUS_MAX = "vus_max";
    /** Completed iterations of the test script (counter). */
    public static final String ITERATIONS = "iterations";
    /** Duration of one iteration in ms (trend). */
    public static final String ITERATION_DURATION = "iteration_duration";
    /** Iterations an arrival-rate executor could not start for lack of a free VU (counter). */
    public static final String DROPPED_ITERATIONS = "dropped_iterations";
    /** Bytes sent (counter). */
    public static final String DATA_SENT = "data_sent";
    /** Bytes received (counter). */
    public static final String DATA_RECEIVED = "data_received";
    /** Checks (assertions) evaluated (rate): 1 passed, 0 failed. */
    public static final String CHECKS = "checks";
    /** Duration of a group of requests (k6 group, Gatling group, JMeter transaction) in ms (trend). */
    public static final String GROUP_DURATION = "group_duration";

    /** Metrics broken down by request name, status and error class. */
    static final List<String> REQUEST_BREAKDOWN = List.of(
            REQUESTS, REQUEST_FAILED, REQUEST_DURATION, TIME_TO_FIRST_BYTE, BLOCKED_TIME, CONNECT_TIME, TLS_TIME);

    static final Map<String, MetricKind> KINDS = Map.ofEntries(
            Map.entry(REQUESTS, MetricKind.COUNTER),
            Map.entry(REQUEST_FAILED, MetricKind.RATE),
            Map.entry(REQUEST_DURATION, MetricKind.TREND),
            Map.entry(TIME_TO_FIRST_BYTE, MetricKind.TREND),
            Map.entry(CONNECT_TIME, MetricKind.TREND),
            Map.entry(TLS_TIME, MetricKind.TREND),
            Map.entry(SENDING_TIME, MetricKind.TREND),
            Map.entry(RECEIVING_TIME, MetricKind.TREND),
            Map.entry(BLOCKED_TIME, MetricKind.TREND),
            Map.entry(VUS, MetricKind.GAUGE),
            Map.entry(VUS_MAX, MetricKind.GAUGE),
            Map.entry(ITERATIONS, MetricKind.COUNTER),
            Map.entry(ITERATION_DURATION, MetricKind.TREND),
            Map.entry(DROPPED_ITERATIONS, MetricKind.COUNTER),
            Map.entry(DATA_SENT, MetricKind.COUNTER),
            Map.entry(DATA_RECEIVED, MetricKind.COUNTER),
            Map.entry(CHECKS, MetricKind.RATE),
            Map.entry(GROUP_DURATION, MetricKind.TREND));

    /** Neutral names that no k6 built-in metric has: a k6 custom metric of one of these names is renamed. */
    private static final Set<String> NEUTRAL_ONLY = Set.of(
            REQUESTS,
            REQUEST_FAILED,
            REQUEST_DURATION,
            TIME_TO_FIRST_BYTE,
            CONNECT_TIME,
            TLS_TIME,
            SENDING_TIME,
            RECEIVING_TIME,
            BLOCKED_TIME);

    private LoadMetrics() {}

    /**
     * The neutral name of a metric named {@code name} by any tool: k6's built-in names map to theirs, every
     * other name is returned as it is.
     *
     * @param name a metric's name, e.g. {@code http_req_duration}
     * @return the neutral name, e.g. {@value #REQUEST_DURATION}, or {@code name} itself
     */
    public static String neutral(String name) {
        String n = K6Metrics.TO_NEUTRAL.get(name);
        return n != null ? n : name;
    }

    /** The kind of a neutral (or other known built-in) metric; {@link MetricKind#UNKNOWN} otherwise. */
    static MetricKind kindOf(String neutralName) {
        MetricKind k = KINDS.get(neutralName);
        return k != null ? k : K6Metrics.BUILT_IN.getOrDefault(neutralName, MetricKind.UNKNOWN);
    }

    /** Whether the metric's values are durations in milliseconds. */
    static boolean isTime(String neutralName) {
        return kindOf(neutralName) == MetricKind.TREND;
    }

    /**
     * How names recorded by {@code source} map to the neutral ones: k6's built-in names map to the neutral
     * names whatever the source; from {@code k6}, a custom metric that happens to carry a neutral name (a
     * {@code Trend('requests')}) is kept apart as {@code k6.<name>}.
     */
    static UnaryOperator<String> naming(String source) {
        if (!"k6".equals(source)) {
            return LoadMetrics::neutral;
        }
        return name -> {
            String n = K6Metrics.TO_NEUTRAL.get(name);
            if (n != null) {
                return n;
            }
            return NEUTRAL_ONLY.contains(name) ? "k6." + name : name;
        };
    }
}
