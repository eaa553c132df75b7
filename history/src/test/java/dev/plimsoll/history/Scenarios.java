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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plimsoll.align.AlignedSeries;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Run records made from the per-second extracts of the shared scenarios (real k6 v0.49.0 runs; see
 * {@link ScenarioExtractTest}), and histories resampled from them.
 *
 * <p>Key figures: client p50/p95/p99 are the medians of the steady phase's per-second percentiles, the error rate
 * and RPS are summed from the seconds, the scaling lag is the truth's "CPU above 70 % sustained" → "first node
 * Ready", max nodes the truth's, skew the clock skew injected into the scenario. These stand in for what the analysis
 * pipeline will compute in phase 2.
 */
final class Scenarios {
    static final String S1 = "S1_backend_scaling";
    static final String S3 = "S3_scaling_ceiling";
    static final String S5 = "S5_healthy";
    static final String S6 = "S6_clock_skew";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Scenarios() {}

    /** One second of load. */
    record Second(long epochMillis, double requests, double failed, double vus, double p50, double p95, double p99) {
        Second scaled(double latencyFactor) {
            return new Second(
                    epochMillis, requests, failed, vus, p50 * latencyFactor, p95 * latencyFactor, p99 * latencyFactor);
        }

        Second at(long t) {
            return new Second(t, requests, failed, vus, p50, p95, p99);
        }
    }

    /** A phase: kind, start, end. */
    record Window(String kind, long startMillis, long endMillis) {}

    private static final Map<String, List<Second>> SECONDS = new java.util.concurrent.ConcurrentHashMap<>();

    static List<Second> seconds(String scenario) {
        return SECONDS.computeIfAbsent(scenario, Scenarios::readSeconds);
    }

    private static List<Second> readSeconds(String scenario) {
        List<Second> out = new ArrayList<>();
        for (String[] row : csv(scenario + "/load.csv")) {
            out.add(new Second(
                    Long.parseLong(row[0]), d(row[1]), d(row[2]), d(row[3]), d(row[4]), d(row[5]), d(row[6])));
        }
        return List.copyOf(out);
    }

    static List<Window> phases(String scenario) {
        return csv(scenario + "/phases.csv").stream()
                .map(r -> new Window(r[0], Long.parseLong(r[1]), Long.parseLong(r[2])))
                .toList();
    }

    static JsonNode truth(String scenario) {
        try (InputStream in = resource(scenario + "/truth.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The scenario as the store would get it from the analysis. */
    static RunRecord record(String scenario) {
        List<Second> seconds = seconds(scenario);
        List<Window> phases = phases(scenario);
        JsonNode truth = truth(scenario);
        RunRecord.Builder b = build(seconds, phases, scenario);
        KeyFigures.Builder f = figures(seconds, phases);
        JsonNode events = truth.get("events");
        JsonNode sat = events.get("cpu_above_70_sustained");
        JsonNode ready = events.get("first_node_ready");
        if (!sat.isNull() && !ready.isNull()) {
            f.put(
                    Figure.SCALING_LAG,
                    ready.get("epoch_s").asDouble() - sat.get("epoch_s").asDouble());
        }
        f.put(Figure.MAX_NODES, truth.get("evidence").get("max_nodes_ready").asDouble());
        f.put(Figure.SKEW, truth.get("clock_skew_seconds").asDouble());
        b.figures(f.build());
        b.timeline(cloudwatch(scenario));
        return b.build();
    }

    /** A record from seconds and phases, with figures from the seconds alone. */
    static RunRecord.Builder build(List<Second> seconds, List<Window> phases, String name) {
        long start = seconds.get(0).epochMillis();
        long end = seconds.get(seconds.size() - 1).epochMillis() + 1000;
        Instant t0 = Instant.ofEpochMilli(start);
        Duration second = Duration.ofSeconds(1);
        long requests =
                Math.round(seconds.stream().mapToDouble(Second::requests).sum());
        long failed = Math.round(seconds.stream().mapToDouble(Second::failed).sum());
        int vus = (int) seconds.stream()
                .mapToDouble(s -> Double.isNaN(s.vus()) ? 0 : s.vus())
                .max()
                .orElse(0);
        List<PhaseFigures> phaseFigures = new ArrayList<>();
        for (Window w : phases) {
            List<Second> in = seconds.stream()
                    .filter(s -> s.epochMillis() >= w.startMillis() && s.epochMillis() < w.endMillis())
                    .toList();
            phaseFigures.add(new PhaseFigures(
                    w.kind(),
                    Instant.ofEpochMilli(w.startMillis()),
                    Instant.ofEpochMilli(w.endMillis()),
                    Math.round(in.stream().mapToDouble(Second::requests).sum()),
                    Math.round(in.stream().mapToDouble(Second::failed).sum()),
                    in.stream().mapToDouble(Second::requests).average().orElse(Double.NaN),
                    median(in.stream().mapToDouble(Second::p50).toArray()),
                    median(in.stream().mapToDouble(Second::p95).toArray()),
                    median(in.stream().mapToDouble(Second::p99).toArray()),
                    (int) in.stream()
                            .mapToDouble(s -> Double.isNaN(s.vus()) ? 0 : s.vus())
                            .max()
                            .orElse(0)));
        }
        return RunRecord.builder(t0, Instant.ofEpochMilli(end))
                .name(name)
                .tool("k6", "0.49.0")
                .totals(new Totals(requests, failed, requests, 0, vus, 0, 0))
                .phases(phaseFigures)
                .figures(figures(seconds, phases).build())
                .series(AlignedSeries.load(
                        AlignedSeries.REQUESTS,
                        "rate",
                        "1/s",
                        t0,
                        second,
                        seconds.stream().mapToDouble(Second::requests).toArray()))
                .series(AlignedSeries.load(
                        AlignedSeries.ERRORS,
                        "rate",
                        "1/s",
                        t0,
                        second,
                        seconds.stream().mapToDouble(Second::failed).toArray()))
                .series(AlignedSeries.load(
                        AlignedSeries.VUS,
                        "max",
                        "count",
                        t0,
                        second,
                        seconds.stream().mapToDouble(Second::vus).toArray()))
                .series(AlignedSeries.load(
                        AlignedSeries.LATENCY,
                        "p50",
                        "ms",
                        t0,
                        second,
                        seconds.stream().mapToDouble(Second::p50).toArray()))
                .series(AlignedSeries.load(
                        AlignedSeries.LATENCY,
                        "p95",
                        "ms",
                        t0,
                        second,
                        seconds.stream().mapToDouble(Second::p95).toArray()))
                .series(AlignedSeries.load(
                        AlignedSeries.LATENCY,
                        "p99",
                        "ms",
                        t0,
                        second,
                        seconds.stream().mapToDouble(Second::p99).toArray()));
    }

    static KeyFigures.Builder figures(List<Second> seconds, List<Window> phases) {
        List<Second> steady = steady(seconds, phases);
        double requests = seconds.stream().mapToDouble(Second::requests).sum();
        double failed = seconds.stream().mapToDouble(Second::failed).sum();
        return KeyFigures.builder()
                .put(
                        Figure.CLIENT_P50,
                        median(steady.stream().mapToDouble(Second::p50).toArray()))
                .put(
                        Figure.CLIENT_P95,
                        median(steady.stream().mapToDouble(Second::p95).toArray()))
                .put(
                        Figure.CLIENT_P99,
                        median(steady.stream().mapToDouble(Second::p99).toArray()))
                .put(Figure.ERROR_RATE, requests == 0 ? Double.NaN : failed / requests)
                .put(
                        Figure.RPS,
                        steady.stream().mapToDouble(Second::requests).average().orElse(Double.NaN));
    }

    static List<Second> steady(List<Second> seconds, List<Window> phases) {
        return seconds.stream()
                .filter(s -> phases.stream()
                        .anyMatch(w -> w.kind().equals("steady")
                                && s.epochMillis() >= w.startMillis()
                                && s.epochMillis() < w.endMillis()))
                .toList();
    }

    /** The CloudWatch series of the scenario at their own 60 s resolution. */
    static List<AlignedSeries> cloudwatch(String scenario) {
        Map<String, List<String[]>> byId = new LinkedHashMap<>();
        for (String[] row : csv(scenario + "/cloudwatch.csv")) {
            byId.computeIfAbsent(row[0], k -> new ArrayList<>()).add(row);
        }
        List<AlignedSeries> out = new ArrayList<>();
        byId.forEach((id, rows) -> {
            long[] t =
                    rows.stream().mapToLong(r -> Long.parseLong(r[2])).sorted().toArray();
            long first = t[0];
            int n = (int) ((t[t.length - 1] - first) / 60_000) + 1;
            double[] v = new double[n];
            Arrays.fill(v, Double.NaN);
            for (String[] r : rows) {
                v[(int) ((Long.parseLong(r[2]) - first) / 60_000)] = d(r[3]);
            }
            out.add(AlignedSeries.of(
                    "cloudwatch",
                    rows.get(0)[1],
                    id.contains("p95") ? "p95" : id.contains("p99") ? "p99" : "avg",
                    unit(rows.get(0)[1]),
                    Map.of("query", id),
                    Instant.ofEpochMilli(first),
                    Duration.ofSeconds(60),
                    v));
        });
        return out;
    }

    private static String unit(String label) {
        if (label.contains("utilization")) {
            return "percent";
        }
        return label.equals("TargetResponseTime") ? "ms" : "count";
    }

    /**
     * A run resampled from a scenario's own steady-phase seconds: a moving-block bootstrap (blocks of
     * {@code block} consecutive seconds, start chosen at random, wrapping around) keeps each second's requests,
     * errors, VUs and latency percentiles together and their short-range autocorrelation; the run's latency is then
     * scaled by {@code latencyFactor}.
     */
    static RunRecord resampled(String scenario, long seed, int block, double latencyFactor, Instant start) {
        List<Second> steady = steady(seconds(scenario), phases(scenario));
        Random random = new Random(seed);
        List<Second> out = new ArrayList<>(steady.size());
        long t = start.toEpochMilli();
        while (out.size() < steady.size()) {
            int from = random.nextInt(steady.size());
            for (int i = 0; i < block && out.size() < steady.size(); i++) {
                out.add(steady.get((from + i) % steady.size())
                        .scaled(latencyFactor)
                        .at(t));
                t += 1000;
            }
        }
        List<Window> phases = List.of(new Window("steady", start.toEpochMilli(), t));
        return build(out, phases, scenario + " resampled").build();
    }

    static double median(double[] values) {
        double[] v =
                Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static List<String[]> csv(String path) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(resource(path), StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.split(",", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static InputStream resource(String path) {
        return Objects.requireNonNull(
                Scenarios.class.getResourceAsStream("/scenarios/" + path), () -> "no test resource scenarios/" + path);
    }

    private static double d(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }
}
