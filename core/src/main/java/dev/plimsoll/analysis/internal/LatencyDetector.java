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

import dev.plimsoll.analysis.AnalysisConfig;
import dev.plimsoll.analysis.DetectionContext;
import dev.plimsoll.analysis.Detector;
import dev.plimsoll.finding.Evidence;
import dev.plimsoll.finding.Finding;
import dev.plimsoll.finding.LatencyTier;
import dev.plimsoll.finding.Severity;
import dev.plimsoll.run.K6Metrics;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.series.TimeWindow;
import dev.plimsoll.source.FetchedSeries;
import dev.plimsoll.source.Signal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where latency was added under load. The growth of the client's p95 from the baseline to the peak window
 * ({@link LatencyBreakdown}) is split into tiers:
 *
 * <ol>
 *   <li>a saturated load generator (a HIGH load-generator finding before this detector) takes it all:
 *       {@link LatencyTier#LOAD_GENERATOR};
 *   <li>growth under {@link AnalysisConfig#minGrowthMillis()} (and p95 within the SLO) is not placed; growth without
 *       any server-side series is reported with {@link LatencyTier#UNKNOWN};
 *   <li>the server side grew at least as much as the client saw on top of it: {@link LatencyTier#BACKEND};
 *   <li>the load balancer itself failed ≥ {@link #GATEWAY_TIMEOUT_SHARE} of the peak window's requests (ELB 5xx:
 *       504s waiting for targets, which TargetResponseTime leaves out): {@link LatencyTier#BACKEND};
 *   <li>else the front: {@link LatencyTier#NETWORK_EDGE} when the connection phases account for at least half of it,
 *       otherwise {@link LatencyTier#LOAD_BALANCER} (the queue before the target).
 * </ol>
 */
public final class LatencyDetector implements Detector {
    /**
     * Share of the peak window's requests failed by the load balancer itself above which a client-side gap is blamed
     * on targets timing out rather than on a queue in front of them; 1 %, the error threshold of the analysis.
     */
    static final double GATEWAY_TIMEOUT_SHARE = 0.01;

    @Override
    public String id() {
        return "latency";
    }

    @Override
    public List<Finding> detect(DetectionContext ctx) {
        List<Finding> out = new ArrayList<>();
        Optional<LatencyBreakdown> ob = LatencyBreakdown.of(ctx);
        if (ob.isEmpty()) {
            return out;
        }
        LatencyBreakdown b = ob.get();
        AnalysisConfig config = ctx.config();
        double growth = b.clientGrowth();
        double dServer = b.serverGrowth();
        double dEdge = b.edgePeak() - b.edgeBase();
        double dFront = Double.isNaN(dServer) ? Double.NaN : growth - dServer;
        Map<LatencyTier, Double> shares = new LinkedHashMap<>();
        shares.put(LatencyTier.NETWORK_EDGE, Math.max(0, Double.isNaN(dFront) ? 0 : Math.min(dEdge, dFront)));
        shares.put(LatencyTier.LOAD_BALANCER, Math.max(0, Double.isNaN(dFront) ? 0 : dFront - Math.min(dEdge, dFront)));
        shares.put(LatencyTier.BACKEND, Math.max(0, Double.isNaN(dServer) ? 0 : dServer));
        LoadRun run = ctx.run().run();
        String client = ClientSeries.label(run, K6Metrics.HTTP_REQ_DURATION);
        String clientP95 = ClientSeries.id(run, K6Metrics.HTTP_REQ_DURATION) + ".p95";
        List<Evidence> ev = new ArrayList<>();
        ev.add(new Evidence(
                "client p95 (" + client + "), baseline", clientP95, b.baseline().start(), b.clientBase(), "ms"));
        ev.add(new Evidence(
                "client p95 (" + client + "), peak window", clientP95, b.peak().start(), b.clientPeak(), "ms"));
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
        if (GeneratorDetector.saturated(ctx.findings())) {
            out.add(new Finding.LatencyBottleneck(
                    Severity.HIGH,
                    b.peak(),
                    String.format(
                            Locale.ROOT,
                            "client p95 grew %.0f ms (%.0f → %.0f ms) while the server side grew %s: the load"
                                    + " generator, not the system, added the latency",
                            growth,
                            b.clientBase(),
                            b.clientPeak(),
                            Double.isNaN(dServer)
                                    ? "by an unknown amount"
                                    : String.format(Locale.ROOT, "%.0f ms", dServer)),
                    ev,
                    0.8,
                    LatencyTier.LOAD_GENERATOR,
                    growth,
                    shares));
            return out;
        }
        boolean breachesSlo = !Double.isNaN(config.sloP95Millis()) && b.clientPeak() > config.sloP95Millis();
        if (Double.isNaN(growth) || (growth < config.minGrowthMillis() && !breachesSlo)) {
            return out;
        }
        if (Double.isNaN(dServer)) {
            // no server-side series: the growth is a fact of the client side, but where it was added is unknown
            out.add(new Finding.LatencyBottleneck(
                    Severity.WARNING,
                    b.peak(),
                    String.format(
                            Locale.ROOT,
                            "client p95 grew %.0f ms (%.0f → %.0f ms) under load; where it was added is unknown: no"
                                    + " load balancer or backend latency covered the run",
                            growth,
                            b.clientBase(),
                            b.clientPeak()),
                    ev,
                    0.5,
                    LatencyTier.UNKNOWN,
                    growth,
                    shares));
            return out;
        }
        LatencyTier tier;
        double gatewayTimeouts = elbErrorShare(ctx, b.peak());
        if (dServer >= dFront) {
            tier = LatencyTier.BACKEND;
        } else if (gatewayTimeouts >= GATEWAY_TIMEOUT_SHARE) {
            // the ALB's own 5xx under load are 504s waiting for targets: TargetResponseTime leaves those requests
            // out, so the time the client saw was spent waiting on the backend, not queued in front of it
            tier = LatencyTier.BACKEND;
            ev.add(new Evidence(
                    "share of requests the ALB itself failed (HTTPCode_ELB_5XX: target timeouts)",
                    "lb_elb_5xx",
                    b.peak().start(),
                    gatewayTimeouts * 100,
                    "percent"));
        } else {
            tier = dEdge >= 0.5 * dFront ? LatencyTier.NETWORK_EDGE : LatencyTier.LOAD_BALANCER;
        }
        String where = switch (tier) {
            case BACKEND -> "in the backend (the target's response time grew with it)";
            case NETWORK_EDGE ->
                "before the request reached the load balancer (connection setup: "
                        + ClientSeries.label(run, K6Metrics.HTTP_REQ_BLOCKED) + ")";
            default -> "between the client and the ALB target: the load balancer/ingress queue, not the" + " backend";
        };
        double placed = tier == LatencyTier.BACKEND ? dServer : dFront;
        out.add(new Finding.LatencyBottleneck(
                Severity.WARNING,
                b.peak(),
                Math.round(placed) > Math.round(growth)
                        // percentiles of different requests do not add up: the tier's own p95 may grow more
                        ? String.format(
                                Locale.ROOT,
                                "p95 grew %.0f ms (%.0f → %.0f ms); all of it %s — that tier's own p95 grew %.0f ms",
                                growth,
                                b.clientBase(),
                                b.clientPeak(),
                                where,
                                placed)
                        : String.format(
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

    /** Requests the load balancer itself failed (ELB 5xx) in the window, as a share of the run's requests there. */
    private static double elbErrorShare(DetectionContext ctx, TimeWindow w) {
        Optional<FetchedSeries> elb = ctx.run().signal(Signal.LB_ELB_5XX);
        if (elb.isEmpty()) {
            return 0;
        }
        double errors =
                Samples.sumWithin(elb.get(), w.start().toEpochMilli(), w.end().toEpochMilli());
        var t = ctx.run().run().timeline();
        double requests = Samples.sum(
                t.http().requests(),
                w.start().toEpochMilli(),
                w.end().toEpochMilli(),
                t.bucket().toMillis());
        return requests == 0 ? 0 : errors / requests;
    }
}
