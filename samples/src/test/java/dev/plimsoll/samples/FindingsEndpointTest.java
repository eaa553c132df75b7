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

import dev.plimsoll.gate.Gate;
import dev.plimsoll.report.Report;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FindingsEndpointTest {
    @Test
    void aScrapeShouldShowTheFindingsOfTheLatestAnalysis() throws Exception {
        Path dir = Path.of(
                FindingsEndpointTest.class.getResource("/S4_client_bound").toURI());
        var result = AnalyzeOffline.analyze(dir, new PrintStream(OutputStream.nullOutputStream()))
                .result();
        try (FindingsEndpoint endpoint = new FindingsEndpoint("checkout", 0)) {
            endpoint.publish(new Report(
                    "S4",
                    result,
                    List.of(Gate.parse("bottleneck!=load_generator").evaluate(result)),
                    Optional.empty()));

            HttpResponse<String> scrape = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.body())
                    .contains(
                            "plimsoll_findings{kind=\"load_generator_saturation\",run=\"checkout\",severity=\"high\"} 1.0")
                    .contains("plimsoll_gate{gate=\"bottleneck!=load_generator\",run=\"checkout\"} 0.0");
        }
    }
}
