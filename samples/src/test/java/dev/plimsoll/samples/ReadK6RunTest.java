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

import dev.plimsoll.ingest.k6.K6Reader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReadK6RunTest {
    @Test
    void sampleShouldPrintTotalsPhasesAndTheBusiestSecond() throws URISyntaxException {
        Path smoke = Path.of(ReadK6RunTest.class.getResource("/smoke.json.gz").toURI());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        ReadK6Run.print(K6Reader.create().read(smoke), new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String out = bytes.toString(StandardCharsets.UTF_8);
        // k6's summary of this run: 958 requests, http_req_failed 4.80 %
        assertThat(out)
                .startsWith("958 requests, 4.80% failed")
                .contains("steady    p95")
                .contains("busiest second");
    }
}
