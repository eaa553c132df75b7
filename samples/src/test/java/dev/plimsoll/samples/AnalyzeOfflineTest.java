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
package dev.plimsoll.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.finding.LatencyTier;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AnalyzeOfflineTest {
    @Test
    void theRecordedClientBoundRunShouldBlameTheGenerator() throws URISyntaxException {
        Path dir =
                Path.of(AnalyzeOfflineTest.class.getResource("/S4_client_bound").toURI());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        var result = AnalyzeOffline.analyze(dir, new PrintStream(bytes, true, StandardCharsets.UTF_8))
                .result();

        assertThat(result.bottleneck()).isEqualTo(LatencyTier.LOAD_GENERATOR);
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("bottleneck: load_generator")
                .contains("load_generator_saturation: the load generator dropped 5512 iterations");
    }
}
