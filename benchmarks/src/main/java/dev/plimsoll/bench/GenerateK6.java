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
package dev.plimsoll.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a k6 {@code --out json} NDJSON file of a chosen size whose lines have exactly k6 v0.49.0's shape (field
 * order, tag set, number formatting, local UTC offset), modelled on the real stress-test output in
 * {@code shared/fixtures/scenarios/S1_backend_scaling}: 85 VUs looping over products → product → cart → order
 * (every third iteration), each request followed by its 9 http metrics and a check, each iteration by
 * data_sent/data_received/iteration_duration/iterations, and vus/vus_max once a second. Seeded: the same
 * arguments give the same bytes. The test {@code GenerateK6Test} checks the shape against the real file.
 *
 * <p>Usage: {@code GenerateK6 OUT SIZE_MB [seed]}; a name ending in {@code .gz} is gzip-compressed.
 */
public final class GenerateK6 {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSSxxx");
    private static final String[][] REQUESTS = {
        {"GET", "GET /api/products", "200", "products: status 200", "30"},
        {"GET", "GET /api/products/{id}", "200", "product: status 200", "18"},
        {"POST", "POST /api/cart", "200", "cart: status 200", "25"},
        {"POST", "POST /api/orders", "201", "order: status 201", "45"},
    };
    private static final String[] HTTP = {
        "http_reqs",
        "http_req_duration",
        "http_req_blocked",
        "http_req_connecting",
        "http_req_tls_handshaking",
        "http_req_sending",
        "http_req_waiting",
        "http_req_receiving",
        "http_req_failed"
    };
    private static final String[] DECLARATIONS = {
        "{\"type\":\"Metric\",\"data\":{\"name\":\"%s\",\"type\":\"%s\",\"contains\":\"%s\",\"thresholds\":[],"
                + "\"submetrics\":null},\"metric\":\"%s\"}"
    };

    private final Random random;
    private final OutputStream out;
    private final ZoneOffset offset = ZoneOffset.ofHours(1);
    private final String testTags = "\"testid\":\"generated\",\"testtype\":\"stress\"";
    private final java.util.Set<String> declared = new java.util.HashSet<>();
    private long written;

    GenerateK6(OutputStream out, long seed) {
        this.out = out;
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: GenerateK6 OUT SIZE_MB [seed]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        long target = (long) (Double.parseDouble(args[1]) * 1e6);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 12345;
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
                OutputStream out = file.toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw) {
            GenerateK6 g = new GenerateK6(out, seed);
            long requests = g.write(target, Instant.parse("2026-11-26T05:02:27Z"), 85);
            System.out.printf(Locale.ROOT, "%s: %.1f MB uncompressed, %,d requests%n", file, g.written / 1e6, requests);
        }
    }

    /** Writes until {@code targetBytes}; returns the number of requests written. */
    long write(long targetBytes, Instant start, int vus) throws IOException {
        long requests = 0;
        long[] vuClock = new long[vus]; // per VU: next iteration start, ns since start
        for (int v = 0; v < vus; v++) {
            vuClock[v] = (long) (random.nextDouble() * 2e9);
        }
        long nextGauge = 0;
        int iteration = 0;
        while (written < targetBytes) {
            int v = 0;
            for (int k = 1; k < vus; k++) {
                if (vuClock[k] < vuClock[v]) {
                    v = k;
                }
            }
            long t = vuClock[v];
            while (nextGauge <= t) {
                String ts = time(start, nextGauge);
                point("vus", ts, Integer.toString(vus), "{" + testTags + "}", "gauge", "default");
                point("vus_max", ts, Integer.toString(vus), "{" + testTags + "}", "gauge", "default");
                nextGauge += 1_000_000_000L;
            }
            long iterStart = t;
            int n = iteration++ % 3 == 2 ? 4 : 3;
            for (int r = 0; r < n; r++) {
                String[] req = REQUESTS[r];
                double median = Double.parseDouble(req[4]);
                double duration = median * Math.exp(0.4 * random.nextGaussian());
                t += (long) (duration * 1e6);
                String ts = time(start, t);
                String tags = "{\"expected_response\":\"true\",\"group\":\"\",\"method\":\"" + req[0] + "\",\"name\":\""
                        + req[1] + "\",\"proto\":\"HTTP/1.1\",\"scenario\":\"stress\",\"status\":\"" + req[2] + "\","
                        + testTags + ",\"url\":\"" + req[1] + "\"}";
                double blocked = 0.002 + random.nextDouble() * 0.01;
                double sending = 0.01 + random.nextDouble() * 0.03;
                double receiving = 0.03 + random.nextDouble() * 0.06;
                double waiting = Math.max(0, duration - sending - receiving);
                double[] values = {1, duration, blocked, 0, 0, sending, waiting, receiving, 0};
                for (int m = 0; m < HTTP.length; m++) {
                    String kind = m == 0 ? "counter" : m == 8 ? "rate" : "trend";
                    point(HTTP[m], ts, number(values[m]), tags, kind, m == 0 || m == 8 ? "default" : "time");
                }
                t += 80_000;
                point(
                        "checks",
                        time(start, t),
                        "1",
                        "{\"check\":\"" + req[3] + "\",\"group\":\"\",\"scenario\":\"stress\"," + testTags + "}",
                        "rate",
                        "default");
                if (r == 3) {
                    t += 40_000;
                    point(
                            "orders_placed",
                            time(start, t),
                            "1",
                            "{\"group\":\"\",\"scenario\":\"stress\"," + testTags + "}",
                            "counter",
                            "default");
                }
                t += (long) ((300 + random.nextDouble() * 500) * 1e6); // think time
                requests++;
            }
            String ts = time(start, t);
            String tags = "{\"group\":\"\",\"scenario\":\"stress\"," + testTags + "}";
            point("data_sent", ts, Integer.toString(180 * n + random.nextInt(40)), tags, "counter", "data");
            point("data_received", ts, Integer.toString(250 * n + random.nextInt(60)), tags, "counter", "data");
            point("iteration_duration", ts, number((t - iterStart) / 1e6), tags, "trend", "time");
            point("iterations", ts, "1", tags, "counter", "default");
            vuClock[v] = t;
        }
        return requests;
    }

    private void point(String metric, String time, String value, String tags, String type, String contains)
            throws IOException {
        if (declared.add(metric)) {
            line(String.format(Locale.ROOT, DECLARATIONS[0], metric, type, contains, metric));
        }
        line("{\"metric\":\"" + metric + "\",\"type\":\"Point\",\"data\":{\"time\":\"" + time + "\",\"value\":" + value
                + ",\"tags\":" + tags + "}}");
    }

    private void line(String s) throws IOException {
        byte[] b = (s + "\n").getBytes(StandardCharsets.UTF_8);
        out.write(b);
        written += b.length;
    }

    /** Go's RFC3339Nano, as k6 writes it: trailing zeros of the fraction dropped, the fraction too when zero. */
    private String time(Instant start, long nanos) {
        String s = TIME.format(OffsetDateTime.ofInstant(start.plusNanos(nanos), offset));
        int dot = 19;
        int end = dot + 10;
        int cut = end;
        while (cut > dot + 1 && s.charAt(cut - 1) == '0') {
            cut--;
        }
        if (cut == dot + 1) {
            cut = dot;
        }
        return s.substring(0, cut) + s.substring(end);
    }

    /** Go's strconv.FormatFloat(v, 'f', -1, 64) for the values k6 writes: shortest form, no exponent. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new java.math.BigDecimal(Double.toString(v))
                .setScale(6, java.math.RoundingMode.HALF_EVEN)
                .stripTrailingZeros()
                .toPlainString();
    }
}
