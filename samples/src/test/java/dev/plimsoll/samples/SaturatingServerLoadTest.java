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

import com.sun.net.httpserver.HttpServer;
import dev.plimsoll.junit.LoadTest;
import dev.plimsoll.junit.LoadTestRecorder;
import io.micrometer.core.instrument.Timer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sample 2: a JUnit load test wrapped by {@code @LoadTest}. An in-JVM load (1 → 4 → 12 virtual users) against a local
 * server whose worker pool (3 threads, 15 ms per request) saturates; Plimsoll analyses it after the test, writes
 * {@code target/plimsoll/<class>/<method>.html} and checks the gates. With cloud sources configured
 * ({@code sources}, and {@code properties} such as {@code cloudwatch.replay=…} offline) the same test reports scaling
 * and tiers too.
 */
@LoadTest(gates = {"client_p95<2s", "error_rate<1%", "findings.error_burst==0"})
class SaturatingServerLoadTest {
    private HttpServer server;
    private ExecutorService workers;

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        workers = Executors.newFixedThreadPool(3);
        server.setExecutor(workers);
        server.createContext("/api/orders", ex -> {
            try {
                Thread.sleep(15);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] b = "{\"id\":1}".getBytes();
            ex.sendResponseHeaders(201, b.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(b);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        workers.shutdownNow();
    }

    @Test
    void ordersUnderRisingLoad(LoadTestRecorder recorder) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/orders");
        for (int vus : new int[] {1, 4, 12}) {
            recorder.phase(vus + " VUs");
            recorder.registry().vus(vus);
            ExecutorService load = Executors.newFixedThreadPool(vus);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            for (int v = 0; v < vus; v++) {
                load.submit(() -> {
                    while (System.nanoTime() < end) {
                        Timer.Sample s = Timer.start(recorder.registry());
                        HttpResponse<String> r = client.send(
                                HttpRequest.newBuilder(uri)
                                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        s.stop(recorder.registry()
                                .timer(
                                        "http.client.requests",
                                        "uri",
                                        "/api/orders",
                                        "status",
                                        String.valueOf(r.statusCode())));
                    }
                    return null;
                });
            }
            load.shutdown();
            load.awaitTermination(30, TimeUnit.SECONDS);
        }
    }
}
