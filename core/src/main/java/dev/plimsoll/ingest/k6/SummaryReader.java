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
package dev.plimsoll.ingest.k6;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.run.RunSummary;
import dev.plimsoll.run.ThresholdResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads k6's end-of-test summaries. The two shapes differ:
 * <ul>
 *   <li>{@code --summary-export}: {@code metrics.<name>} holds the figures directly, and
 *       {@code thresholds: {"p(95)<500": true}} means the threshold <em>failed</em> (k6 writes whether it
 *       was crossed);</li>
 *   <li>{@code handleSummary} data: {@code metrics.<name>.values} holds the figures, and
 *       {@code thresholds: {"p(95)<500": {"ok": true}}} means it held; {@code state.testRunDurationMs} gives the
 *       run time.</li>
 * </ul>
 */
final class SummaryReader {
    /** Figures that count something: whole, not negative, and exact in a double. */
    private static final java.util.Set<String> COUNTS = java.util.Set.of("count", "passes", "fails");

    private static final double MAX_COUNT = 9.007199254740992E15; // 2^53

    /** The longest run a summary may report: 10 years, in ms. */
    private static final double MAX_DURATION_MS = 10 * 366 * 86_400_000.0;

    private SummaryReader() {}

    /** A JSON value's type, with the value when it is short, for messages. */
    private static String type(JsonNode n) {
        if (n.isNull()) {
            return "null";
        }
        String t = n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        String text = n.toString();
        return n.isValueNode() && text.length() <= 40 ? t + " " + text : t;
    }

    static boolean isHandleSummary(JsonNode root) {
        if (root.has("state") || root.path("root_group").path("groups").isArray()) {
            return true;
        }
        Iterator<JsonNode> it = root.path("metrics").elements();
        return it.hasNext() && it.next().has("values");
    }

    static RunSummary read(String file, JsonNode root) {
        JsonNode metrics = root.get("metrics");
        if (metrics == null || !metrics.isObject()) {
            throw new K6ParseException(file, 0, "a k6 summary must have a 'metrics' object");
        }
        boolean handle = isHandleSummary(root);
        Map<String, Map<String, Double>> figures = new HashMap<>();
        List<ThresholdResult> thresholds = new ArrayList<>();
        metrics.fields().forEachRemaining(e -> {
            String metric = e.getKey();
            JsonNode node = e.getValue();
            JsonNode values = handle ? node.path("values") : node;
            if (!node.isObject() || !values.isObject()) {
                throw new K6ParseException(
                        file,
                        0,
                        "metrics." + metric + (handle ? ".values" : "") + " must be an object of figures, but is "
                                + type(handle && node.isObject() ? values : node));
            }
            Map<String, Double> m = new HashMap<>();
            values.fields().forEachRemaining(v -> {
                String figure = v.getKey();
                JsonNode n = v.getValue();
                if (figure.equals("thresholds") || n.isNull()) {
                    return; // summary-export keeps thresholds beside the figures; k6 writes null for no value
                }
                String path = "metrics." + metric + (handle ? ".values." : ".") + figure;
                if (!n.isNumber()) {
                    throw new K6ParseException(file, 0, path + " must be a number, but is " + type(n));
                }
                double d = n.asDouble();
                if (!Double.isFinite(d)) {
                    throw new K6ParseException(file, 0, path + " must be a finite number, but is " + n);
                }
                if (COUNTS.contains(figure) && (d < 0 || d != Math.rint(d) || d > MAX_COUNT)) {
                    throw new K6ParseException(
                            file, 0, path + " must be a whole number from 0 to 2^53, but is " + n.asText());
                }
                m.put(figure, d);
            });
            figures.put(metric, m);
            JsonNode th = node.path("thresholds");
            th.fields().forEachRemaining(t -> {
                JsonNode r = t.getValue();
                boolean passed;
                if (handle) {
                    if (!r.path("ok").isBoolean()) {
                        throw new K6ParseException(
                                file,
                                0,
                                "handleSummary threshold metrics." + metric + ".thresholds['" + t.getKey()
                                        + "'] must have a boolean 'ok'");
                    }
                    passed = r.path("ok").asBoolean();
                } else {
                    if (!r.isBoolean()) {
                        throw new K6ParseException(
                                file,
                                0,
                                "summary-export threshold metrics." + metric + ".thresholds['" + t.getKey()
                                        + "'] must be a boolean (true = failed)");
                    }
                    passed = !r.asBoolean(); // summary-export writes whether the threshold was crossed
                }
                thresholds.add(new ThresholdResult(metric, t.getKey(), passed));
            });
        });
        thresholds.sort(Comparator.comparing(ThresholdResult::metric).thenComparing(ThresholdResult::expression));
        Optional<Duration> duration = Optional.empty();
        JsonNode ms = root.path("state").path("testRunDurationMs");
        if (!ms.isMissingNode() && !ms.isNull()) {
            if (!ms.isNumber() || !(ms.asDouble() >= 0 && ms.asDouble() <= MAX_DURATION_MS)) {
                throw new K6ParseException(
                        file,
                        0,
                        "state.testRunDurationMs must be a number of ms from 0 to 10 years, but is " + type(ms));
            }
            duration = Optional.of(Duration.ofNanos(Math.round(ms.asDouble() * 1e6)));
        }
        return new RunSummary(handle ? "k6-handle-summary" : "k6-summary-export", figures, thresholds, duration);
    }
}
