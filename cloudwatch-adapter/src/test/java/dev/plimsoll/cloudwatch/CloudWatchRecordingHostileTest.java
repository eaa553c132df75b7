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
package dev.plimsoll.cloudwatch;

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
class CloudWatchRecordingHostileTest {
    @TempDir
    Path dir;

    /** S1's recording with one replacement made in one of its files. */
    private Path damaged(String file, String from, String to) throws IOException {
        Path source = CloudWatchLiveTest.resource("S1_backend_scaling");
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        String text = Files.readString(dir.resolve(file));
        assertThat(text).contains(from);
        Files.writeString(dir.resolve(file), text.replaceFirst(java.util.regex.Pattern.quote(from), to));
        return dir;
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"42\"", "true", "{}", "null", "1e309"})
    void aValueOfAnotherTypeShouldBeRefusedNotReadAsZero(String value) throws IOException {
        Path rec = damaged("get-metric-data.json", "54.04172500000001", value);

        assertThatThrownBy(() -> CloudWatchRecording.open(rec))
                .isInstanceOf(MetricSourceException.class)
                .hasMessageContaining(
                        "get-metric-data.json: MetricDataResults[node_cpu].Values[0] must be a finite" + " number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-60", "60.5", "\"60\""})
    void aPeriodThatIsNoWholePositiveNumberShouldBeRefusedNamingTheRequest(String period) throws IOException {
        Path rec = damaged("request.json", "\"Period\": 60", "\"Period\": " + period);

        assertThatThrownBy(() -> CloudWatchRecording.open(rec))
                .isInstanceOf(MetricSourceException.class)
                .hasMessageContaining("request.json: query node_cpu: Period must be a whole number of seconds");
    }

    @Test
    void aResponseCutShortShouldSayWhereInOurWords() throws IOException {
        Path rec = damaged("get-metric-data.json", "{", "{");
        Path file = rec.resolve("get-metric-data.json");
        String text = Files.readString(file);
        int open = text.indexOf("\"Values\": [") + "\"Values\": ".length();
        int line = (int) text.substring(0, open).chars().filter(c -> c == '\n').count() + 1;
        int column = open - text.lastIndexOf('\n', open);
        Files.writeString(file, text.substring(0, text.indexOf(',', open) + 1));

        assertThatThrownBy(() -> CloudWatchRecording.open(rec))
                .isInstanceOf(MetricSourceException.class)
                .hasMessageContaining("get-metric-data.json:")
                .hasMessageEndingWith(" is not valid JSON: the JSON ends before the array opened at line " + line
                        + ", column " + column + " is closed (is the file cut short?)")
                .hasMessageNotContaining("Source")
                .hasMessageNotContaining("StreamReadFeature");
    }

    @Test
    void anEmptyResponseShouldBeRefusedNamingIt() throws IOException {
        Path rec = damaged("get-metric-data.json", "{", "");
        Files.writeString(rec.resolve("get-metric-data.json"), "");

        assertThatThrownBy(() -> CloudWatchRecording.open(rec))
                .isInstanceOf(MetricSourceException.class)
                .hasMessageContaining("get-metric-data.json is empty");
    }
}
