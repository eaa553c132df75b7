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
package dev.plimsoll.micrometer;

import dev.plimsoll.analysis.AnalysisResult;
import dev.plimsoll.baseline.BaselineComparison;
import dev.plimsoll.baseline.FigureChange;
import dev.plimsoll.finding.Finding;
import dev.plimsoll.finding.FindingKind;
import dev.plimsoll.finding.LatencyTier;
import dev.plimsoll.finding.Severity;
import dev.plimsoll.gate.GateResult;
import dev.plimsoll.report.Report;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Publishes an analysis's findings and key figures as Micrometer gauges, for dashboards beside the infrastructure:
 * scaling lag per episode, findings by kind and severity, latency share by tier, elasticity, throughput at the knee,
 * gates (1 pass / 0 fail), clock skew, and, when the run was compared with a baseline, the number of regressions and
 * each compared figure's change. Call {@link #refresh()} after a new analysis; meters of findings that
 * disappeared are removed. Never throws into the caller: a failure is logged once and the meters keep their last
 * values.
 *
 * <pre>{@code
 * AtomicReference<Report> latest = new AtomicReference<>();
 * PlimsollMeterBinder binder = PlimsollMeterBinder.of(latest::get, "checkout-stress");
 * binder.bindTo(registry);
 * // after each run
 * latest.set(LoadTestAnalysis.of(run).sources(cw).gates("scaling_lag<=150s").analyze());
 * binder.refresh();
 * }</pre>
 *
 * @since 0.1
 */
public final class PlimsollMeterBinder implements MeterBinder {
    private static final System.Logger LOG = System.getLogger(PlimsollMeterBinder.class.getName());

    private final Supplier<@Nullable Report> report;
    private final String run;
    private final PlimsollMetricNames names;
    private final List<Runnable> refreshers = new ArrayList<>();
    private volatile boolean warned;

    private PlimsollMeterBinder(Supplier<@Nullable Report> report, String run, PlimsollMetricNames names) {
        this.report = Objects.requireNonNull(report, "report");
        this.run = Objects.requireNonNull(run, "run");
        this.names = Objects.requireNonNull(names, "names");
    }

    /**
     * A binder over the latest report, tagging every meter with {@code run}, under the default names.
     *
     * @param report asked for the latest report at each {@link #refresh()}; null means no analysis yet (the meters
     *     stay as they are)
     * @param run the {@code run} tag of every meter, e.g. the test or service name, so that several runs publish side
     *     by side
     * @return a binder; bind it to one or more registries
     */
    public static PlimsollMeterBinder of(Supplier<@Nullable Report> report, String run) {
        return new PlimsollMeterBinder(report, run, PlimsollMetricNames.ofDefaults());
    }

    /**
     * A binder over the latest report under custom meter names.
     *
     * @param report asked for the latest report at each {@link #refresh()}; null means no analysis yet
     * @param run the {@code run} tag of every meter
     * @param names the meters' names, e.g. {@code PlimsollMetricNames.custom().gate("perf.gate").build()}
     * @return a binder
     */
    public static PlimsollMeterBinder of(Supplier<@Nullable Report> report, String run, PlimsollMetricNames names) {
        return new PlimsollMeterBinder(report, run, names);
    }

    /**
     * Registers the gauges with {@code registry} and fills them from the current report.
     *
     * @param registry any registry (Prometheus, CloudWatch, Datadog…); a binder may be bound to several
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        MultiGauge lag = MultiGauge.builder(names.scalingLag())
                .baseUnit("seconds")
                .description("saturation start to first new node Ready")
                .register(registry);
        MultiGauge findings = MultiGauge.builder(names.findings())
                .description("findings of the latest analysis")
                .register(registry);
        MultiGauge share = MultiGauge.builder(names.latencyShare())
                .description("share of the p95 growth per tier")
                .register(registry);
        MultiGauge elasticity = MultiGauge.builder(names.elasticity())
                .description("SPEC RG elasticity metrics")
                .register(registry);
        MultiGauge throughput = MultiGauge.builder(names.maxThroughput())
                .baseUnit("requests")
                .description("throughput at the capacity knee, per second")
                .register(registry);
        MultiGauge gates = MultiGauge.builder(names.gate())
                .description("1 when the gate passed, 0 when it failed, NaN when inconclusive or skipped")
                .register(registry);
        MultiGauge skew = MultiGauge.builder(names.clockSkew())
                .baseUnit("seconds")
                .description("load generator / cloud clock offset")
                .register(registry);
        MultiGauge regressions = MultiGauge.builder(names.regressions())
                .description("key figures that regressed against the baseline")
                .register(registry);
        MultiGauge change = MultiGauge.builder(names.baselineChange())
                .description("change of a key figure from the baseline, in the figure's unit")
                .register(registry);
        MultiGauge relative = MultiGauge.builder(names.baselineRelativeChange())
                .description("change of a key figure relative to the baseline (0.1 = +10 %)")
                .register(registry);
        synchronized (refreshers) {
            refreshers.add(() -> {
                Report r = report.get();
                if (r == null) {
                    return;
                }
                AnalysisResult a = r.result();
                Tags base = Tags.of("run", run);
                List<MultiGauge.Row<?>> lagRows = new ArrayList<>();
                int episode = 0;
                // episodes numbered in time order (findings come by severity first)
                List<Finding.ScalingLag> lags = a.findings(FindingKind.SCALING_LAG).stream()
                        .map(Finding.ScalingLag.class::cast)
                        .sorted(java.util.Comparator.comparing(Finding.ScalingLag::saturationStart))
                        .toList();
                for (Finding.ScalingLag l : lags) {
                    lagRows.add(MultiGauge.Row.of(base.and("episode", Integer.toString(++episode)), l.lagSeconds()));
                }
                lag.register(lagRows, true);
                List<MultiGauge.Row<?>> findingRows = new ArrayList<>();
                for (FindingKind k : FindingKind.values()) {
                    for (Severity s : Severity.values()) {
                        long n = a.findings(k).stream()
                                .filter(f -> f.severity() == s)
                                .count();
                        if (n > 0) {
                            findingRows.add(MultiGauge.Row.of(base.and("kind", k.id(), "severity", s.label()), n));
                        }
                    }
                }
                findings.register(findingRows, true);
                List<MultiGauge.Row<?>> shareRows = new ArrayList<>();
                for (Finding f : a.findings(FindingKind.LATENCY_BOTTLENECK)) {
                    Finding.LatencyBottleneck b = (Finding.LatencyBottleneck) f;
                    double total = b.shares().values().stream()
                            .mapToDouble(Double::doubleValue)
                            .sum();
                    // no server-side latency (tier unknown) or no growth placed: the shares were not measured, and
                    // NaN is Micrometer's "no value"; 0 would read as "this tier added nothing"
                    boolean measured = b.tier() != LatencyTier.UNKNOWN && total > 0;
                    b.shares()
                            .forEach((tier, ms) -> shareRows.add(MultiGauge.Row.of(
                                    base.and("tier", tier.id()), measured ? ms / total : Double.NaN)));
                }
                share.register(shareRows, true);
                List<MultiGauge.Row<?>> elasticityRows = new ArrayList<>();
                a.elasticity().ifPresent(e -> {
                    elasticityRows.add(MultiGauge.Row.of(base.and("metric", "accuracy.under"), e.accuracyUnder()));
                    elasticityRows.add(MultiGauge.Row.of(base.and("metric", "accuracy.over"), e.accuracyOver()));
                    elasticityRows.add(MultiGauge.Row.of(base.and("metric", "timeshare.under"), e.timeshareUnder()));
                    elasticityRows.add(MultiGauge.Row.of(base.and("metric", "timeshare.over"), e.timeshareOver()));
                    elasticityRows.add(MultiGauge.Row.of(base.and("metric", "jitter"), e.jitterPerMinute()));
                });
                elasticity.register(elasticityRows, true);
                List<MultiGauge.Row<?>> throughputRows = new ArrayList<>();
                for (Finding f : a.findings(FindingKind.CAPACITY_KNEE)) {
                    Finding.CapacityKnee k = (Finding.CapacityKnee) f;
                    double n = k.nMax();
                    throughputRows.add(MultiGauge.Row.of(
                            base, k.lambda() * n / (1 + k.sigma() * (n - 1) + k.kappa() * n * (n - 1))));
                }
                throughput.register(throughputRows, true);
                List<MultiGauge.Row<?>> gateRows = new ArrayList<>();
                for (GateResult g : r.gates()) {
                    // an undecided gate is no failure: an alert on 0 must not fire on a first run or missing data
                    double value = g.passed() ? 1 : g.failed() ? 0 : Double.NaN;
                    gateRows.add(MultiGauge.Row.of(base.and("gate", g.expression()), value));
                }
                gates.register(gateRows, true);
                skew.register(
                        a.skew().isEstimated()
                                ? List.of(MultiGauge.Row.of(base, a.skew().seconds()))
                                : List.of(),
                        true);
                List<MultiGauge.Row<?>> regressionRows = new ArrayList<>();
                List<MultiGauge.Row<?>> changeRows = new ArrayList<>();
                List<MultiGauge.Row<?>> relativeRows = new ArrayList<>();
                r.baseline().filter(BaselineComparison::available).ifPresent(b -> {
                    regressionRows.add(MultiGauge.Row.of(base, b.regressions().size()));
                    for (FigureChange c : b.figures()) {
                        if (c.outcome() == FigureChange.Outcome.NO_DATA) {
                            continue;
                        }
                        Tags t = base.and(
                                "figure", c.figure(), "outcome", c.outcome().id());
                        if (!Double.isNaN(c.change())) {
                            changeRows.add(MultiGauge.Row.of(t.and("unit", c.unit()), c.change()));
                        }
                        if (!Double.isNaN(c.relativeChange()) && !Double.isInfinite(c.relativeChange())) {
                            relativeRows.add(MultiGauge.Row.of(t, c.relativeChange()));
                        }
                    }
                });
                regressions.register(regressionRows, true);
                change.register(changeRows, true);
                relative.register(relativeRows, true);
            });
        }
        refresh();
    }

    /** Re-reads the report and updates every bound registry. Never throws. */
    public void refresh() {
        List<Runnable> copy;
        synchronized (refreshers) {
            copy = List.copyOf(refreshers);
        }
        for (Runnable r : copy) {
            try {
                r.run();
            } catch (RuntimeException e) {
                if (!warned) {
                    warned = true;
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "Plimsoll meters could not be refreshed; they keep their last" + " values",
                            e);
                }
            }
        }
    }
}
