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
import dev.plimsoll.analysis.Correlation;
import dev.plimsoll.analysis.SignalCoverage;
import dev.plimsoll.finding.Evidence;
import dev.plimsoll.finding.Finding;
import dev.plimsoll.finding.LatencyTier;
import dev.plimsoll.gate.GateResult;
import dev.plimsoll.run.LoadMetrics;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.run.RunTotals;
import dev.plimsoll.source.Coverage;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The report as JSON, schema version {@value #SCHEMA_VERSION}. Fields, in this order:
 * <pre>
 * schemaVersion   int
 * title           string
 * verdict         "pass" | "fail" | "inconclusive"   (see Report.verdict())
 * reasons         [string]                 why: failed gates and findings, or what could not be decided
 * run             {tool, id, start, end, requests, failedRequests, errorRate, iterations, droppedIterations,
 *                  vusMax, p50Ms, p95Ms, p99Ms}
 * bottleneck      "backend" | "load_balancer" | "network_edge" | "load_generator" | "none" | "unknown"
 * clockSkew       {seconds, correlation, basis, periodSeconds} | null
 * elasticity      {accuracyUnder, accuracyOver, timeshareUnder, timeshareOver, jitterPerMinute, requestsPerNode,
 *                  samples} | null
 * findings        [{kind, severity, start, end, reason, confidence, ...kind-specific fields, evidence: [...]}]
 * gates           [{expression, measured, passed, outcome: "pass" | "fail" | "inconclusive", note?}]
 * evidence        [{group: "scaling" | "server_latency" | "request_count", asked, ratio, covered, basis: [query],
 *                   problems: [string]}]
 * coverage        [{query, expected, present, complete, messages}]
 * correlations    [{query, signal, series, load, pearson, spearman, lagSeconds, pValue, n}]
 * </pre>
 * Instants are ISO-8601 UTC; numbers are plain JSON numbers rounded to 10 significant digits (NaN and infinities
 * are written as null); field order is fixed. Adding a
 * field is a minor change; renaming or removing one bumps {@code schemaVersion}.
 *
 * @since 0.1
 */
public final class JsonReport {
    /** The version of the schema this class writes. */
    public static final int SCHEMA_VERSION = 1;

    private static final JsonFactory JSON = new JsonFactory();

    private JsonReport() {}

    static void write(Report report, Writer out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("schemaVersion", SCHEMA_VERSION);
            g.writeStringField("title", report.title());
            g.writeStringField("verdict", report.verdict().id());
            g.writeArrayFieldStart("reasons");
            for (String r : report.reasons()) {
                g.writeString(r);
            }
            g.writeEndArray();
            run(g, report.result().aligned().run());
            g.writeStringField("bottleneck", report.result().bottleneck().id());
            var skew = report.result().skew();
            if (skew.isEstimated()) {
                g.writeObjectFieldStart("clockSkew");
                number(g, "seconds", skew.seconds());
                number(g, "correlation", skew.correlation());
                g.writeStringField("basis", skew.basis());
                number(g, "periodSeconds", skew.periodSeconds());
                g.writeEndObject();
            } else {
                g.writeNullField("clockSkew");
            }
            if (report.result().elasticity().isPresent()) {
                var e = report.result().elasticity().get();
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
            for (Finding f : report.result().findings()) {
                finding(g, f);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("gates");
            for (GateResult r : report.gates()) {
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
            for (SignalCoverage e : report.result().evidence()) {
                g.writeStartObject();
                g.writeStringField("group", e.group().id());
                g.writeBooleanField("asked", e.asked());
                number(g, "ratio", e.ratio());
                g.writeBooleanField("covered", e.covered());
                g.writeArrayFieldStart("basis");
                for (String b : e.basis()) {
                    g.writeString(b);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("problems");
                for (String p : e.problems()) {
                    g.writeString(p);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("coverage");
            for (Coverage c : report.result().coverage()) {
                g.writeStartObject();
                g.writeStringField("query", c.queryId());
                g.writeNumberField("expected", c.expected());
                g.writeNumberField("present", c.present());
                g.writeBooleanField("complete", c.complete());
                g.writeArrayFieldStart("messages");
                for (String m : c.messages()) {
                    g.writeString(m);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("correlations");
            for (Correlation c : report.result().correlations()) {
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
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void run(JsonGenerator g, LoadRun run) throws IOException {
        RunTotals t = run.totals();
        var d = run.timeline().http().distribution(LoadMetrics.REQUEST_DURATION);
        g.writeObjectFieldStart("run");
        g.writeStringField("tool", run.tool());
        g.writeStringField("id", run.id());
        g.writeStringField("start", run.window().start().toString());
        g.writeStringField("end", run.window().end().toString());
        g.writeNumberField("requests", t.requests());
        g.writeNumberField("failedRequests", t.failedRequests());
        number(g, "errorRate", t.errorRate());
        g.writeNumberField("iterations", t.iterations());
        g.writeNumberField("droppedIterations", t.droppedIterations());
        g.writeNumberField("vusMax", t.vusMax());
        number(g, "p50Ms", d.percentile(50));
        number(g, "p95Ms", d.percentile(95));
        number(g, "p99Ms", d.percentile(99));
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
        }
        g.writeArrayFieldStart("evidence");
        for (Evidence e : f.evidence()) {
            g.writeStartObject();
            g.writeStringField("label", e.label());
            g.writeStringField("series", e.series());
            if (e.time() == null) {
                g.writeNullField("time");
            } else {
                g.writeStringField("time", e.time().toString());
            }
            number(g, "value", e.value());
            g.writeStringField("unit", e.unit());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
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
            g.writeNumber(new BigDecimal(v)
                    .round(new MathContext(10))
                    .stripTrailingZeros()
                    .toPlainString());
        }
    }
}
