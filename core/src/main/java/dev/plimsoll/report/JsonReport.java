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
package dev.plimsoll.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plimsoll.align.AlignedSeries;
import dev.plimsoll.align.ClockSkew;
import dev.plimsoll.analysis.Correlation;
import dev.plimsoll.analysis.Elasticity;
import dev.plimsoll.analysis.SignalCoverage;
import dev.plimsoll.analysis.SignalGroup;
import dev.plimsoll.baseline.BaselineComparison;
import dev.plimsoll.baseline.FigureChange;
import dev.plimsoll.finding.Evidence;
import dev.plimsoll.finding.Finding;
import dev.plimsoll.finding.LatencyTier;
import dev.plimsoll.finding.Severity;
import dev.plimsoll.gate.GateResult;
import dev.plimsoll.series.TimeWindow;
import dev.plimsoll.source.Coverage;
import dev.plimsoll.source.Signal;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The report as JSON, schema version {@value #SCHEMA_VERSION}; {@link #read} loads a saved one back as a
 * {@link ReportDocument}. Fields, in this order:
 * <pre>
 * schemaVersion   int
 * title           string
 * verdict         "pass" | "fail" | "inconclusive"   (see Report.verdict())
 * reasons         [string]                 why: failed gates and findings, or what could not be decided
 * run             {tool, id, start, end, requests, failedRequests, errorRate, iterations, droppedIterations,
 *                  vusMax, p50Ms, p95Ms, p99Ms, dataSentBytes, dataReceivedBytes}
 * phases          [{kind: "ramp-up" | "steady" | "ramp-down", start, end, requests, failedRequests, rps, p50Ms, p95Ms,
 *                   p99Ms, vusMax}]
 * bottleneck      "backend" | "load_balancer" | "network_edge" | "load_generator" | "none" | "unknown"
 * clockSkew       {seconds, correlation, basis, periodSeconds} | null
 * elasticity      {accuracyUnder, accuracyOver, timeshareUnder, timeshareOver, jitterPerMinute, requestsPerNode,
 *                  samples} | null
 * findings        [{kind, severity, start, end, reason, confidence, ...kind-specific fields, evidence: [...]}]
 *                  regression | improvement: figure, unit, baselineValue, currentValue, change, relativeChange, test,
 *                  pValue, effectSize, baselineRuns: [id]; analysis_error: detectorId
 * gates           [{expression, measured, passed, outcome: "pass" | "fail" | "inconclusive" | "skipped", note?}]
 * evidence        [{group: "scaling" | "server_latency" | "request_count", asked, ratio, covered, basis: [query],
 *                   problems: [string]}]
 * coverage        [{query, expected, present, complete, messages}]
 * correlations    [{query, signal, series, load, pearson, spearman, lagSeconds, pValue, n}]
 * baseline        {selector, run: id | null, baselineRuns: [id], available, problem, first (no baseline yet),
 *                  figures: [{figure, unit, outcome: "regression" | "improvement" | "change" | "unchanged" |
 *                  "no_data", baseline, current, change, relativeChange, test, pValue, effectSize, threshold,
 *                  reason}]} | null
 * timeline        [{source, name, statistic, unit, tags: {k: v}, start, stepMs, values: [number | null]}]
 *                  the merged timeline: load series per bucket (source "load": requests and errors per second, vus,
 *                  latency p50/p95/p99 in ms), cloud series at their own period on the generator's clock
 * </pre>
 * Instants are ISO-8601 UTC; numbers are plain JSON numbers rounded to 10 significant digits (NaN and infinities
 * are written as null); field order is fixed. Adding a field is a minor change; renaming or removing one bumps
 * {@code schemaVersion}.
 *
 * @since 0.1
 */
public final class JsonReport {
    /** The version of the schema this class writes. */
    public static final int SCHEMA_VERSION = 1;

    /** Largest report {@link #read} accepts, bytes: a week-long run at 1 s with 50 cloud series stays well below. */
    static final long MAX_BYTES = 512L << 20;

    /** Leaves the caller's writer open, as the other formats do; the generator flushes on close. */
    private static final JsonFactory JSON = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private static final ObjectMapper READER = new ObjectMapper();

    private JsonReport() {}

    static void write(Report report, Writer out) throws IOException {
        write(ReportDocument.of(report), out);
    }

    /**
     * Writes a report document (a live report's, or one read back) as JSON.
     *
     * @param doc the document
     * @param out receives the JSON, pretty-printed, schema version {@value #SCHEMA_VERSION}; flushed, not closed
     * @throws IOException when the writer fails
     */
    public static void write(ReportDocument doc, Writer out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("schemaVersion", SCHEMA_VERSION);
            g.writeStringField("title", doc.title());
            g.writeStringField("verdict", doc.verdict().id());
            g.writeArrayFieldStart("reasons");
            for (String r : doc.reasons()) {
                g.writeString(r);
            }
            g.writeEndArray();
            run(g, doc.run());
            g.writeArrayFieldStart("phases");
            for (ReportDocument.PhaseFigures p : doc.phases()) {
                g.writeStartObject();
                g.writeStringField("kind", p.kind());
                g.writeStringField("start", p.start().toString());
                g.writeStringField("end", p.end().toString());
                g.writeNumberField("requests", p.requests());
                g.writeNumberField("failedRequests", p.failedRequests());
                number(g, "rps", p.rps());
                number(g, "p50Ms", p.p50Ms());
                number(g, "p95Ms", p.p95Ms());
                number(g, "p99Ms", p.p99Ms());
                g.writeNumberField("vusMax", p.vusMax());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("bottleneck", doc.bottleneck().id());
            if (doc.clockSkew().isPresent()) {
                ClockSkew skew = doc.clockSkew().get();
                g.writeObjectFieldStart("clockSkew");
                number(g, "seconds", skew.seconds());
                number(g, "correlation", skew.correlation());
                g.writeStringField("basis", skew.basis());
                number(g, "periodSeconds", skew.periodSeconds());
                g.writeEndObject();
            } else {
                g.writeNullField("clockSkew");
            }
            if (doc.elasticity().isPresent()) {
                Elasticity e = doc.elasticity().get();
                g.writeObjectFieldStart("elasticity");
                number(g, "accuracyUnder", e.accuracyUnder());
                number(g, "accuracyOver", e.accuracyOver());
                number(g, "timeshareUnder", e.timeshareUnder());
                number(g, "timeshareOver", e.timeshareOver());
                number(g, "jitterPerMinute", e.jitterPerMinute());
                number(g, "requestsPerNode", e.requestsPerNode());
                g.writeNumberField("samples", e.samples());
                g.writeEndObject();
            } else {
                g.writeNullField("elasticity");
            }
            g.writeArrayFieldStart("findings");
            for (Finding f : doc.findings()) {
                finding(g, f);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("gates");
            for (GateResult r : doc.gates()) {
                g.writeStartObject();
                g.writeStringField("expression", r.expression());
                g.writeStringField("measured", r.measured());
                g.writeBooleanField("passed", r.passed());
                g.writeStringField("outcome", r.outcome().id());
                if (!r.note().isEmpty()) {
                    g.writeStringField("note", r.note());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("evidence");
            for (SignalCoverage e : doc.evidence()) {
                g.writeStartObject();
                g.writeStringField("group", e.group().id());
                g.writeBooleanField("asked", e.asked());
                number(g, "ratio", e.ratio());
                g.writeBooleanField("covered", e.covered());
                strings(g, "basis", e.basis());
                strings(g, "problems", e.problems());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("coverage");
            for (Coverage c : doc.coverage()) {
                g.writeStartObject();
                g.writeStringField("query", c.queryId());
                g.writeNumberField("expected", c.expected());
                g.writeNumberField("present", c.present());
                g.writeBooleanField("complete", c.complete());
                strings(g, "messages", c.messages());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("correlations");
            for (Correlation c : doc.correlations()) {
                g.writeStartObject();
                g.writeStringField("query", c.queryId());
                g.writeStringField("signal", c.signal().label());
                g.writeStringField("series", c.series());
                g.writeStringField("load", c.load());
                number(g, "pearson", c.pearson());
                number(g, "spearman", c.spearman());
                number(g, "lagSeconds", c.lagSeconds());
                number(g, "pValue", c.pValue());
                g.writeNumberField("n", c.n());
                g.writeEndObject();
            }
            g.writeEndArray();
            baseline(g, doc.baseline());
            g.writeArrayFieldStart("timeline");
            for (AlignedSeries s : doc.timeline()) {
                g.writeStartObject();
                g.writeStringField("source", s.source());
                g.writeStringField("name", s.name());
                g.writeStringField("statistic", s.statistic());
                g.writeStringField("unit", s.unit());
                g.writeObjectFieldStart("tags");
                for (Map.Entry<String, String> t : s.tags().entrySet()) {
                    g.writeStringField(t.getKey(), t.getValue());
                }
                g.writeEndObject();
                g.writeStringField("start", s.start().toString());
                g.writeNumberField("stepMs", s.step().toMillis());
                // one line per series: a 1-hour run is 3 600 values per series
                StringBuilder values = new StringBuilder(s.size() * 8 + 2).append('[');
                for (int i = 0; i < s.size(); i++) {
                    values.append(i == 0 ? "" : ",").append(plain(s.valueAt(i)));
                }
                g.writeFieldName("values");
                g.writeRawValue(values.append(']').toString());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void run(JsonGenerator g, ReportDocument.Run run) throws IOException {
        g.writeObjectFieldStart("run");
        g.writeStringField("tool", run.tool());
        g.writeStringField("id", run.id());
        g.writeStringField("start", run.start().toString());
        g.writeStringField("end", run.end().toString());
        g.writeNumberField("requests", run.requests());
        g.writeNumberField("failedRequests", run.failedRequests());
        number(g, "errorRate", run.errorRate());
        g.writeNumberField("iterations", run.iterations());
        g.writeNumberField("droppedIterations", run.droppedIterations());
        g.writeNumberField("vusMax", run.vusMax());
        number(g, "p50Ms", run.p50Ms());
        number(g, "p95Ms", run.p95Ms());
        number(g, "p99Ms", run.p99Ms());
        g.writeNumberField("dataSentBytes", run.dataSentBytes());
        g.writeNumberField("dataReceivedBytes", run.dataReceivedBytes());
        g.writeEndObject();
    }

    private static void baseline(JsonGenerator g, Optional<BaselineComparison> baseline) throws IOException {
        if (baseline.isEmpty()) {
            g.writeNullField("baseline");
            return;
        }
        BaselineComparison b = baseline.get();
        g.writeObjectFieldStart("baseline");
        g.writeStringField("selector", b.selector());
        if (b.runId().isPresent()) {
            g.writeStringField("run", b.runId().get());
        } else {
            g.writeNullField("run");
        }
        strings(g, "baselineRuns", b.baselineRunIds());
        g.writeBooleanField("available", b.available());
        g.writeStringField("problem", b.problem());
        g.writeBooleanField("first", b.first());
        g.writeArrayFieldStart("figures");
        for (FigureChange c : b.figures()) {
            g.writeStartObject();
            g.writeStringField("figure", c.figure());
            g.writeStringField("unit", c.unit());
            g.writeStringField("outcome", c.outcome().id());
            number(g, "baseline", c.baseline());
            number(g, "current", c.current());
            number(g, "change", c.change());
            number(g, "relativeChange", c.relativeChange());
            g.writeStringField("test", c.test());
            number(g, "pValue", c.pValue());
            number(g, "effectSize", c.effectSize());
            number(g, "threshold", c.threshold());
            g.writeStringField("reason", c.reason());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void finding(JsonGenerator g, Finding f) throws IOException {
        g.writeStartObject();
        g.writeStringField("kind", f.kind().id());
        g.writeStringField("severity", f.severity().label());
        g.writeStringField("start", f.window().start().toString());
        g.writeStringField("end", f.window().end().toString());
        g.writeStringField("reason", f.reason());
        number(g, "confidence", f.confidence());
        if (f instanceof Finding.ScalingLag s) {
            g.writeStringField("saturationStart", s.saturationStart().toString());
            instant(g, "capacityReady", s.capacityReady());
            instant(g, "relief", s.relief());
            number(g, "lagSeconds", s.lagSeconds());
            number(g, "resolutionSeconds", s.resolutionSeconds());
            number(g, "budgetSeconds", s.budgetSeconds());
        } else if (f instanceof Finding.ScalingCeiling c) {
            g.writeStringField("saturationStart", c.saturationStart().toString());
            g.writeStringField("ceilingReached", c.ceilingReached().toString());
            g.writeNumberField("maxNodes", c.maxNodes());
        } else if (f instanceof Finding.NoScaleUp n) {
            g.writeStringField("saturationStart", n.saturationStart().toString());
        } else if (f instanceof Finding.ScalingFlapping fl) {
            g.writeNumberField("directionChanges", fl.directionChanges());
        } else if (f instanceof Finding.LatencyBottleneck b) {
            g.writeStringField("tier", b.tier().id());
            number(g, "growthMs", b.growthMillis());
            g.writeObjectFieldStart("sharesMs");
            for (Map.Entry<LatencyTier, Double> e : b.shares().entrySet()) {
                number(g, e.getKey().id(), e.getValue());
            }
            g.writeEndObject();
        } else if (f instanceof Finding.LoadGeneratorSaturation l) {
            g.writeNumberField("droppedIterations", l.droppedIterations());
        } else if (f instanceof Finding.CapacityKnee k) {
            number(g, "sigma", k.sigma());
            number(g, "kappa", k.kappa());
            number(g, "lambda", k.lambda());
            number(g, "nMax", k.nMax());
            number(g, "rSquared", k.rSquared());
        } else if (f instanceof Finding.ErrorBurst e) {
            g.writeNumberField("failedRequests", e.failedRequests());
            g.writeObjectFieldStart("byClass");
            for (Map.Entry<String, Long> c : e.byClass().entrySet()) {
                g.writeNumberField(c.getKey(), c.getValue());
            }
            g.writeEndObject();
        } else if (f instanceof Finding.DataCoverage c) {
            g.writeStringField("query", c.queryId());
            number(g, "ratio", c.ratio());
        } else if (f instanceof Finding.AnalysisError a) {
            g.writeStringField("detectorId", a.detectorId());
        } else if (f instanceof Finding.Regression r) {
            change(
                    g,
                    r.figure(),
                    r.unit(),
                    r.baselineValue(),
                    r.currentValue(),
                    r.change(),
                    r.relativeChange(),
                    r.test(),
                    r.pValue(),
                    r.effectSize(),
                    r.baselineRunIds());
        } else if (f instanceof Finding.Improvement i) {
            change(
                    g,
                    i.figure(),
                    i.unit(),
                    i.baselineValue(),
                    i.currentValue(),
                    i.change(),
                    i.relativeChange(),
                    i.test(),
                    i.pValue(),
                    i.effectSize(),
                    i.baselineRunIds());
        }
        g.writeArrayFieldStart("evidence");
        for (Evidence e : f.evidence()) {
            g.writeStartObject();
            g.writeStringField("label", e.label());
            g.writeStringField("series", e.series());
            Instant time = e.time();
            if (time == null) {
                g.writeNullField("time");
            } else {
                g.writeStringField("time", time.toString());
            }
            number(g, "value", e.value());
            g.writeStringField("unit", e.unit());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void change(
            JsonGenerator g,
            String figure,
            String unit,
            double baseline,
            double current,
            double change,
            double relative,
            String test,
            double p,
            double effect,
            List<String> runs)
            throws IOException {
        g.writeStringField("figure", figure);
        g.writeStringField("unit", unit);
        number(g, "baselineValue", baseline);
        number(g, "currentValue", current);
        number(g, "change", change);
        number(g, "relativeChange", relative);
        g.writeStringField("test", test);
        number(g, "pValue", p);
        number(g, "effectSize", effect);
        strings(g, "baselineRuns", runs);
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static void instant(JsonGenerator g, String name, Optional<Instant> t) throws IOException {
        if (t.isPresent()) {
            g.writeStringField(name, t.get().toString());
        } else {
            g.writeNullField(name);
        }
    }

    /** A number rounded to 10 significant digits for stable output; NaN and infinities as null. */
    private static void number(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            g.writeNullField(name);
        } else {
            g.writeFieldName(name);
            g.writeNumber(plain(v));
        }
    }

    private static String plain(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "null";
        }
        if (v == 0) {
            return "0";
        }
        return new BigDecimal(v).round(new MathContext(10)).stripTrailingZeros().toPlainString();
    }

    /**
     * Reads a saved JSON report (written by this or an earlier version of the schema).
     *
     * @param file a {@code plimsoll-report.json}, at most 512 MiB
     * @return the document as the file holds it (NaN where it holds {@code null})
     * @throws ReportException naming the file, and the line and rule where the content is not a Plimsoll JSON report
     *     (or is from a newer schema version)
     */
    public static ReportDocument read(Path file) {
        JsonNode root;
        try {
            if (Files.isDirectory(file)) {
                throw new ReportException(file, file + " is a folder, not a JSON report");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ReportException(
                        file, file + " is " + size + " bytes; a JSON report read back may hold at most " + MAX_BYTES);
            }
            try (InputStream in = Files.newInputStream(file)) {
                root = READER.readTree(in);
            }
        } catch (NoSuchFileException e) {
            throw new ReportException(file, file + " does not exist");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ReportException(
                    file,
                    file + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr()) + ": not valid JSON: "
                            + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ReportException(file, e);
        }
        if (root == null || !root.isObject()) {
            throw new ReportException(file, file + ": not a Plimsoll JSON report (not a JSON object)");
        }
        try {
            return new Reader(root).document();
        } catch (IllegalArgumentException | DateTimeParseException | NullPointerException e) {
            throw new ReportException(file, file + ": not a Plimsoll JSON report: " + e.getMessage());
        }
    }

    /** Reads the tree of a saved report; failures are IllegalArgumentExceptions naming the field and the rule. */
    private static final class Reader {
        private final JsonNode root;

        Reader(JsonNode root) {
            this.root = root;
        }

        ReportDocument document() {
            int version = integer(root, "schemaVersion");
            if (version > SCHEMA_VERSION) {
                throw new IllegalArgumentException("it has schema version " + version + ", newer than version "
                        + SCHEMA_VERSION + " that this Plimsoll reads: upgrade Plimsoll");
            }
            JsonNode run = object(root, "run");
            ReportDocument.Run summary = new ReportDocument.Run(
                    text(run, "tool"),
                    text(run, "id"),
                    instant(run, "start"),
                    instant(run, "end"),
                    whole(run, "requests"),
                    whole(run, "failedRequests"),
                    dbl(run, "errorRate"),
                    whole(run, "iterations"),
                    whole(run, "droppedIterations"),
                    whole(run, "vusMax"),
                    dbl(run, "p50Ms"),
                    dbl(run, "p95Ms"),
                    dbl(run, "p99Ms"),
                    run.path("dataSentBytes").asLong(0),
                    run.path("dataReceivedBytes").asLong(0));
            List<ReportDocument.PhaseFigures> phases = list(
                    "phases",
                    p -> new ReportDocument.PhaseFigures(
                            text(p, "kind"),
                            instant(p, "start"),
                            instant(p, "end"),
                            whole(p, "requests"),
                            whole(p, "failedRequests"),
                            dbl(p, "rps"),
                            dbl(p, "p50Ms"),
                            dbl(p, "p95Ms"),
                            dbl(p, "p99Ms"),
                            whole(p, "vusMax")));
            JsonNode skew = root.path("clockSkew");
            Optional<ClockSkew> clockSkew = skew.isObject()
                    ? Optional.of(new ClockSkew(
                            dbl(skew, "seconds"),
                            dbl(skew, "correlation"),
                            text(skew, "basis"),
                            dbl(skew, "periodSeconds")))
                    : Optional.empty();
            JsonNode e = root.path("elasticity");
            Optional<Elasticity> elasticity = e.isObject()
                    ? Optional.of(new Elasticity(
                            dbl(e, "accuracyUnder"),
                            dbl(e, "accuracyOver"),
                            dbl(e, "timeshareUnder"),
                            dbl(e, "timeshareOver"),
                            dbl(e, "jitterPerMinute"),
                            dbl(e, "requestsPerNode"),
                            integer(e, "samples")))
                    : Optional.empty();
            List<GateResult> gates = list(
                    "gates",
                    g -> new GateResult(
                            text(g, "expression"),
                            text(g, "measured"),
                            outcome(g),
                            g.path("note").asText("")));
            List<SignalCoverage> evidence = list(
                    "evidence",
                    c -> new SignalCoverage(
                            group(text(c, "group")),
                            bool(c, "asked"),
                            dbl(c, "ratio"),
                            texts(c, "basis"),
                            bool(c, "covered"),
                            texts(c, "problems")));
            List<Coverage> coverage = list(
                    "coverage",
                    c -> new Coverage(
                            text(c, "query"),
                            integer(c, "expected"),
                            integer(c, "present"),
                            bool(c, "complete"),
                            texts(c, "messages")));
            List<Correlation> correlations = list(
                    "correlations",
                    c -> new Correlation(
                            text(c, "query"),
                            Signal.of(text(c, "signal")),
                            text(c, "series"),
                            text(c, "load"),
                            dbl(c, "pearson"),
                            dbl(c, "spearman"),
                            dbl(c, "lagSeconds"),
                            dbl(c, "pValue"),
                            integer(c, "n")));
            return new ReportDocument(
                    version,
                    text(root, "title"),
                    verdict(text(root, "verdict")),
                    texts(root, "reasons"),
                    summary,
                    phases,
                    LatencyTier.ofId(text(root, "bottleneck")),
                    clockSkew,
                    elasticity,
                    list("findings", this::finding),
                    gates,
                    evidence,
                    coverage,
                    correlations,
                    baseline(root.path("baseline")),
                    list("timeline", this::series));
        }

        private Finding finding(JsonNode f) {
            String kind = text(f, "kind");
            Severity severity = severity(text(f, "severity"));
            TimeWindow window = new TimeWindow(instant(f, "start"), instant(f, "end"));
            String reason = text(f, "reason");
            double confidence = dbl(f, "confidence");
            List<Evidence> evidence = new ArrayList<>();
            for (JsonNode e : array(f, "evidence")) {
                JsonNode time = e.path("time");
                evidence.add(new Evidence(
                        text(e, "label"),
                        text(e, "series"),
                        time.isTextual() ? Instant.parse(time.asText()) : null,
                        dbl(e, "value"),
                        text(e, "unit")));
            }
            return switch (kind) {
                case "scaling_lag" ->
                    new Finding.ScalingLag(
                            severity,
                            window,
                            reason,
                            evidence,
                            confidence,
                            instant(f, "saturationStart"),
                            optionalInstant(f, "capacityReady"),
                            optionalInstant(f, "relief"),
                            dbl(f, "lagSeconds"),
                            dbl(f, "resolutionSeconds"),
                            dbl(f, "budgetSeconds"));
                case "scaling_ceiling" ->
                    new Finding.ScalingCeiling(
                            severity,
                            window,
                            reason,
                            evidence,
                            confidence,
                            instant(f, "saturationStart"),
                            instant(f, "ceilingReached"),
                            integer(f, "maxNodes"));
                case "no_scale_up" ->
                    new Finding.NoScaleUp(
                            severity, window, reason, evidence, confidence, instant(f, "saturationStart"));
                case "scaling_flapping" ->
                    new Finding.ScalingFlapping(
                            severity, window, reason, evidence, confidence, integer(f, "directionChanges"));
                case "latency_bottleneck" -> {
                    Map<LatencyTier, Double> shares = new LinkedHashMap<>();
                    object(f, "sharesMs")
                            .properties()
                            .forEach(s -> shares.put(LatencyTier.ofId(s.getKey()), number(s.getValue())));
                    yield new Finding.LatencyBottleneck(
                            severity,
                            window,
                            reason,
                            evidence,
                            confidence,
                            LatencyTier.ofId(text(f, "tier")),
                            dbl(f, "growthMs"),
                            shares);
                }
                case "load_generator_saturation" ->
                    new Finding.LoadGeneratorSaturation(
                            severity, window, reason, evidence, confidence, whole(f, "droppedIterations"));
                case "capacity_knee" ->
                    new Finding.CapacityKnee(
                            severity,
                            window,
                            reason,
                            evidence,
                            confidence,
                            dbl(f, "sigma"),
                            dbl(f, "kappa"),
                            dbl(f, "lambda"),
                            dbl(f, "nMax"),
                            dbl(f, "rSquared"));
                case "error_burst" -> {
                    Map<String, Long> byClass = new LinkedHashMap<>();
                    object(f, "byClass")
                            .properties()
                            .forEach(c -> byClass.put(c.getKey(), c.getValue().asLong()));
                    yield new Finding.ErrorBurst(
                            severity, window, reason, evidence, confidence, whole(f, "failedRequests"), byClass);
                }
                case "data_coverage" ->
                    new Finding.DataCoverage(
                            severity, window, reason, evidence, confidence, text(f, "query"), dbl(f, "ratio"));
                case "analysis_error" ->
                    new Finding.AnalysisError(
                            severity,
                            window,
                            reason,
                            evidence,
                            confidence,
                            f.path("detectorId").asText("unknown"));
                case "regression" ->
                    new Finding.Regression(
                            severity,
                            window,
                            reason,
                            evidence,
                            confidence,
                            text(f, "figure"),
                            text(f, "unit"),
                            dbl(f, "baselineValue"),
                            dbl(f, "currentValue"),
                            dbl(f, "change"),
                            dbl(f, "relativeChange"),
                            text(f, "test"),
                            dbl(f, "pValue"),
                            dbl(f, "effectSize"),
                            texts(f, "baselineRuns"));
                case "improvement" ->
                    new Finding.Improvement(
                            severity,
                            window,
                            reason,
                            evidence,
                            confidence,
                            text(f, "figure"),
                            text(f, "unit"),
                            dbl(f, "baselineValue"),
                            dbl(f, "currentValue"),
                            dbl(f, "change"),
                            dbl(f, "relativeChange"),
                            text(f, "test"),
                            dbl(f, "pValue"),
                            dbl(f, "effectSize"),
                            texts(f, "baselineRuns"));
                default ->
                    throw new IllegalArgumentException(
                            "finding kind '" + kind + "' is not one this version of Plimsoll knows");
            };
        }

        private Optional<BaselineComparison> baseline(JsonNode b) {
            if (!b.isObject()) {
                return Optional.empty();
            }
            JsonNode run = b.path("run");
            List<FigureChange> figures = new ArrayList<>();
            for (JsonNode c : array(b, "figures")) {
                figures.add(new FigureChange(
                        text(c, "figure"),
                        text(c, "unit"),
                        FigureChange.Outcome.ofId(text(c, "outcome")),
                        dbl(c, "baseline"),
                        dbl(c, "current"),
                        dbl(c, "change"),
                        dbl(c, "relativeChange"),
                        text(c, "test"),
                        dbl(c, "pValue"),
                        dbl(c, "effectSize"),
                        dbl(c, "threshold"),
                        text(c, "reason")));
            }
            return Optional.of(new BaselineComparison(
                    text(b, "selector"),
                    run.isTextual() ? Optional.of(run.asText()) : Optional.empty(),
                    texts(b, "baselineRuns"),
                    figures,
                    b.path("problem").asText(""),
                    b.path("first").asBoolean(false)
                            && !b.path("problem").asText("").isEmpty()));
        }

        private AlignedSeries series(JsonNode s) {
            Map<String, String> tags = new TreeMap<>();
            object(s, "tags")
                    .properties()
                    .forEach(t -> tags.put(t.getKey(), t.getValue().asText()));
            JsonNode values = array(s, "values");
            double[] v = new double[values.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = number(values.get(i));
            }
            return AlignedSeries.of(
                    text(s, "source"),
                    text(s, "name"),
                    text(s, "statistic"),
                    text(s, "unit"),
                    tags,
                    instant(s, "start"),
                    Duration.ofMillis(whole(s, "stepMs")),
                    v);
        }

        private <T> List<T> list(String field, Function<JsonNode, T> item) {
            List<T> out = new ArrayList<>();
            JsonNode a = root.path(field);
            if (a.isMissingNode() || a.isNull()) {
                return out;
            }
            if (!a.isArray()) {
                throw new IllegalArgumentException("'" + field + "' must be an array");
            }
            int i = 0;
            for (JsonNode n : a) {
                try {
                    out.add(item.apply(n));
                } catch (IllegalArgumentException | DateTimeParseException | NullPointerException e) {
                    throw new IllegalArgumentException(field + "[" + i + "]: " + e.getMessage(), e);
                }
                i++;
            }
            return out;
        }

        private static JsonNode object(JsonNode n, String field) {
            JsonNode v = n.path(field);
            if (!v.isObject()) {
                throw new IllegalArgumentException("'" + field + "' must be an object");
            }
            return v;
        }

        private static JsonNode array(JsonNode n, String field) {
            JsonNode v = n.path(field);
            if (!v.isArray()) {
                throw new IllegalArgumentException("'" + field + "' must be an array");
            }
            return v;
        }

        private static String text(JsonNode n, String field) {
            JsonNode v = n.path(field);
            if (!v.isTextual()) {
                throw new IllegalArgumentException("'" + field + "' must be a string");
            }
            return v.asText();
        }

        private static List<String> texts(JsonNode n, String field) {
            List<String> out = new ArrayList<>();
            for (JsonNode v : array(n, field)) {
                out.add(v.asText());
            }
            return out;
        }

        private static boolean bool(JsonNode n, String field) {
            JsonNode v = n.path(field);
            if (!v.isBoolean()) {
                throw new IllegalArgumentException("'" + field + "' must be true or false");
            }
            return v.asBoolean();
        }

        private static double dbl(JsonNode n, String field) {
            JsonNode v = n.path(field);
            if (!v.isNumber() && !v.isNull()) {
                throw new IllegalArgumentException("'" + field + "' must be a number or null");
            }
            return number(v);
        }

        private static double number(JsonNode v) {
            return v.isNumber() ? v.asDouble() : Double.NaN;
        }

        private static long whole(JsonNode n, String field) {
            JsonNode v = n.path(field);
            if (!v.canConvertToLong() || !v.isIntegralNumber()) {
                throw new IllegalArgumentException("'" + field + "' must be a whole number");
            }
            return v.asLong();
        }

        private static int integer(JsonNode n, String field) {
            long v = whole(n, field);
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("'" + field + "' is out of range: " + v);
            }
            return (int) v;
        }

        private static Instant instant(JsonNode n, String field) {
            try {
                return Instant.parse(text(n, field));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + field + "' must be an ISO-8601 instant, but was '"
                        + n.path(field).asText() + "'");
            }
        }

        private static Optional<Instant> optionalInstant(JsonNode n, String field) {
            return n.path(field).isTextual() ? Optional.of(instant(n, field)) : Optional.empty();
        }

        private static Verdict verdict(String id) {
            try {
                return Verdict.of(id);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + e.getMessage(), e);
            }
        }

        private static GateResult.Outcome outcome(JsonNode g) {
            JsonNode o = g.path("outcome");
            if (!o.isTextual()) { // written before outcomes existed: passed or not
                return bool(g, "passed") ? GateResult.Outcome.PASSED : GateResult.Outcome.FAILED;
            }
            for (GateResult.Outcome x : GateResult.Outcome.values()) {
                if (x.id().equals(o.asText())) {
                    return x;
                }
            }
            throw new IllegalArgumentException(
                    "'outcome' must be pass, fail, inconclusive or skipped, but was '" + o.asText() + "'");
        }

        private static Severity severity(String label) {
            for (Severity s : Severity.values()) {
                if (s.label().equals(label)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("'severity' must be info, warning or high, but was '" + label + "'");
        }

        private static SignalGroup group(String id) {
            for (SignalGroup g : SignalGroup.values()) {
                if (g.id().equals(id)) {
                    return g;
                }
            }
            throw new IllegalArgumentException(
                    "'group' must be one of scaling, server_latency, request_count, but was '"
                            + id.toLowerCase(Locale.ROOT) + "'");
        }
    }
}
