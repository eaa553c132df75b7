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
import dev.plimsoll.micrometer.PlimsollMeterBinder;
import dev.plimsoll.report.Report;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sample 3: the latest analysis's findings on a Prometheus scrape endpoint ({@code GET /metrics}) for dashboards
 * beside the infrastructure; publish a new analysis with {@link #publish(Report)}.
 */
public final class FindingsEndpoint implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicReference<Report> latest = new AtomicReference<>();
    private final PlimsollMeterBinder binder;
    private final HttpServer server;

    public FindingsEndpoint(String run, int port) throws IOException {
        binder = PlimsollMeterBinder.of(latest::get, run);
        binder.bindTo(registry);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/metrics", ex -> {
            byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void publish(Report report) {
        latest.set(report);
        binder.refresh();
    }

    @Override
    public void close() {
        server.stop(0);
        registry.close();
    }
}
