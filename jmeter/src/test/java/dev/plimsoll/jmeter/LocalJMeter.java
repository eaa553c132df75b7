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
package dev.plimsoll.jmeter;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.JarURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.apache.jmeter.engine.StandardJMeterEngine;
import org.apache.jmeter.util.JMeterUtils;
import org.apache.jorphan.collections.HashTree;

/**
 * Real JMeter 5.6.3 in this JVM (its home's {@code bin/} files from ApacheJMeter_config) and a real HTTP server on
 * 127.0.0.1 for it to load: {@code /api/products} and {@code /api/products/{id}} 200, {@code /api/search} 500 every 5th, {@code /api/missing} 404,
 * {@code /api/old} 302 to {@code /api/products}, {@code /api/slow} answers after 1.5 s (the plans time out at 1 s),
 * {@code POST /api/cart} and {@code POST /api/orders} 201.
 */
final class LocalJMeter {
    private static Path home;

    private LocalJMeter() {}

    /** Initialises JMeter once per JVM. */
    static synchronized Path init() throws IOException {
        if (home == null) {
            home = extractHome();
            JMeterUtils.setJMeterHome(home.toString());
            JMeterUtils.loadJMeterProperties(
                    home.resolve("bin/jmeter.properties").toString());
            JMeterUtils.setLocale(Locale.ROOT);
            JMeterUtils.initLocale();
        }
        return home;
    }

    /** Runs a plan to its end in this thread. */
    static void run(HashTree plan) {
        StandardJMeterEngine engine = new StandardJMeterEngine();
        engine.configure(plan);
        engine.run();
    }

    /** A port of 127.0.0.1 on which nothing listens. */
    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static Path extractHome() throws IOException {
        Path dir = Files.createTempDirectory("jmeter-home");
        URL url = LocalJMeter.class.getClassLoader().getResource("bin/jmeter.properties");
        if (url == null) {
            throw new IllegalStateException("ApacheJMeter_config is not on the test class path");
        }
        JarURLConnection conn = (JarURLConnection) url.openConnection();
        conn.setUseCaches(false);
        try (JarFile jar = conn.getJarFile()) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                if (!e.getName().startsWith("bin/") || e.isDirectory()) {
                    continue;
                }
                Path target = dir.resolve(e.getName());
                Files.createDirectories(target.getParent());
                try (InputStream in = jar.getInputStream(e)) {
                    Files.copy(in, target);
                }
            }
        }
        return dir;
    }

    /** The HTTP server. */
    static final class Server implements AutoCloseable {
        private final HttpServer server;
        private final ExecutorService pool;
        private final AtomicLong searches = new AtomicLong();

        Server() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
            pool = Executors.newFixedThreadPool(32);
            server.setExecutor(pool);
            server.createContext("/", this::handle);
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        private void handle(HttpExchange ex) throws IOException {
            try (ex) {
                try (InputStream in = ex.getRequestBody()) {
                    in.readAllBytes();
                }
                String path = ex.getRequestURI().getPath();
                switch (path.startsWith("/api/products/") ? "/api/products/{id}" : path) {
                    case "/api/products" -> respond(ex, 200, "{\"products\":[1,2,3]}", 5);
                    case "/api/products/{id}" -> respond(ex, 200, "{\"id\":1}", 3);
                    case "/api/cart" -> respond(ex, 201, "{\"items\":1}", 4);
                    case "/api/search" -> {
                        boolean fail = searches.incrementAndGet() % 5 == 0;
                        respond(ex, fail ? 500 : 200, fail ? "{\"error\":\"boom\"}" : "{\"hits\":7}", 8);
                    }
                    case "/api/old" -> {
                        ex.getResponseHeaders().add("Location", "/api/products");
                        respond(ex, 302, "", 0);
                    }
                    case "/api/slow" -> respond(ex, 200, "{\"late\":true}", 1500);
                    case "/api/orders" -> respond(ex, 201, "{\"id\":1}", 10);
                    default -> respond(ex, 404, "{\"error\":\"not found\"}", 1);
                }
            }
        }

        private static void respond(HttpExchange ex, int status, String body, long delayMillis) throws IOException {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            try {
                ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
                if (b.length > 0) {
                    try (OutputStream out = ex.getResponseBody()) {
                        out.write(b);
                    }
                }
            } catch (IOException clientGone) {
                // the client timed out and closed the connection
            }
        }

        @Override
        public void close() {
            server.stop(0);
            pool.shutdownNow();
        }
    }
}
