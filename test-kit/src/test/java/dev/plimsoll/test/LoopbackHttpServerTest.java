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
package dev.plimsoll.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoopbackHttpServerTest {
    static final String BODY = "{\"answer\":\"" + "x".repeat(1000) + "\"}";
    static final String GET = BODY.replace("answer", "GET");

    final LoopbackHttpServer server = LoopbackHttpServer.start(
            r -> LoopbackHttpServer.Response.of(200, "application/json", BODY.replace("answer", r.method())));
    final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void stop() {
        server.close();
    }

    HttpResponse<String> get() throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(server.uri().resolve("/x?a=1%202"))
                        .timeout(Duration.ofMillis(500))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRequestWhenNoFaultIsQueuedShouldGetTheHandlersAnswerAndBeRecorded() throws Exception {
        HttpResponse<String> r = get();

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(GET);
        assertThat(server.handlerErrors()).isEmpty();
        assertThat(server.requests()).singleElement().satisfies(q -> {
            assertThat(q.path()).isEqualTo("/x");
            assertThat(q.queryParameter("a")).isEqualTo("1 2");
        });
    }

    @Test
    void aChunkedBodyOnAKeptAliveConnectionShouldBeReadWhole() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.uri().getPort())) {
            OutputStream out = s.getOutputStream();
            String chunked = "POST /p HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n";
            out.write((chunked + "GET /q HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String answers = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

            assertThat(answers).contains(BODY.replace("answer", "POST")).contains(BODY.replace("answer", "GET"));
        }
        assertThat(server.requests())
                .extracting(LoopbackHttpServer.Request::bodyText)
                .containsExactly("hello world", "");
    }

    @Test
    void faultsShouldApplyOnePerRequestInOrder() throws Exception {
        server.inject(Fault.TRUNCATED_BODY, Fault.NONE);

        HttpResponse<String> cut = get();
        HttpResponse<String> whole = get();

        assertThat(cut.body()).isEqualTo(GET.substring(0, GET.length() / 2));
        assertThat(whole.body()).isEqualTo(GET);
        assertThat(server.pendingFaults()).isZero();
    }

    @Test
    void aResetMidBodyShouldBreakTheResponseAfterItsHeaders() throws Exception {
        server.inject(Fault.RESET_MID_BODY);
        try (Socket s = new Socket("127.0.0.1", server.uri().getPort())) {
            s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = s.getInputStream();
            byte[] buffer = new byte[8192];
            StringBuilder got = new StringBuilder();
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    got.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                }
            } catch (IOException reset) {
                assertThat(reset).hasMessageContaining("reset");
            }
            assertThat(got.toString())
                    .startsWith("HTTP/1.1 200 OK")
                    .contains("Content-Length: " + GET.length())
                    .contains(GET.substring(0, GET.length() / 2))
                    .doesNotContain(GET);
        }
    }

    @Test
    void aSlowAnswerShouldComeAfterTheClientsTimeout() {
        server.slowDelay(Duration.ofSeconds(2)).inject(Fault.SLOW);

        assertThatThrownBy(this::get).isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void aProtocolFaultWithoutAnAnswerFromTheFakeShouldBeAHandlerError() throws Exception {
        server.inject(Fault.THROTTLED);

        assertThat(get().statusCode()).isEqualTo(500);
        assertThat(server.handlerErrors()).singleElement().asString().contains("does not answer THROTTLED");
    }

    @Test
    void theRefusingUriShouldRefuseConnections() {
        assertThatThrownBy(() ->
                        new Socket("127.0.0.1", LoopbackHttpServer.refusingUri().getPort()).close())
                .isInstanceOf(ConnectException.class);
    }
}
