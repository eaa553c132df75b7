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
package dev.plimsoll.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.plimsoll.LoadTestAnalysis;
import dev.plimsoll.analysis.AnalysisConfig;
import dev.plimsoll.analysis.AnalysisResult;
import dev.plimsoll.finding.Finding;
import dev.plimsoll.finding.FindingKind;
import dev.plimsoll.finding.LatencyTier;
import dev.plimsoll.ingest.LoadRuns;
import dev.plimsoll.run.Distribution;
import dev.plimsoll.run.HttpTimeline;
import dev.plimsoll.run.LoadMetrics;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.run.PercentileDefinition;
import dev.plimsoll.series.TimeSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scenario S1 from a JMeter run and a Gatling run instead of k6, over the same CloudWatch and Datadog recordings.
 *
 * <p>The runs were made by the real tools (JMeter 5.6.3, Gatling 3.13.5; {@code tools/loadtool-fixtures/generate.sh
 * s1}) against a local server whose latency, per second and request name, follows the median and p95 of the k6 run's
 * {@code http_req_duration}, with the k6 run's VUs per second (JMeter: one thread group per VU slot; Gatling: a closed
 * model), request mix and pauses. They ran later than k6 did, on another day: their timelines are laid over the
 * cloud's by shifting them so that their first request falls in the second of the k6 run's first request (one shift
 * per file, computed from the two files here, whole seconds: the k6 CSV holds whole seconds). The cloud clock's skew is
 * then estimated as for any run, from the same traffic seen by the client and the load balancer, and must come out
 * near the truth's 0 s: an independent check of the alignment.
 */
class LoadToolReplayTest {
    private static final String S1 = "S1_backend_scaling";

    /** The tool's run, shifted onto the k6 run's timeline. */
    private static LoadRun aligned(String file) {
        Path path = Scenario.resource("scenarios/" + S1 + "/" + file);
        Instant k6 = firstRequest(Scenario.load(S1).run());
        Instant tool = firstRequest(LoadRuns.read(path));
        return LoadRuns.reader().timeShift(Duration.between(tool, k6)).build().readFiles(path);
    }

    /** Start of the first bucket with a request. */
    static Instant firstRequest(LoadRun run) {
        TimeSeries rps = run.timeline().rps();
        for (int i = 0; i < rps.size(); i++) {
            if (rps.valueAt(i) > 0) {
                return Instant.ofEpochMilli(rps.epochMilliAt(i));
            }
        }
        throw new IllegalStateException(run.id() + " has no requests");
    }

    private static AnalysisResult analyze(LoadRun run, boolean withDatadog) {
        Scenario s = Scenario.load(S1);
        LoadTestAnalysis a = LoadTestAnalysis.of(run)
                .config(AnalysisConfig.defaults().toBuilder()
                        .maxNodes(s.maxNodes())
                        .build())
                .sources(s.cloudwatch());
        if (withDatadog) {
            a.sources(s.datadog());
        }
        return a.analyze().result();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jmeter/results.jtl.gz", "gatling/simulation.log.gz"})
    void replayOfS1ShouldReachTheK6RunsVerdict(String file) {
        Scenario s = Scenario.load(S1);
        LoadRun run = aligned(file);
        AnalysisResult k6 = s.analyze(
                true,
                AnalysisConfig.defaults().toBuilder().maxNodes(s.maxNodes()).build());
        double truthLag = s.truth()
                .path("expected")
                .path("scaling_lag_seconds")
                .path("cpu_sustained_to_first_node_ready")
                .asDouble();

        AnalysisResult withDatadog = analyze(run, true);
        AnalysisResult cloudWatchOnly = analyze(run, false);

        // the same load: within 3 % of k6's requests
        assertThat((double) run.totals().requests())
                .isCloseTo(
                        s.run().totals().requests(),
                        within(0.03 * s.run().totals().requests()));
        // the alignment checked against the cloud: the skew estimated from the traffic is the truth's 0 s
        assertThat(withDatadog.skew().isEstimated()).isTrue();
        assertThat(withDatadog.skew().seconds()).isCloseTo(0.0, within(3.0));
        // the same verdict as from k6's run, and the truth's
        assertThat(withDatadog.bottleneck()).isEqualTo(LatencyTier.BACKEND).isEqualTo(k6.bottleneck());
        assertThat(cloudWatchOnly.bottleneck()).isEqualTo(LatencyTier.BACKEND);
        // lags within the k6 acceptance test's tolerances
        assertThat(withDatadog.scalingLagSeconds()).isCloseTo(truthLag, within(30.0));
        assertThat(cloudWatchOnly.scalingLagSeconds()).isCloseTo(truthLag, within(60.0));
        Finding.ScalingLag lag = (Finding.ScalingLag)
                withDatadog.findings(FindingKind.SCALING_LAG).get(0);
        assertThat(lag.saturationStart())
                .isCloseTo(s.truthTime("cpu_above_70_sustained"), within(30, ChronoUnit.SECONDS));
        assertThat(withDatadog.findings(FindingKind.LOAD_GENERATOR_SATURATION)).isEmpty();
        assertThat(withDatadog.findings(FindingKind.ERROR_BURST)).isEmpty();
        // the client's evidence named in the tool's terms
        Finding latency = withDatadog.findings(FindingKind.LATENCY_BOTTLENECK).get(0);
        assertThat(latency.evidence())
                .anySatisfy(e ->
                        assertThat(e.series()).isEqualTo(run.tool() + ":" + LoadMetrics.REQUEST_DURATION + ".p95"));
        System.out.printf(
                "%s: %d requests (k6 %d), p95 %.1f (k6 %.1f), skew %.1f s (k6 %.1f), lag %.1f s (CloudWatch alone %.1f s; k6 %.1f s, truth %.0f s),"
                        + " %s%n",
                file,
                run.totals().requests(),
                s.run().totals().requests(),
                run.timeline().http().distribution(LoadMetrics.REQUEST_DURATION).percentile(95),
                s.run()
                        .timeline()
                        .http()
                        .distribution(LoadMetrics.REQUEST_DURATION)
                        .percentile(95),
                withDatadog.skew().seconds(),
                k6.skew().seconds(),
                withDatadog.scalingLagSeconds(),
                cloudWatchOnly.scalingLagSeconds(),
                k6.scalingLagSeconds(),
                truthLag,
                latency.reason());
    }

    @Test
    void jmeterRunsPercentilesAsJMeterWouldShouldEqualItsAggregateReport() throws IOException {
        Path dir = Scenario.resource("scenarios/" + S1 + "/jmeter");
        LoadRun run = LoadRuns.read(dir.resolve("results.jtl.gz"));
        List<String> lines = Files.readAllLines(dir.resolve("aggregate-report.csv"));

        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            HttpTimeline h = f[0].equals("TOTAL")
                    ? run.timeline().http()
                    : run.timeline().byName().get(f[0]);
            Distribution d = h.distribution(LoadMetrics.REQUEST_DURATION);
            assertThat(h.totalRequests()).as(f[0]).isEqualTo(Long.parseLong(f[1]));
            double[] q = {50, 90, 95, 99};
            for (int k = 0; k < 4; k++) {
                assertThat(d.percentile(q[k], PercentileDefinition.JMETER))
                        .as("%s p%s", f[0], q[k])
                        .isEqualTo(Double.parseDouble(f[6 + k]));
            }
        }
    }

    @Test
    void gatlingRunsPercentilesAsGatlingWouldShouldBeCloseToItsReport() throws IOException {
        Path dir = Scenario.resource("scenarios/" + S1 + "/gatling");
        Path log = dir.resolve("simulation.log.gz");
        LoadRun run = LoadRuns.read(log);
        PercentileDefinition definition = LoadRuns.detect(log).percentiles();
        String js = Files.readString(dir.resolve("stats.js"));
        Matcher m = Pattern.compile(
                        "stats: \\{\\s*\"name\": \"([^\"]*)\"(.*?)\"meanNumberOfRequestsPerSecond\"", Pattern.DOTALL)
                .matcher(js);

        assertThat(definition).isEqualTo(PercentileDefinition.GATLING);
        int compared = 0;
        while (m.find()) {
            HttpTimeline h = m.group(1).equals("All Requests")
                    ? run.timeline().http()
                    : run.timeline().byName().get(m.group(1));
            Distribution d = h.distribution(LoadMetrics.REQUEST_DURATION);
            double[] q = {50, 75, 95, 99};
            for (int k = 0; k < 4; k++) {
                Matcher pm = Pattern.compile("\"percentiles" + (k + 1) + "\": \\{\\s*\"total\": \"(\\d+)\"")
                        .matcher(m.group(2));
                assertThat(pm.find()).isTrue();
                double gatling = Double.parseDouble(pm.group(1));
                // Gatling's t-digest (3.3, compression 100) over 3 500–33 400 samples: p50–p95 within 1 ms of the
                // exact figure it estimates; at p99 its own error reaches 16 ms (5 %) here
                assertThat(d.percentile(q[k], definition))
                        .as("%s p%s", m.group(1), q[k])
                        .isCloseTo(gatling, within(q[k] < 99 ? 1.0 : 0.05 * gatling));
            }
            compared++;
        }
        assertThat(compared).isEqualTo(5); // All Requests and the four requests
    }
}
