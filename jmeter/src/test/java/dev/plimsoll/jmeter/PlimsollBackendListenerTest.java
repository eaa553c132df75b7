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
package dev.plimsoll.jmeter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.ingest.LoadRuns;
import dev.plimsoll.run.Distribution;
import dev.plimsoll.run.HttpTimeline;
import dev.plimsoll.run.LoadMetrics;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.run.RunTimeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.jmeter.config.Arguments;
import org.apache.jmeter.control.LoopController;
import org.apache.jmeter.control.TransactionController;
import org.apache.jmeter.protocol.http.sampler.HTTPSamplerProxy;
import org.apache.jmeter.reporters.ResultCollector;
import org.apache.jmeter.samplers.SampleSaveConfiguration;
import org.apache.jmeter.testelement.TestPlan;
import org.apache.jmeter.threads.ThreadGroup;
import org.apache.jmeter.timers.UniformRandomTimer;
import org.apache.jmeter.visualizers.backend.BackendListener;
import org.apache.jmeter.visualizers.backend.BackendListenerContext;
import org.apache.jorphan.collections.HashTree;
import org.apache.jorphan.collections.ListedHashTree;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The listener inside real JMeter 5.6.3 runs against a local server, checked against the JTL of the same run. */
class PlimsollBackendListenerTest {
    private static final int THREADS = 6;
    private static final int LOOPS = 6;

    @TempDir
    Path dir;

    @BeforeAll
    static void jmeter() throws IOException {
        LocalJMeter.init();
    }

    @Test
    void listenerWhenAPlanRunsShouldRecordTheRunThePlansJtlCsvGives() throws Exception {
        Path jtl = dir.resolve("results.csv");
        Path reports = dir.resolve("reports");
        try (LocalJMeter.Server server = new LocalJMeter.Server()) {
            HashTree plan = new ListedHashTree();
            TestPlan tp = new TestPlan("listener test");
            tp.setUserDefinedVariables(new Arguments());
            HashTree root = plan.add(tp);
            HashTree users = root.add(threadGroup("users", THREADS, 1, LOOPS));
            int port = server.port();
            users.add(http("GET /api/products", port, "GET", "/api/products"));
            users.add(http("GET /api/search", port, "GET", "/api/search"));
            users.add(http("GET /api/missing", port, "GET", "/api/missing"));
            users.add(http("GET /api/old (redirected)", port, "GET", "/api/old"));
            users.add(http("GET /api/slow", port, "GET", "/api/slow"));
            users.add(http("GET refused", LocalJMeter.closedPort(), "GET", "/api/products"));
            HashTree checkout = users.add(transaction("checkout", true));
            checkout.add(http("GET /api/products (cart)", port, "GET", "/api/products?cart=1"));
            checkout.add(http("POST /api/orders", port, "POST", "/api/orders"));
            HashTree browse = users.add(transaction("browse", false));
            browse.add(http("GET /api/products (browse)", port, "GET", "/api/products?browse=1"));
            browse.add(http("GET /api/search (browse)", port, "GET", "/api/search?browse=1"));
            UniformRandomTimer think = new UniformRandomTimer();
            think.setName("think");
            think.setDelay("5");
            think.setRange(20);
            users.add(think);
            root.add(listener(Map.of(
                    PlimsollBackendListener.RUN_ID, "listener-test",
                    PlimsollBackendListener.GATES, "error_rate<1%;client_p95<5s",
                    PlimsollBackendListener.REPORT_DIR, reports.toString(),
                    PlimsollBackendListener.FORMATS, "json,junit")));
            root.add(csvCollector(jtl));

            LocalJMeter.run(plan);
        }

        PlimsollBackendListener.Outcome outcome =
                PlimsollBackendListener.outcome("listener-test").orElseThrow();
        LoadRun recorded = outcome.run();
        LoadRun read = LoadRuns.read(jtl);

        assertThat(recorded.tool()).isEqualTo("jmeter");
        assertSameRun(recorded, read);
        // the plan's redirects came as sub-results, and both kinds of transaction controller ran
        assertThat(read.timeline().byName().keySet()).anyMatch(k -> k.matches("GET /api/old \\(redirected\\)-\\d"));
        assertThat(read.timeline()
                        .metric(LoadMetrics.GROUP_DURATION)
                        .orElseThrow()
                        .count())
                .isEqualTo(2 * THREADS * LOOPS);
        assertThat(read.totals().requests()).isGreaterThan(THREADS * LOOPS * 10);
        // errors came from every cause: 404, 500, a timeout and a refused connection
        assertThat(read.timeline().byStatus()).containsKeys("200", "404", "500", "0");
        assertThat(read.timeline().byErrorCode()).hasSizeGreaterThanOrEqualTo(2);

        assertThat(outcome.problem()).isEmpty();
        assertThat(outcome.passed())
                .as("error_rate<1%% fails: a sixth of the requests failed")
                .isFalse();
        assertThat(outcome.report().orElseThrow().gates())
                .extracting(g -> g.expression() + " " + g.passed())
                .containsExactly("error_rate<1% false", "client_p95<5s true");
        assertThat(outcome.files())
                .containsExactly(reports.resolve("plimsoll-report.json"), reports.resolve("plimsoll-junit.xml"));
        assertThat(Files.readString(reports.resolve("plimsoll-report.json")))
                .contains("\"tool\" : \"jmeter\"")
                .contains("listener-test");
        assertThat(Files.readString(reports.resolve("plimsoll-junit.xml"))).contains("error_rate&lt;1%");
    }

    /** Counts equal exactly; durations are the same samples, so their distributions are equal too. */
    static void assertSameRun(LoadRun recorded, LoadRun read) {
        RunTimeline a = recorded.timeline();
        RunTimeline b = read.timeline();
        assertThat(recorded.totals()).isEqualTo(read.totals());
        assertThat(a.window()).isEqualTo(b.window());
        assertThat(a.rps().values()).containsExactly(b.rps().values());
        assertThat(a.http().failed().values()).containsExactly(b.http().failed().values());
        assertThat(counts(a.byName())).isEqualTo(counts(b.byName()));
        assertThat(counts(a.byStatus())).isEqualTo(counts(b.byStatus()));
        assertThat(counts(a.byErrorCode())).isEqualTo(counts(b.byErrorCode()));
        for (String trend :
                new String[] {LoadMetrics.REQUEST_DURATION, LoadMetrics.TIME_TO_FIRST_BYTE, LoadMetrics.CONNECT_TIME}) {
            Distribution x = a.http().distribution(trend);
            Distribution y = b.http().distribution(trend);
            assertThat(x.count()).as(trend).isEqualTo(y.count());
            assertThat(x.sum()).as(trend).isEqualTo(y.sum());
            assertThat(x.max()).as(trend).isEqualTo(y.max());
            for (double p : new double[] {50, 90, 95, 99}) {
                assertThat(x.percentile(p)).as(trend + " p" + p).isEqualTo(y.percentile(p));
            }
        }
        assertThat(a.metric(LoadMetrics.GROUP_DURATION).map(m -> m.count()))
                .isEqualTo(b.metric(LoadMetrics.GROUP_DURATION).map(m -> m.count()));
        assertThat(a.vus().max()).isEqualTo(b.vus().max());
    }

    private static SortedMap<String, String> counts(SortedMap<String, HttpTimeline> slices) {
        SortedMap<String, String> out = new TreeMap<>();
        slices.forEach((k, h) -> out.put(k, h.totalRequests() + " requests, " + h.totalFailed() + " failed"));
        return out;
    }

    @Test
    void setupWithMistakesShouldFailBeforeTheLoadListingEveryProblem() {
        Arguments args = new PlimsollBackendListener().getDefaultParameters();
        args.removeArgument(PlimsollBackendListener.GATES);
        args.addArgument(PlimsollBackendListener.GATES, "client_p95<500ms;client_p97<1s");
        args.removeArgument(PlimsollBackendListener.FORMATS);
        args.addArgument(PlimsollBackendListener.FORMATS, "html,pdf");
        args.removeArgument(PlimsollBackendListener.SOURCES);
        args.addArgument(PlimsollBackendListener.SOURCES, "prometheus");
        args.addArgument("reportdir", "target/x");
        args.removeArgument(PlimsollBackendListener.BUCKET);
        args.addArgument(PlimsollBackendListener.BUCKET, "soon");

        assertThatThrownBy(() -> new PlimsollBackendListener().setupTest(new BackendListenerContext(args)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("client_p97")
                .hasMessageContaining("'pdf'")
                .hasMessageContaining("no source of type 'prometheus'")
                .hasMessageContaining("unknown key 'reportdir'")
                .hasMessageContaining("did you mean 'reportDir'")
                .hasMessageContaining("bucket must be a duration such as 500ms");
    }

    static BackendListener listener(Map<String, String> values) {
        Arguments args = new PlimsollBackendListener().getDefaultParameters();
        values.forEach((k, v) -> {
            args.removeArgument(k);
            args.addArgument(k, v);
        });
        BackendListener l = new BackendListener();
        l.setName("plimsoll");
        l.setClassname(PlimsollBackendListener.class.getName());
        l.setArguments(args);
        l.setQueueSize("5000");
        return l;
    }

    static ResultCollector csvCollector(Path file) {
        SampleSaveConfiguration c =
                (SampleSaveConfiguration) SampleSaveConfiguration.staticConfig().clone();
        c.setAsXml(false);
        c.setFieldNames(true);
        ResultCollector rc = new ResultCollector();
        rc.setName("jtl");
        rc.setFilename(file.toString());
        rc.setSaveConfig(c);
        return rc;
    }

    private static ThreadGroup threadGroup(String name, int threads, int rampUp, int loops) {
        ThreadGroup tg = new ThreadGroup();
        tg.setName(name);
        tg.setNumThreads(threads);
        tg.setRampUp(rampUp);
        LoopController loop = new LoopController();
        loop.setLoops(loops);
        loop.setFirst(true);
        loop.initialize();
        tg.setSamplerController(loop);
        return tg;
    }

    private static HTTPSamplerProxy http(String name, int port, String method, String path) {
        HTTPSamplerProxy s = new HTTPSamplerProxy();
        s.setName(name);
        s.setProtocol("http");
        s.setDomain("127.0.0.1");
        s.setPort(port);
        s.setMethod(method);
        s.setPath(path);
        s.setFollowRedirects(true);
        s.setUseKeepAlive(true);
        s.setConnectTimeout("1000");
        s.setResponseTimeout("1000");
        if (method.equals("POST")) {
            s.setPostBodyRaw(true);
            s.addNonEncodedArgument("", "{\"sku\":42}", "");
        }
        return s;
    }

    private static TransactionController transaction(String name, boolean parent) {
        TransactionController t = new TransactionController();
        t.setName(name);
        t.setGenerateParentSample(parent);
        t.setIncludeTimers(false);
        return t;
    }
}
