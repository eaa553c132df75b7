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
package dev.plimsoll.datadog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.source.MetricSourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A damaged recording is refused naming the file and the field (issue #11); the robustness module runs more. */
class DatadogRecordingHostileTest {
    @TempDir
    Path dir;

    private Path copy() throws IOException {
        Path rec = Files.createDirectories(dir.resolve("datadog"));
        try (Stream<Path> files = Files.list(DatadogLiveTest.resource("S1_backend_scaling"))) {
            for (Path f : files.toList()) {
                Files.copy(f, rec.resolve(f.getFileName()));
            }
        }
        return rec;
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "{}"})
    void anEmptyIndexShouldBeRefusedNotDropEveryRecording(String index) throws IOException {
        Path rec = copy();
        Files.writeString(rec.resolve("requests.json"), index);

        assertThatThrownBy(() -> DatadogRecording.open(rec))
                .isInstanceOf(MetricSourceException.class)
                .hasMessageContaining("requests.json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../../../etc/passwd", "/etc/passwd", ".."})
    void anIndexEntryShouldNotReachOutsideTheFolder(String file) throws IOException {
        Path rec = copy();
        String index = Files.readString(rec.resolve("requests.json"));
        Files.writeString(
                rec.resolve("requests.json"),
                index.replaceFirst("\"v1_kubernetes_cpu_usage_total_avg.json\"", "\"" + file + "\""));

        assertThatThrownBy(() -> DatadogRecording.open(rec))
                .isInstanceOf(MetricSourceException.class)
                .hasMessageContaining("entry 0: file must name a file of the recording folder");
    }

    @Test
    void aRecordedErrorShouldBeReportedNotDropped() throws IOException {
        Path rec = copy();
        Path f = rec.resolve("v1_kubernetes_cpu_usage_total_avg.json");
        Files.writeString(
                f,
                Files.readString(f)
                        .replace("\"status\": \"ok\"", "\"status\": \"error\", \"error\": \"Rate limited\""));

        assertThatThrownBy(() -> DatadogRecording.open(rec))
                .isInstanceOf(MetricSourceException.class)
                .hasMessageContaining("v1_kubernetes_cpu_usage_total_avg.json")
                .hasMessageContaining("the recorded query failed: Rate limited");
    }

    @Test
    void aResponseCutShortShouldSayWhereInOurWords() throws IOException {
        Path rec = copy();
        Path file = rec.resolve("v1_kubernetes_state_node_count_sum.json");
        String text = Files.readString(file);
        int open = text.indexOf("\"pointlist\": [") + "\"pointlist\": ".length();
        Files.writeString(file, text.substring(0, text.indexOf("], ", open) + 3));

        assertThatThrownBy(() -> DatadogRecording.open(rec))
                .isInstanceOf(MetricSourceException.class)
                .hasMessageContaining("v1_kubernetes_state_node_count_sum.json:1:")
                .hasMessageEndingWith(" is not valid JSON: the JSON ends before the array opened at line 1, column "
                        + (open + 1) + " is closed (is the file cut short?)")
                .hasMessageNotContaining("Source");
    }

    @Test
    void anEmptyResponseShouldBeRefusedNamingIt() throws IOException {
        Path rec = copy();
        Files.writeString(rec.resolve("v1_kubernetes_state_node_count_sum.json"), "");

        assertThatThrownBy(() -> DatadogRecording.open(rec))
                .isInstanceOf(MetricSourceException.class)
                .hasMessageContaining("v1_kubernetes_state_node_count_sum.json is empty");
    }

    @Test
    void theUndamagedRecordingShouldStillOpen() throws IOException {
        assertThat(DatadogRecording.open(copy()).defaultQueries()).isNotEmpty();
    }
}
