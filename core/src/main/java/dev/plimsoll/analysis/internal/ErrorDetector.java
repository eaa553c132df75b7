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
package dev.plimsoll.analysis.internal;

import dev.plimsoll.align.AlignedRun;
import dev.plimsoll.analysis.AnalysisConfig;
import dev.plimsoll.analysis.DetectionContext;
import dev.plimsoll.analysis.Detector;
import dev.plimsoll.finding.Evidence;
import dev.plimsoll.finding.Finding;
import dev.plimsoll.finding.Severity;
import dev.plimsoll.run.K6Metrics;
import dev.plimsoll.run.RunTimeline;
import dev.plimsoll.series.TimeSeries;
import dev.plimsoll.series.TimeWindow;
import dev.plimsoll.source.Signal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Error bursts: 10 s windows whose share of failed requests exceeds the threshold, merged into bursts, each
 * classified by origin — 429 (a rate limiter the test did not bypass: a test-setup problem, not capacity), 502/503/504
 * gateway errors, other 5xx from the target, the ALB's own 5xx vs the targets' (CloudWatch), and the tool's client-side
 * failures (status 0: timeouts, refused connections, by error class — k6's {@code error_code}, JMeter's exception,
 * Gatling's message — as are failed assertions) — and related to saturation, ceilings and scaling events found in the
 * same window. Each failed request is counted once.
 */
public final class ErrorDetector implements Detector {
    static final long WINDOW_MILLIS = 10_000;

    @Override
    public String id() {
        return "errors";
    }

    @Override
    public List<Finding> detect(DetectionContext ctx) {
        AlignedRun ar = ctx.run();
        AnalysisConfig config = ctx.config();
        List<Finding> context = ctx.findings();
        List<Finding> out = new ArrayList<>();
        RunTimeline t = ar.run().timeline();
        if (t.isEmpty()) {
            return out;
        }
        TimeSeries req = t.http().requests();
        TimeSeries failed = t.http().failed();
        long start = t.start().toEpochMilli();
        long bucket = t.bucket().toMillis();
        int per = (int) Math.max(1, WINDOW_MILLIS / bucket);
        List<long[]> bursts = new ArrayList<>(); // [startMillis, endMillis]
        for (int i = 0; i < req.size(); i += per) {
            double r = 0;
            double f = 0;
            for (int k = i; k < Math.min(req.size(), i + per); k++) {
                r += req.valueAt(k);
                f += failed.valueAt(k);
            }
            if (r > 0 && f / r > config.errorRateThreshold() && f >= 5) {
                long s = start + i * bucket;
                long e = start + Math.min(req.size(), i + per) * bucket;
                if (!bursts.isEmpty() && bursts.get(bursts.size() - 1)[1] >= s - WINDOW_MILLIS) {
                    bursts.get(bursts.size() - 1)[1] = e;
                } else {
                    bursts.add(new long[] {s, e});
                }
            }
        }
        for (long[] b : bursts) {
            TimeWindow w = TimeWindow.ofEpochMillis(b[0], b[1]);
            long total = Math.round(Samples.sum(req, b[0], b[1], bucket));
            long fails = Math.round(Samples.sum(failed, b[0], b[1], bucket));
            Map<String, Long> byClass = new LinkedHashMap<>();
            // requests without a response (status 0) are counted by their error class where the tool gave one
            boolean classified = !t.byErrorCode().isEmpty();
            t.byStatus().forEach((status, h) -> {
                long n = Math.round(Samples.sum(h.requests(), b[0], b[1], bucket));
                boolean byErrorClass = classified && status.equals("0");
                if (n > 0 && !status.startsWith("2") && !status.startsWith("3") && !byErrorClass) {
                    byClass.merge(classOf(status), n, Long::sum);
                }
            });
            boolean k6 = "k6".equals(ar.run().tool());
            t.byErrorCode().forEach((code, h) -> {
                long n = Math.round(Samples.sum(h.requests(), b[0], b[1], bucket));
                // k6's 1400–1599 codes mirror HTTP statuses, counted above; the others are client-side failures
                // (other tools give no class where an HTTP error status says why)
                boolean mirrorsStatus = k6 && code.matches("1[45]\\d\\d");
                if (n > 0 && !mirrorsStatus) {
                    byClass.merge(k6 ? "k6 error_code " + code : code, n, Long::sum);
                }
            });
            // the load balancer's counts are the same failures seen from the other side: said apart, never summed
            Map<String, Long> clientSide = new LinkedHashMap<>(byClass);
            Map<String, Long> alb = new LinkedHashMap<>();
            Map<String, String> albIds = new LinkedHashMap<>();
            for (Signal signal : List.of(Signal.LB_ELB_5XX, Signal.LB_TARGET_5XX)) {
                String name =
                        signal == Signal.LB_ELB_5XX ? "ALB 5xx (load balancer itself)" : "ALB target 5xx (backend)";
                ar.signal(signal)
                        .ifPresent(series -> cloudSum(ar, signal, w).ifPresent(v -> {
                            byClass.put(name, v);
                            alb.put(name.substring("ALB ".length()), v);
                            albIds.put(name, series.queryId());
                        }));
            }
            double rate = total == 0 ? 0 : (double) fails / total;
            String related = related(context, w);
            List<Evidence> ev = new ArrayList<>();
            String failedId = ClientSeries.id(ar.run(), K6Metrics.HTTP_REQ_FAILED);
            String requestsId = ClientSeries.id(ar.run(), K6Metrics.HTTP_REQS);
            ev.add(new Evidence("failed requests", failedId, w.start(), fails, "count"));
            ev.add(new Evidence("error rate", failedId + ".rate", w.start(), rate * 100, "percent"));
            byClass.forEach((k, v) ->
                    ev.add(new Evidence(k, albIds.getOrDefault(k, requestsId + "{status}"), w.start(), v, "count")));
            boolean rateLimited = byClass.getOrDefault("429 rate limited", 0L) > fails / 2;
            Severity severity = rate >= 0.05 ? Severity.HIGH : Severity.WARNING;
            out.add(new Finding.ErrorBurst(
                    severity,
                    w,
                    String.format(
                            Locale.ROOT,
                            "%d of %d requests failed (%.1f %%) between %s and %s: %s%s",
                            fails,
                            total,
                            rate * 100,
                            Samples.clock(w.start()),
                            Samples.clock(w.end()),
                            describe(clientSide)
                                    + (alb.isEmpty() ? "" : "; the load balancer counted " + describe(alb)),
                            rateLimited
                                    ? " — mostly 429: an application rate limiter the test did not bypass (a test-setup"
                                            + " problem, not capacity)"
                                    : related),
                    ev,
                    0.9,
                    fails,
                    byClass));
        }
        return out;
    }

    static String classOf(String status) {
        return switch (status) {
            case "429" -> "429 rate limited";
            case "502", "503", "504" -> status + " gateway";
            case "0" -> "no response (timeout or connection error)";
            default -> status.startsWith("5") ? status + " server error" : status + " client error";
        };
    }

    private static String describe(Map<String, Long> byClass) {
        if (byClass.isEmpty()) {
            return "no status breakdown";
        }
        StringBuilder sb = new StringBuilder();
        byClass.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(4)
                .forEach(e -> sb.append(sb.length() == 0 ? "" : ", ")
                        .append(e.getValue())
                        .append(' ')
                        .append(e.getKey()));
        return sb.toString();
    }

    private static String related(List<Finding> context, TimeWindow w) {
        for (Finding f : context) {
            boolean overlaps =
                    !f.window().end().isBefore(w.start()) && !f.window().start().isAfter(w.end());
            if (overlaps && f instanceof Finding.ScalingCeiling) {
                return "; during the scaling ceiling";
            }
        }
        for (Finding f : context) {
            boolean overlaps =
                    !f.window().end().isBefore(w.start()) && !f.window().start().isAfter(w.end());
            if (overlaps && (f instanceof Finding.ScalingLag || f instanceof Finding.NoScaleUp)) {
                return "; while the nodes were saturated";
            }
        }
        return "";
    }

    private static Optional<Long> cloudSum(AlignedRun ar, Signal s, TimeWindow w) {
        return ar.signal(s)
                .map(series -> {
                    TimeSeries v = series.series();
                    double p = series.periodMillis();
                    double sum = 0;
                    for (int i = 0; i < v.size(); i++) {
                        long t = v.epochMilliAt(i);
                        if (t + p > w.start().toEpochMilli()
                                && t < w.end().toEpochMilli()
                                && !Double.isNaN(v.valueAt(i))) {
                            sum += v.valueAt(i);
                        }
                    }
                    return Math.round(sum);
                })
                .filter(v -> v > 0);
    }
}
