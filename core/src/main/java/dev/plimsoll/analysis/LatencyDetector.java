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
package dev.plimsoll.analysis;

import dev.plimsoll.align.AlignedRun;
import dev.plimsoll.finding.Evidence;
import dev.plimsoll.finding.Finding;
import dev.plimsoll.finding.Severity;
import dev.plimsoll.run.Distribution;
import dev.plimsoll.run.HttpTimeline;
import dev.plimsoll.run.LoadMetrics;
import dev.plimsoll.run.Phase;
import dev.plimsoll.run.RunTimeline;
import dev.plimsoll.series.TimeSeries;
import dev.plimsoll.series.TimeWindow;
import dev.plimsoll.source.Signal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where latency was added under load. Against a low-load baseline window (the run's first 30 s with requests), the
 * growth of p95 in the peak window (the steady phase) is split into tiers: the server side — the larger of the load
 * balancer's TargetResponseTime growth and the backend's (APM) growth — and what the client saw on top of it, which
 * is the edge/network when k6's connection phases ({@code blocked}, {@code connecting}, {@code tls_handshaking})
 * account for it, else the load balancer's queue before the target.
 *
 * <p>p95 values are never averaged: the client's come from the merged k6 histograms of the window, the cloud's are
 * the median of the window's per-period p95 samples.
 */
final class LatencyDetector {
    /** Length of the low-load baseline window. */
    static final Duration BASELINE = Duration.ofSeconds(30);

    /**
     * Share of the peak window's requests failed by the load balancer itself above which a client-side gap is blamed
     * on targets timing out rather than on a queue in front of them; 1 %, the error threshold of the analysis.
     */
    static final double GATEWAY_TIMEOUT_SHARE = 0.01;

    private LatencyDetector() {}

    private static double elbErrorShare(AlignedRun ar, TimeWindow w) {
        Optional<TimeSeries> elb = ar.signal(Signal.LB_ELB_5XX);
        if (elb.isEmpty()) {
            return 0;
        }
        double p = Samples.periodMillis(elb.get());
        double errors = 0;
        for (int i = 0; i < elb.get().size(); i++) {
            long t = elb.get().epochMilliAt(i);
            if (t >= w.start().toEpochMilli()
                    && t + p <= w.end().toEpochMilli()
                    && !Double.isNaN(elb.get().valueAt(i))) {
                errors += elb.get().valueAt(i);
            }
        }
        double requests = Samples.sum(
                ar.run().timeline().http().requests(),
                w.start().toEpochMilli(),
                w.end().toEpochMilli(),
                ar.run().timeline().bucket().toMillis());
        return requests == 0 ? 0 : errors / requests;
    }

    /** The tiers' p95 in two windows. */
    record Breakdown(
            TimeWindow baseline,
            TimeWindow peak,
            double clientBase,
            double clientPeak,
            double lbBase,
            double lbPeak,
            double backendBase,
            double backendPeak,
            double edgeBase,
            double edgePeak) {}

    static Optional<Breakdown> breakdown(AlignedRun ar) {
        RunTimeline t = ar.run().timeline();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        TimeSeries req = t.http().requests();
        long first = -1;
        for (int i = 0; i < req.size(); i++) {
            if (req.valueAt(i) > 0) {
                first = req.epochMilliAt(i);
                break;
            }
        }
        if (first < 0) {
            return Optional.empty();
        }
        TimeWindow baseline = TimeWindow.ofEpochMillis(first, first + BASELINE.toMillis());
        TimeWindow peak = ar.run().phases().stream()
                .filter(p -> p.kind() == Phase.Kind.STEADY)
                .map(Phase::window)
                .findFirst()
                .orElse(t.window());
        HttpTimeline http = t.http();
        double clientBase =
                http.distribution(LoadMetrics.REQUEST_DURATION, baseline).percentile(95);
        double clientPeak =
                http.distribution(LoadMetrics.REQUEST_DURATION, peak).percentile(95);
        double edgeBase = edge(http, baseline);
        double edgePeak = edge(http, peak);
        Optional<TimeSeries> lb = ar.signal(Signal.LB_LATENCY, "p95");
        Optional<TimeSeries> be = ar.signal(Signal.BACKEND_LATENCY, "p95");
        return Optional.of(new Breakdown(
                baseline,
                peak,
                clientBase,
                clientPeak,
                lb.map(s -> Samples.median(s, baseline)).orElse(Double.NaN),
                lb.map(s -> Samples.median(s, peak)).orElse(Double.NaN),
                be.map(s -> Samples.median(s, baseline)).orElse(Double.NaN),
                be.map(s -> Samples.median(s, peak)).orElse(Double.NaN),
                edgeBase,
                edgePeak));
    }

    /** p95 of the connection phases: time spent before the request could be sent. */
    private static double edge(HttpTimeline http, TimeWindow w) {
        Distribution blocked = http.distribution(LoadMetrics.BLOCKED_TIME, w);
        return blocked.count() == 0 ? 0 : blocked.percentile(95);
    }

    static List<Finding> detect(AlignedRun ar, AnalysisConfig config, boolean generatorSaturated, String[] bottleneck) {
        List<Finding> out = new ArrayList<>();
        Optional<Breakdown> ob = breakdown(ar);
        bottleneck[0] = "none";
        if (ob.isEmpty()) {
            return out;
        }
        Breakdown b = ob.get();
        double growth = b.clientPeak() - b.clientBase();
        double dLb = b.lbPeak() - b.lbBase();
        double dBe = b.backendPeak() - b.backendBase();
        double dServer = Double.isNaN(dLb) ? dBe : Double.isNaN(dBe) ? dLb : Math.max(dLb, dBe);
        double dEdge = b.edgePeak() - b.edgeBase();
        double dFront = Double.isNaN(dServer) ? Double.NaN : growth - dServer;
        Map<String, Double> shares = new LinkedHashMap<>();
        shares.put("network_edge", Math.max(0, Double.isNaN(dFront) ? 0 : Math.min(dEdge, dFront)));
        shares.put("load_balancer", Math.max(0, Double.isNaN(dFront) ? 0 : dFront - Math.min(dEdge, dFront)));
        shares.put("backend", Math.max(0, Double.isNaN(dServer) ? 0 : dServer));
        List<Evidence> ev = new ArrayList<>();
        ev.add(new Evidence(
                "client p95 (k6 http_req_duration), baseline",
                "k6:http_req_duration.p95",
                b.baseline().start(),
                b.clientBase(),
                "ms"));
        ev.add(new Evidence(
                "client p95 (k6 http_req_duration), peak window",
                "k6:http_req_duration.p95",
                b.peak().start(),
                b.clientPeak(),
                "ms"));
        if (!Double.isNaN(b.lbPeak())) {
            ev.add(new Evidence(
                    "load balancer TargetResponseTime p95, peak window",
                    "lb_latency.p95",
                    b.peak().start(),
                    b.lbPeak(),
                    "ms"));
        }
        if (!Double.isNaN(b.backendPeak())) {
            ev.add(new Evidence(
                    "backend (APM) p95, peak window",
                    "backend_latency.p95",
                    b.peak().start(),
                    b.backendPeak(),
                    "ms"));
        }
        if (generatorSaturated) {
            bottleneck[0] = "load_generator";
            out.add(new Finding.LatencyBottleneck(
                    Severity.HIGH,
                    b.peak(),
                    String.format(
                            Locale.ROOT,
                            "client p95 grew %.0f ms (%.0f → %.0f ms) while the server side grew %s: the load generator, not"
                                    + " the system, added the latency",
                            growth,
                            b.clientBase(),
                            b.clientPeak(),
                            Double.isNaN(dServer)
                                    ? "by an unknown amount"
                                    : String.format(Locale.ROOT, "%.0f ms", dServer)),
                    ev,
                    0.8,
                    "load_generator",
                    growth,
                    shares));
            return out;
        }
        boolean breachesSlo = !Double.isNaN(config.sloP95Millis()) && b.clientPeak() > config.sloP95Millis();
        if (Double.isNaN(growth) || (growth < config.minGrowthMillis() && !breachesSlo)) {
            return out;
        }
        if (Double.isNaN(dServer)) {
            return out; // no server-side series: the growth cannot be placed
        }
        String tier;
        double gatewayTimeouts = elbErrorShare(ar, b.peak());
        if (dServer >= dFront) {
            tier = "backend";
        } else if (gatewayTimeouts >= GATEWAY_TIMEOUT_SHARE) {
            // the ALB's own 5xx under load are 504s waiting for targets: TargetResponseTime leaves those requests
            // out, so the time the client saw was spent waiting on the backend, not queued in front of it
            tier = "backend";
            ev.add(new Evidence(
                    "share of requests the ALB itself failed (HTTPCode_ELB_5XX: target timeouts)",
                    "lb_elb_5xx",
                    b.peak().start(),
                    gatewayTimeouts * 100,
                    "percent"));
        } else {
            tier = dEdge >= 0.5 * dFront ? "network_edge" : "load_balancer";
        }
        bottleneck[0] = tier;
        String where = switch (tier) {
            case "backend" -> "in the backend (the target's response time grew with it)";
            case "network_edge" ->
                "before the request reached the load balancer (connection setup: k6 http_req_blocked)";
            default -> "between the client and the ALB target: the load balancer/ingress queue, not the backend";
        };
        double placed = tier.equals("backend") ? dServer : dFront;
        out.add(new Finding.LatencyBottleneck(
                Severity.WARNING,
                b.peak(),
                String.format(
                        Locale.ROOT,
                        "p95 grew %.0f ms (%.0f → %.0f ms); %.0f ms of it %s",
                        growth,
                        b.clientBase(),
                        b.clientPeak(),
                        placed,
                        where),
                ev,
                Double.isNaN(b.backendPeak()) || Double.isNaN(b.lbPeak()) ? 0.6 : 0.85,
                tier,
                growth,
                shares));
        return out;
    }
}
