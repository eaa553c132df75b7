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
package dev.plimsoll.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.plimsoll.run.K6Metrics;
import dev.plimsoll.run.LoadRun;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoadCaptureRegistryTest {
    @Test
    void recordingsTheRunRefusesShouldBeCountedNotThrownAtTheLoadTest() {
        MockClock clock = new MockClock();
        clock.add(Duration.ofSeconds(1_795_669_200L));
        LoadCaptureRegistry registry = LoadCaptureRegistry.create(
                clock, Duration.ofSeconds(1), LoadCaptureRegistry.DEFAULT_REQUEST_TIMER, "uri");
        registry.timer("http.client.requests", "uri", "/a", "status", "200").record(Duration.ofMillis(5));

        registry.counter("iterations").increment(Double.NaN); // a meter never throws at its caller
        registry.counter("iterations").increment(-1);
        registry.counter("iterations").increment();

        LoadRun run = registry.toLoadRun("refused");
        assertThat(run.totals().iterations()).isEqualTo(1);
        assertThat(run.totals().requests()).isEqualTo(1);
        assertThat(run.ingest().skippedLines()).isEqualTo(2);
        assertThat(run.ingest().warnings()).hasSize(2).allMatch(w -> w.startsWith("iterations skipped: "));
    }

    @Test
    void timerRecordingsShouldBecomeRequestsInTheirBuckets() {
        MockClock clock = new MockClock();
        clock.add(Duration.ofSeconds(1_795_669_200L));
        LoadCaptureRegistry registry = LoadCaptureRegistry.create(
                clock, Duration.ofSeconds(1), LoadCaptureRegistry.DEFAULT_REQUEST_TIMER, "uri");

        registry.vus(2);
        registry.timer("http.client.requests", "uri", "/api/orders", "status", "201")
                .record(Duration.ofMillis(40));
        registry.timer("http.client.requests", "uri", "/api/orders", "status", "503")
                .record(Duration.ofMillis(900));
        clock.add(Duration.ofSeconds(1));
        registry.timer("http.client.requests", "uri", "/api/cart", "status", "200", "exception", "none")
                .record(Duration.ofMillis(20));
        registry.counter("iterations").increment();
        registry.timer("checkout.flow").record(Duration.ofMillis(1200));
        LoadRun run = registry.toLoadRun("in-jvm");

        assertThat(run.totals().requests()).isEqualTo(3);
        assertThat(run.totals().failedRequests()).isEqualTo(1);
        assertThat(run.totals().iterations()).isEqualTo(1);
        assertThat(run.timeline().rps().values()).containsExactly(2, 1);
        assertThat(run.timeline()
                        .byName()
                        .get("/api/orders")
                        .distribution(K6Metrics.HTTP_REQ_DURATION)
                        .max())
                .isEqualTo(900);
        assertThat(run.timeline().byStatus()).containsKeys("200", "201", "503");
        assertThat(run.timeline()
                        .metric("checkout_flow")
                        .orElseThrow()
                        .distribution()
                        .max())
                .isEqualTo(1200);
        assertThat(run.totals().vusMax()).isEqualTo(2);
        // the registry is a normal Micrometer registry too
        assertThat(registry.get("http.client.requests")
                        .tag("uri", "/api/orders")
                        .timers())
                .hasSize(2);
        // and a built run does not change when recording goes on
        registry.timer("http.client.requests", "uri", "/api/cart", "status", "200")
                .record(Duration.ofMillis(5));
        assertThat(run.totals().requests()).isEqualTo(3);
        assertThat(registry.toLoadRun("again").totals().requests()).isEqualTo(4);
    }

    @Test
    void anInJvmLoadAgainstASaturatingServerShouldShowLatencyGrowingWithConcurrency() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService workers = Executors.newFixedThreadPool(2); // the server's capacity: 2 requests at a time
        server.setExecutor(workers);
        server.createContext("/work", ex -> {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] b = "ok".getBytes();
            ex.sendResponseHeaders(200, b.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(b);
            }
        });
        server.start();
        LoadCaptureRegistry registry = LoadCaptureRegistry.create();
        HttpClient client = HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/work");
        AtomicInteger sent = new AtomicInteger();
        try {
            for (int vus : new int[] {1, 8}) {
                registry.vus(vus);
                ExecutorService load = Executors.newFixedThreadPool(vus);
                for (int v = 0; v < vus; v++) {
                    load.submit(() -> {
                        for (int i = 0; i < 15; i++) {
                            Timer.Sample s = Timer.start(registry);
                            HttpResponse<String> r = client.send(
                                    HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
                            s.stop(registry.timer(
                                    "http.client.requests", "uri", "/work", "status", String.valueOf(r.statusCode())));
                            sent.incrementAndGet();
                        }
                        return null;
                    });
                }
                load.shutdown();
                assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            server.stop(0);
            workers.shutdownNow();
        }

        LoadRun run = registry.toLoadRun("saturating");
        var d = run.timeline().http().distribution(K6Metrics.HTTP_REQ_DURATION);

        assertThat(run.totals().requests()).isEqualTo(sent.get()).isEqualTo(15 + 8 * 15);
        assertThat(run.totals().failedRequests()).isZero();
        // 1 VU: ~20 ms; 8 VUs on 2 workers queue: ~4 × 20 ms
        assertThat(d.percentile(95)).isGreaterThan(60);
        assertThat(d.min()).isGreaterThanOrEqualTo(20);
        assertThat(run.totals().vusMax()).isEqualTo(8);
    }
}
