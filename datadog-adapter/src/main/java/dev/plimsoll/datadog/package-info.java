/**
 * Datadog adapter: {@link dev.plimsoll.datadog.DatadogMetricSource} queries metrics live through datadog-api-client
 * (v1 {@code GET /api/v1/query} per query, or v2 {@code POST /api/v2/query/timeseries} for many at once), with the
 * rollup matched to the step, long windows split under the point cap, rate limits waited out;
 * {@link dev.plimsoll.datadog.DatadogRecording} replays and records API responses; and
 * {@link dev.plimsoll.datadog.DatadogSignals} binds Plimsoll's signals to the agent's Kubernetes metrics, APM trace
 * metrics and the AWS integration's ALB metrics.
 */
@NullMarked
package dev.plimsoll.datadog;

import org.jspecify.annotations.NullMarked;
