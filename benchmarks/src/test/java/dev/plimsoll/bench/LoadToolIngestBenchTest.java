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
package dev.plimsoll.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.ingest.LoadRuns;
import dev.plimsoll.run.HttpTimeline;
import dev.plimsoll.run.LoadMetrics;
import dev.plimsoll.run.LoadRun;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The benchmark's files are the real runs' records k times over: read back, they are k times the real run. */
class LoadToolIngestBenchTest {
    @ParameterizedTest
    @ValueSource(strings = {"results.csv.gz", "simulation-3.13.5.log.gz", "simulation-3.11.5.log.gz"})
    void replicatedFileShouldReadAsTheSourceRunKTimesOver(String name, @TempDir Path dir) throws Exception {
        Path source = Path.of(
                LoadToolIngestBenchTest.class.getResource("/loadtools/" + name).toURI());
        LoadRun real = LoadRuns.read(source);
        long k = 3;
        Path out = dir.resolve(name.startsWith("results") ? "x.jtl" : "simulation.log");

        if (name.startsWith("results")) {
            LoadToolIngestBench.replicateJtl(out, k * real.totals().requests(), source);
        } else {
            LoadToolIngestBench.replicateGatling(out, k * real.totals().requests(), source);
        }
        LoadRun copy = LoadRuns.read(out);

        assertThat(LoadRuns.detect(out)).isEqualTo(LoadRuns.detect(source));
        assertThat(copy.ingest().warnings()).isEmpty();
        assertThat(copy.totals().requests()).isEqualTo(k * real.totals().requests());
        assertThat(copy.totals().failedRequests()).isEqualTo(k * real.totals().failedRequests());
        assertThat(counts(copy)).isEqualTo(times(counts(real), k));
        var a = copy.timeline().http().distribution(LoadMetrics.REQUEST_DURATION);
        var b = real.timeline().http().distribution(LoadMetrics.REQUEST_DURATION);
        assertThat(a.sum()).isEqualTo(k * b.sum());
        assertThat(a.percentile(95)).isEqualTo(b.percentile(95));
        // the same run, k times the load: its window grows by the copies' k − 1 ms at most
        assertThat(copy.window().start()).isEqualTo(real.window().start());
    }

    private static Map<String, Long> counts(LoadRun run) {
        Map<String, Long> m = new TreeMap<>();
        for (Map.Entry<String, HttpTimeline> e : run.timeline().byName().entrySet()) {
            m.put(e.getKey(), e.getValue().totalRequests());
        }
        return m;
    }

    private static Map<String, Long> times(Map<String, Long> m, long k) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((key, v) -> out.put(key, v * k));
        return out;
    }
}
