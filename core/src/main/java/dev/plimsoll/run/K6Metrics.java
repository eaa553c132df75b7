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

import java.util.Map;

/**
 * Names and kinds of k6's built-in metrics, as its outputs spell them, and the {@link LoadMetrics neutral}
 * names they map to. A run's timeline holds the neutral names; lookups accept these as aliases.
 *
 * @since 0.1
 */
public final class K6Metrics {
    /** HTTP requests made (counter); neutral {@link LoadMetrics#REQUESTS}. */
    public static final String HTTP_REQS = "http_reqs";
    /** Whether a request failed, per k6's response callback (rate); neutral {@link LoadMetrics#REQUEST_FAILED}. */
    public static final String HTTP_REQ_FAILED = "http_req_failed";
    /**
     * Request time, sending + waiting + receiving, ms (trend); neutral {@link LoadMetrics#REQUEST_DURATION}. Excludes
     * DNS, connecting and TLS time.
     */
    public static final String HTTP_REQ_DURATION = "http_req_duration";
    /** Time to first byte, ms (trend); neutral {@link LoadMetrics#TIME_TO_FIRST_BYTE}. */
    public static final String HTTP_REQ_WAITING = "http_req_waiting";
    /** Time waiting for a free connection before the request, ms (trend); neutral {@link LoadMetrics#BLOCKED_TIME}. */
    public static final String HTTP_REQ_BLOCKED = "http_req_blocked";
    /** TCP connection setup, ms (trend); neutral {@link LoadMetrics#CONNECT_TIME}. */
    public static final String HTTP_REQ_CONNECTING = "http_req_connecting";
    /** TLS handshake, ms (trend); neutral {@link LoadMetrics#TLS_TIME}. */
    public static final String HTTP_REQ_TLS_HANDSHAKING = "http_req_tls_handshaking";
    /** Sending the request, ms (trend); neutral {@link LoadMetrics#SENDING_TIME}. */
    public static final String HTTP_REQ_SENDING = "http_req_sending";
    /** Receiving the response body, ms (trend); neutral {@link LoadMetrics#RECEIVING_TIME}. */
    public static final String HTTP_REQ_RECEIVING = "http_req_receiving";
    /** Active virtual users (gauge). */
    public static final String VUS = "vus";
    /** Virtual users allocated, the most that could be active (gauge). */
    public static final String VUS_MAX = "vus_max";
    /** Iterations of the test function completed (counter). */
    public static final String ITERATIONS = "iterations";
    /** Time of one whole iteration, ms (trend). */
    public static final String ITERATION_DURATION = "iteration_duration";
    /**
     * Iterations that could not start: no free VU under an arrival-rate executor, or no time left (counter). Non-zero
     * means the generator did not deliver the load asked for.
     */
    public static final String DROPPED_ITERATIONS = "dropped_iterations";
    /** Bytes sent (counter). */
    public static final String DATA_SENT = "data_sent";
    /** Bytes received (counter). */
    public static final String DATA_RECEIVED = "data_received";
    /** Whether a {@code check()} passed (rate). */
    public static final String CHECKS = "checks";
    /** Time of one {@code group()} block, ms (trend). */
    public static final String GROUP_DURATION = "group_duration";

    static final Map<String, MetricKind> BUILT_IN = Map.ofEntries(
            Map.entry(HTTP_REQS, MetricKind.COUNTER),
            Map.entry(HTTP_REQ_FAILED, MetricKind.RATE),
            Map.entry(HTTP_REQ_DURATION, MetricKind.TREND),
            Map.entry(HTTP_REQ_WAITING, MetricKind.TREND),
            Map.entry(HTTP_REQ_BLOCKED, MetricKind.TREND),
            Map.entry(HTTP_REQ_CONNECTING, MetricKind.TREND),
            Map.entry(HTTP_REQ_TLS_HANDSHAKING, MetricKind.TREND),
            Map.entry(HTTP_REQ_SENDING, MetricKind.TREND),
            Map.entry(HTTP_REQ_RECEIVING, MetricKind.TREND),
            Map.entry(VUS, MetricKind.GAUGE),
            Map.entry(VUS_MAX, MetricKind.GAUGE),
            Map.entry(ITERATIONS, MetricKind.COUNTER),
            Map.entry(ITERATION_DURATION, MetricKind.TREND),
            Map.entry(DROPPED_ITERATIONS, MetricKind.COUNTER),
            Map.entry(DATA_SENT, MetricKind.COUNTER),
            Map.entry(DATA_RECEIVED, MetricKind.COUNTER),
            Map.entry(CHECKS, MetricKind.RATE),
            Map.entry(GROUP_DURATION, MetricKind.TREND),
            // protocols other than HTTP
            Map.entry("ws_connecting", MetricKind.TREND),
            Map.entry("ws_session_duration", MetricKind.TREND),
            Map.entry("ws_ping", MetricKind.TREND),
            Map.entry("ws_msgs_sent", MetricKind.COUNTER),
            Map.entry("ws_msgs_received", MetricKind.COUNTER),
            Map.entry("ws_sessions", MetricKind.COUNTER),
            Map.entry("grpc_req_duration", MetricKind.TREND));

    /** k6's built-in names of the request metrics → their {@link LoadMetrics neutral} names. */
    static final Map<String, String> TO_NEUTRAL = Map.ofEntries(
            Map.entry(HTTP_REQS, LoadMetrics.REQUESTS),
            Map.entry(HTTP_REQ_FAILED, LoadMetrics.REQUEST_FAILED),
            Map.entry(HTTP_REQ_DURATION, LoadMetrics.REQUEST_DURATION),
            Map.entry(HTTP_REQ_WAITING, LoadMetrics.TIME_TO_FIRST_BYTE),
            Map.entry(HTTP_REQ_BLOCKED, LoadMetrics.BLOCKED_TIME),
            Map.entry(HTTP_REQ_CONNECTING, LoadMetrics.CONNECT_TIME),
            Map.entry(HTTP_REQ_TLS_HANDSHAKING, LoadMetrics.TLS_TIME),
            Map.entry(HTTP_REQ_SENDING, LoadMetrics.SENDING_TIME),
            Map.entry(HTTP_REQ_RECEIVING, LoadMetrics.RECEIVING_TIME));

    private K6Metrics() {}
}
