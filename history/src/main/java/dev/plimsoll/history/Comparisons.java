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
package dev.plimsoll.history;

import dev.plimsoll.align.AlignedSeries;
import dev.plimsoll.history.internal.Stats;
import dev.plimsoll.source.Signal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A run against its baselines, figure by figure (see {@link ComparisonConfig} for the method). */
final class Comparisons {
    static final String MANN_WHITNEY = "mann-whitney-u";
    static final String MEDIAN_MAD = "median-mad";
    static final String TOLERANCE = "tolerance";
    static final String PRESENCE = "presence";

    private Comparisons() {}

    static Comparison compare(
            @Nullable String currentId, RunRecord current, List<StoredRun> baselines, ComparisonConfig given) {
        ComparisonConfig config = HistoryBaseline.withSamplingFloor(given, elasticitySamples(current));
        List<String> ids = baselines.stream().map(StoredRun::id).toList();
        Map<String, Figure> figures = new LinkedHashMap<>();
        for (Figure f : Figure.known()) {
            figures.put(f.id(), f);
        }
        current.figures().values().keySet().forEach(f -> figures.putIfAbsent(f.id(), f));
        baselines.forEach(b -> b.record().figures().values().keySet().forEach(f -> figures.putIfAbsent(f.id(), f)));

        List<FigureComparison> out = new ArrayList<>();
        for (Figure figure : figures.values()) {
            if (figure.direction() == Direction.NONE) {
                continue;
            }
            Optional<Double> now = current.figures().get(figure.id());
            double[] before = baselines.stream()
                    .map(b -> b.record().figures().get(figure.id()))
                    .flatMap(Optional::stream)
                    .mapToDouble(Double::doubleValue)
                    .toArray();
            if (now.isEmpty() && before.length == 0) {
                continue;
            }
            FigureComparison c = null;
            if (figure.isClientLatency()) {
                c = latency(figure, current, baselines, now, before, ids, config);
            }
            if (c == null) {
                c = scalar(figure, now, before, ids, config);
            }
            out.add(c);
        }
        return new Comparison(currentId, ids, out);
    }

    /** Client latency as distributions of per-second percentiles in the steady phase; null to fall back. */
    private static @Nullable FigureComparison latency(
            Figure figure,
            RunRecord current,
            List<StoredRun> baselines,
            Optional<Double> now,
            double[] before,
            List<String> ids,
            ComparisonConfig config) {
        String statistic = figure.id().substring("client_".length());
        double[] x = steadySample(current, statistic);
        List<double[]> parts = new ArrayList<>();
        for (StoredRun b : baselines) {
            parts.add(steadySample(b.record(), statistic));
        }
        double[] y = parts.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
        if (x.length < config.minSamples() || y.length < config.minSamples()) {
            return null;
        }
        double base = before.length > 0 ? Stats.median(before) : Stats.median(y);
        double cur = now.orElseGet(() -> Stats.median(x));
        double change = cur - base;
        double relative = base == 0 ? Double.NaN : change / Math.abs(base);
        if (Stats.sameValues(x, y)) {
            return new FigureComparison(
                    figure,
                    Outcome.UNCHANGED,
                    base,
                    cur,
                    change,
                    relative,
                    MANN_WHITNEY,
                    1,
                    1,
                    config.minLatencyEffect(),
                    ids,
                    figure.description() + ": the per-second values are identical to " + "the baseline's");
        }
        double p = Stats.mannWhitneyP(x, y);
        double meanX = Stats.mean(x);
        double meanY = Stats.mean(y);
        double ratio = meanY == 0 || meanX == 0 ? Double.NaN : meanX / meanY;
        double bound = 1 + config.minLatencyEffect();
        // per-second values within a run are autocorrelated and runs differ more from each other than seconds do:
        // with three or more baselines the change must also leave their run-to-run spread
        double spread =
                before.length >= 3 ? config.madMultiplier() * Stats.MAD_TO_SIGMA * Stats.mad(before) : Double.NaN;
        boolean significant = p < config.alpha() && (Double.isNaN(spread) || Math.abs(change) > spread);
        Outcome outcome = Outcome.UNCHANGED;
        if (significant && (Double.isNaN(ratio) ? meanX > meanY : ratio >= bound)) {
            outcome = Outcome.REGRESSION;
        } else if (significant && (Double.isNaN(ratio) ? meanX < meanY : ratio <= 1 / bound)) {
            outcome = Outcome.IMPROVEMENT;
        }
        String reason = String.format(
                Locale.ROOT,
                "%s under load %s: steady-phase per-second %s mean %s %s vs %s %s over %d baseline run%s (%s); "
                        + "Mann–Whitney U p = %s, mean ratio %.3f (%s needs p < %s and a ratio beyond %.2f%s), %d vs "
                        + "%d seconds",
                figure.description(),
                verb(outcome),
                statistic,
                num(meanX),
                figure.unit(),
                num(meanY),
                figure.unit(),
                ids.size(),
                ids.size() == 1 ? "" : "s",
                String.join(", ", ids),
                pValue(p),
                ratio,
                outcome == Outcome.UNCHANGED ? "a change" : outcome.label(),
                num(config.alpha()),
                outcome == Outcome.IMPROVEMENT ? 1 / bound : bound,
                Double.isNaN(spread)
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                ", and a change of the figure beyond the baselines' spread ± %s %s",
                                num(spread),
                                figure.unit()),
                x.length,
                y.length);
        return new FigureComparison(
                figure,
                outcome,
                base,
                cur,
                change,
                relative,
                MANN_WHITNEY,
                p,
                ratio,
                config.minLatencyEffect(),
                ids,
                reason);
    }

    /** The per-second values of {@code load:latency.<statistic>} inside the steady phases (the whole run without). */
    static double[] steadySample(RunRecord run, String statistic) {
        Optional<AlignedSeries> series = run.series(AlignedSeries.LOAD, AlignedSeries.LATENCY, statistic);
        if (series.isEmpty()) {
            return new double[0];
        }
        AlignedSeries s = series.get();
        List<PhaseFigures> steady = run.steadyPhases();
        double[] out = new double[s.size()];
        int n = 0;
        for (int i = 0; i < s.size(); i++) {
            double v = s.valueAt(i);
            if (Double.isNaN(v)) {
                continue;
            }
            Instant t = s.timeAt(i);
            boolean inside = steady.isEmpty();
            for (PhaseFigures p : steady) {
                if (!t.isBefore(p.start()) && t.isBefore(p.end())) {
                    inside = true;
                    break;
                }
            }
            if (inside) {
                out[n++] = v;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /**
     * The CPU periods the run's elasticity figures rest on, as the analysis counts them: the points of the finest
     * node-CPU series of its timeline that lie wholly inside the run with a node count known at their middle; 0 when
     * it has no elasticity figures. Counted
     * from the record, so that every way of comparing (the pipeline, {@code compare}, the store) agrees.
     */
    static int elasticitySamples(RunRecord current) {
        if (current.figures().get(Figure.ELASTICITY_UNDER).isEmpty()
                && current.figures().get(Figure.ELASTICITY_TIMESHARE_UNDER).isEmpty()) {
            return 0;
        }
        long from = current.start().toEpochMilli();
        long to = current.end().toEpochMilli();
        Optional<AlignedSeries> nodes = finest(current, Signal.NODE_COUNT);
        return finest(current, Signal.CPU_UTILIZATION)
                .map(s -> {
                    long step = s.step().toMillis();
                    int n = 0;
                    for (int i = 0; i < s.size(); i++) {
                        long t = s.start().toEpochMilli() + i * step;
                        if (t >= from
                                && t + step <= to
                                && !Double.isNaN(s.valueAt(i))
                                && nodes.map(x -> held(x, t + step / 2) > 0).orElse(false)) {
                            n++;
                        }
                    }
                    return n;
                })
                .orElse(0);
    }

    private static Optional<AlignedSeries> finest(RunRecord record, Signal signal) {
        return record.timeline().stream()
                .filter(s -> signal.label().equals(s.tags().get(AlignedSeries.SIGNAL_TAG)))
                .min(Comparator.comparing(AlignedSeries::step));
    }

    /** The series' last value at or before {@code t} (epoch ms), rounded as the analysis counts nodes; NaN if none. */
    private static double held(AlignedSeries s, long t) {
        double v = Double.NaN;
        long step = s.step().toMillis();
        for (int i = 0; i < s.size() && s.start().toEpochMilli() + i * step <= t; i++) {
            if (!Double.isNaN(s.valueAt(i))) {
                v = s.valueAt(i);
            }
        }
        return Math.round(v);
    }

    /** A figure present on one side only, or on neither: no change, test or effect to compute. */
    private static FigureComparison presence(
            Figure figure, Outcome outcome, double base, double cur, List<String> ids, String reason) {
        return new FigureComparison(
                figure,
                outcome,
                base,
                cur,
                Double.NaN,
                Double.NaN,
                PRESENCE,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                ids,
                reason);
    }

    private static FigureComparison scalar(
            Figure figure, Optional<Double> now, double[] before, List<String> ids, ComparisonConfig config) {
        Tolerance tolerance = config.toleranceOf(figure);
        if (now.isEmpty() || before.length == 0) {
            double base = before.length == 0 ? Double.NaN : Stats.median(before);
            double cur = now.orElse(Double.NaN);
            if (now.isPresent() && figure.absentIsHealthy()) {
                return presence(
                        figure,
                        figure.direction() == Direction.EITHER ? Outcome.CHANGE : Outcome.REGRESSION,
                        base,
                        cur,
                        ids,
                        String.format(
                                Locale.ROOT,
                                "%s appeared: %s %s now, none in %d baseline run%s (%s)",
                                figure.description(),
                                num(cur),
                                figure.unit(),
                                ids.size(),
                                ids.size() == 1 ? "" : "s",
                                String.join(", ", ids)));
            }
            if (now.isEmpty() && figure.absentIsHealthy()) {
                return presence(
                        figure,
                        figure.direction() == Direction.EITHER ? Outcome.CHANGE : Outcome.IMPROVEMENT,
                        base,
                        cur,
                        ids,
                        String.format(
                                Locale.ROOT,
                                "%s disappeared: none now, %s %s in the baseline (%s)",
                                figure.description(),
                                num(base),
                                figure.unit(),
                                String.join(", ", ids)));
            }
            return presence(
                    figure,
                    Outcome.NO_DATA,
                    base,
                    cur,
                    ids,
                    figure.description() + ": "
                            + (now.isEmpty() ? "not measured in this run" : "not measured in any baseline run"));
        }
        double cur = now.get();
        double base = Stats.median(before);
        double change = cur - base;
        double relative = base == 0 ? Double.NaN : change / Math.abs(base);
        double floor = tolerance.threshold(base);
        String test;
        double threshold;
        double effect;
        String spread;
        if (before.length >= 3) {
            double sigma = Stats.MAD_TO_SIGMA * Stats.mad(before);
            threshold = Math.max(config.madMultiplier() * sigma, floor);
            effect = sigma == 0 ? (change == 0 ? 0 : Double.POSITIVE_INFINITY) : Math.abs(change) / sigma;
            test = MEDIAN_MAD;
            spread = String.format(
                    Locale.ROOT,
                    "median of %d baselines ± max(%s × 1.4826 × MAD %s, tolerance %s)",
                    before.length,
                    num(config.madMultiplier()),
                    num(Stats.mad(before)),
                    num(floor));
        } else {
            threshold = floor;
            effect = Double.NaN;
            test = TOLERANCE;
            spread = String.format(
                    Locale.ROOT,
                    "%s of %d baseline%s ± tolerance %s",
                    before.length == 1 ? "value" : "median",
                    before.length,
                    before.length == 1 ? "" : "s",
                    num(floor));
        }
        Outcome outcome = Outcome.UNCHANGED;
        if (Math.abs(change) > threshold) {
            outcome = switch (figure.direction()) {
                case HIGHER_IS_WORSE -> change > 0 ? Outcome.REGRESSION : Outcome.IMPROVEMENT;
                case LOWER_IS_WORSE -> change < 0 ? Outcome.REGRESSION : Outcome.IMPROVEMENT;
                case EITHER, NONE -> Outcome.CHANGE;
            };
        }
        String reason = String.format(
                Locale.ROOT,
                "%s %s: %s %s now vs %s %s (%s%s %s, %s; %s)",
                figure.description(),
                verb(outcome),
                num(cur),
                figure.unit(),
                num(base),
                figure.unit(),
                change >= 0 ? "+" : "",
                num(change),
                figure.unit(),
                spread,
                String.join(", ", ids));
        return new FigureComparison(
                figure, outcome, base, cur, change, relative, test, Double.NaN, effect, threshold, ids, reason);
    }

    private static String verb(Outcome o) {
        return switch (o) {
            case REGRESSION -> "regressed";
            case IMPROVEMENT -> "improved";
            case CHANGE -> "changed";
            case UNCHANGED -> "unchanged";
            case NO_DATA -> "not compared";
        };
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.1f" : Math.abs(v) >= 1 ? "%.2f" : "%.4f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    static String pValue(double p) {
        return p < 0.0001 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p);
    }
}
