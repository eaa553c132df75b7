/**
 * CloudWatch adapter: {@link dev.plimsoll.cloudwatch.CloudWatchMetricSource} fetches series live through the AWS
 * SDK v2's {@code GetMetricData} (batched, paginated, period chosen by CloudWatch's retention rules, retried on
 * throttling), {@link dev.plimsoll.cloudwatch.CloudWatchRecording} replays and records {@code aws cloudwatch
 * get-metric-data --output json} files, and {@link dev.plimsoll.cloudwatch.CloudWatchSignals} binds Plimsoll's
 * signals to Container Insights, ALB and Auto Scaling metrics.
 *
 * <p>IAM permissions needed for live access: {@code cloudwatch:GetMetricData} (and {@code cloudwatch:ListMetrics}
 * to discover dimension values, e.g. an ALB's {@code app/<name>/<id>}).
 */
@NullMarked
package dev.plimsoll.cloudwatch;

import org.jspecify.annotations.NullMarked;
