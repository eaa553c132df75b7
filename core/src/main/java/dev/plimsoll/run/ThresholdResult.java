package dev.plimsoll.run;

import java.util.Objects;

/**
 * The outcome of one threshold as the load tool reported it.
 *
 * @param metric the metric (or sub-metric, e.g. {@code http_req_duration{name:POST /api/orders}})
 * @param expression the threshold, e.g. {@code p(95)<500}
 * @param passed whether the threshold held
 * @since 0.1
 */
public record ThresholdResult(String metric, String expression, boolean passed) {
    public ThresholdResult {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(expression, "expression");
    }
}
