package com.example.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.junit.LoadTest;
import dev.plimsoll.junit.LoadTestRecorder;
import dev.plimsoll.micrometer.PlimsollMeterBinder;
import dev.plimsoll.report.Report;
import dev.plimsoll.report.Verdict;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a team writes: a JUnit load test over a replayed recording, a main, and the binder on Prometheus. */
@LoadTest(
        sources = {"cloudwatch", "datadog"},
        maxNodes = 5,
        gates = {"scaling_lag<=150s", "bottleneck==backend"},
        reportDir = "target/plimsoll")
class CheckoutLoadTest {
    private static Path k6() {
        return Path.of(System.getProperty("k6.results"));
    }

    @Test
    void stress(LoadTestRecorder recorder) {
        recorder.attach(k6()); // the replay folders come from -Dcloudwatch.replay / -Ddatadog.replay
    }

    @Test
    void mainShouldAnalyseAndWriteEveryReport(@TempDir Path out) {
        Report r = AnalyzeRecordedRun.analyze(
                k6(),
                Path.of(System.getProperty("cloudwatch.replay")),
                Path.of(System.getProperty("datadog.replay")),
                out);

        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
        assertThat(out.resolve("plimsoll-report.html")).exists();
        assertThat(out.resolve("plimsoll-junit.xml")).exists();
    }

    @Test
    void theBinderShouldPublishToPrometheus(@TempDir Path out) {
        Report r = AnalyzeRecordedRun.analyze(
                k6(),
                Path.of(System.getProperty("cloudwatch.replay")),
                Path.of(System.getProperty("datadog.replay")),
                out);
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

        // the supplier is read at each refresh; "checkout" becomes the run tag of every meter
        PlimsollMeterBinder.of(() -> r, "checkout").bindTo(prometheus);

        assertThat(prometheus.scrape()).contains("plimsoll_scaling_lag_seconds{episode=\"1\",run=\"checkout\"}");
    }

    @Test
    void theExtensionShouldHaveWrittenItsReports() throws Exception {
        Path dir = Path.of("target/plimsoll", CheckoutLoadTest.class.getName());
        if (Files.exists(dir.resolve("stress.json"))) { // test order is not fixed: check when stress ran first
            assertThat(Files.readString(dir.resolve("stress.json"))).contains("\"verdict\" : \"pass\"");
        }
    }
}
