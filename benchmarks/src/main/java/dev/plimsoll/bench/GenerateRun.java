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
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Writes real-shaped k6 v0.49.0 {@code --out json} output, fast enough to be piped into a reader (a 24-hour run is
 * ~40 GB and is never stored). Lines have exactly the field order, tag set and number formatting of the shared
 * real fixtures, with times in UTC ({@code …Z}, as k6 writes them on a machine whose zone is UTC). Two shapes:
 *
 * <ul>
 *   <li>{@code burst}: a short high-rate test of one URL, one request per iteration and no think time (k6's default
 *       {@code name} tag is the URL): the 14 lines per iteration — 9 {@code http_req_*} metrics, a check, then
 *       {@code data_sent}, {@code data_received}, {@code iteration_duration}, {@code iterations}. Defaults: 2 400
 *       requests/s, 100 000 requests (≈ 330 MB, the size of the users' real stress-test file).
 *   <li>{@code soak}: the shared scenarios' shape (S1): VUs loop over {@code GET /api/products}, {@code GET
 *       /api/products/{id}}, {@code POST /api/cart} and, every third iteration, {@code POST /api/orders} with an
 *       {@code orders_placed} counter, with 300–800 ms think time; ramps up over 2 minutes (capped at 5 % of the run)
 *       and down over 1; {@code vus}/{@code vus_max} once a second. Defaults: 140 requests/s for 1 hour.
 * </ul>
 *
 * <p>Lines of concurrent VUs interleave by completion time, as k6's output does. Seeded: the same arguments give the
 * same bytes. With {@code --replays DIR} it also writes CloudWatch (60 s) and Datadog (15 s) recordings of the same
 * traffic (see {@link Replays}).
 *
 * <p>Usage: {@code GenerateRun burst|soak OUT [--rps R] [--requests N] [--duration 1h] [--seed S] [--replays DIR]};
 * OUT {@code -} writes to standard output, a name ending in {@code .gz} is gzip-compressed.
 */
public final class GenerateRun {
    static final Instant START = Instant.parse("2026-11-26T05:02:27Z");

    /** One kind of request: method, name (and URL), status, check name, median latency in ms. */
    record Request(String method, String name, String status, String check, double medianMillis) {}

    static final Request[] SOAK = {
        new Request("GET", "GET /api/products", "200", "products: status 200", 30),
        new Request("GET", "GET /api/products/{id}", "200", "product: status 200", 18),
        new Request("POST", "POST /api/cart", "200", "cart: status 200", 25),
        new Request("POST", "POST /api/orders", "201", "order: status 201", 45),
    };
    static final Request BURST = new Request("GET", "http://127.0.0.1:3333/api/items", "200", "status is 200", 38);

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
    private static final String[] HTTP_TYPE = {
        "counter", "trend", "trend", "trend", "trend", "trend", "trend", "trend", "rate"
    };

    private final boolean soak;
    private final Random random;
    private final Out out;
    private final long durationNanos;
    private final long maxRequests;
    private final int vus;
    private final long rampUpNanos;
    private final long rampDownNanos;
    private final String testTags;
    private final String scenario;
    private final boolean[] declared = new boolean[32];
    private final TimeText time = new TimeText(START);
    private final Replays.Counts counts;

    long requests;
    long iterations;

    /** Per-second requests written so far, for {@link Replays}. */
    Replays.Counts counts() {
        return counts;
    }

    /**
     * @param rps target requests per second
     * @param durationNanos length of the run (soak); for burst, {@code maxRequests} ends it
     */
    GenerateRun(boolean soak, OutputStream sink, long seed, double rps, long durationNanos, long maxRequests) {
        this.soak = soak;
        this.random = new Random(seed);
        this.out = new Out(sink);
        this.durationNanos = durationNanos;
        this.maxRequests = maxRequests;
        // a VU's iteration: soak 3⅓ requests of ~30 ms plus 550 ms think time each ≈ 1.72 requests/s per VU
        this.vus = soak ? Math.max(1, (int) Math.round(rps / 1.72)) : Math.max(1, (int) Math.round(rps * 0.0415));
        this.rampUpNanos = soak ? Math.min(120_000_000_000L, durationNanos / 20) : 0;
        this.rampDownNanos = soak ? Math.min(60_000_000_000L, durationNanos / 20) : 0;
        this.testTags = soak ? ",\"testid\":\"soak\",\"testtype\":\"soak\"" : "";
        this.scenario = soak ? "soak" : "default";
        this.counts = new Replays.Counts(START);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || !(args[0].equals("burst") || args[0].equals("soak"))) {
            System.err.println("usage: GenerateRun burst|soak OUT [--rps R] [--requests N] [--duration 1h]"
                    + " [--seed S] [--replays DIR]");
            System.exit(2);
        }
        boolean soak = args[0].equals("soak");
        String target = args[1];
        double rps = soak ? 140 : 2400;
        long requests = soak ? Long.MAX_VALUE : 100_000;
        Duration duration = soak ? Duration.ofHours(1) : Duration.ofDays(1);
        long seed = 12345;
        Path replays = null;
        for (int i = 2; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--rps" -> rps = Double.parseDouble(args[i + 1]);
                case "--requests" -> requests = Long.parseLong(args[i + 1]);
                case "--duration" -> duration = Duration.parse("PT" + args[i + 1].toUpperCase(Locale.ROOT));
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--replays" -> replays = Path.of(args[i + 1]);
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        long t0 = System.nanoTime();
        boolean stdout = target.equals("-");
        OutputStream raw = stdout
                ? new FileOutputStream(FileDescriptor.out)
                : new BufferedOutputStream(Files.newOutputStream(Path.of(target)), 1 << 20);
        GenerateRun g;
        try (OutputStream sink = target.endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw) {
            g = new GenerateRun(soak, sink, seed, rps, duration.toNanos(), requests);
            g.write();
        }
        if (replays != null) {
            Replays.write(replays, g.counts);
        }
        System.err.printf(
                Locale.ROOT,
                "%s: %s shape, %,d requests, %,d iterations, %.1f MB uncompressed, %d VUs, %.1f s%n",
                target,
                args[0],
                g.requests,
                g.iterations,
                g.out.written / 1e6,
                g.vus,
                (System.nanoTime() - t0) / 1e9);
    }

    /** A VU's next event: a request completing, or its iteration ending. */
    private static final class Vu implements Comparable<Vu> {
        final int id;
        long clock; // ns since start of the next event
        long iterationStart;
        int step; // next request of the iteration
        int requestsThisIteration;
        long startAt;
        long stopAt;

        Vu(int id) {
            this.id = id;
        }

        @Override
        public int compareTo(Vu o) {
            return clock != o.clock ? Long.compare(clock, o.clock) : Integer.compare(id, o.id);
        }
    }

    void write() throws IOException {
        PriorityQueue<Vu> queue = new PriorityQueue<>();
        long end = durationNanos;
        for (int v = 0; v < vus; v++) {
            Vu vu = new Vu(v);
            long startAt = rampUpNanos == 0 ? 0 : rampUpNanos * v / vus;
            vu.startAt = startAt + 1_000_000_000L;
            vu.clock = vu.startAt + (long) (random.nextDouble() * 200_000_000L);
            vu.stopAt = rampDownNanos == 0 ? end : end - rampDownNanos * v / vus;
            vu.iterationStart = vu.clock;
            vu.requestsThisIteration = iterationLength();
            queue.add(vu);
        }
        long nextGauge = 1_000_000_000L;
        while (!queue.isEmpty() && requests < maxRequests) {
            Vu vu = queue.poll();
            while (nextGauge <= vu.clock) {
                int active = 0;
                for (int v = 0; v < vus; v++) {
                    long startAt = (rampUpNanos == 0 ? 0 : rampUpNanos * v / vus) + 1_000_000_000L;
                    long stopAt = rampDownNanos == 0 ? end : end - rampDownNanos * v / vus;
                    active += nextGauge >= startAt && nextGauge < stopAt ? 1 : 0;
                }
                gauge(nextGauge, Math.max(1, active));
                nextGauge += 1_000_000_000L;
            }
            if (vu.step < vu.requestsThisIteration) {
                Request r = soak ? SOAK[vu.step] : BURST;
                double duration = r.medianMillis * Math.exp(0.4 * random.nextGaussian());
                long durationNs = Math.max(200_000, (long) (duration * 1e6));
                vu.clock += durationNs;
                request(r, vu.clock, durationNs);
                vu.step++;
                vu.clock += soak ? (long) ((300 + random.nextDouble() * 500) * 1e6) : 120_000;
            } else {
                iterationEnd(vu);
                vu.step = 0;
                vu.requestsThisIteration = iterationLength();
                vu.iterationStart = vu.clock;
                if (vu.clock >= vu.stopAt) {
                    continue; // the VU stops: ramp-down or the end of the run
                }
            }
            queue.add(vu);
        }
        out.flush();
    }

    private int iterationLength() {
        if (!soak) {
            return 1;
        }
        return iterations % 3 == 2 ? 4 : 3;
    }

    private void request(Request r, long t, long durationNs) throws IOException {
        requests++;
        counts.request(t, durationNs / 1e6);
        byte[] tags = tags(r);
        long blocked = 2_000 + random.nextInt(10_000);
        long connecting = random.nextInt(2000) == 0 ? 100_000 + random.nextInt(100_000) : 0;
        long sending = 10_000 + random.nextInt(30_000);
        long receiving = 30_000 + random.nextInt(60_000);
        long waiting = Math.max(0, durationNs - sending - receiving);
        long[] nanos = {-1, durationNs, blocked, connecting, 0, sending, waiting, receiving, -2};
        for (int m = 0; m < HTTP.length; m++) {
            declare(m, HTTP[m], HTTP_TYPE[m], m == 0 || m == 8 ? "default" : "time");
            out.ascii("{\"metric\":\"").ascii(HTTP[m]).ascii("\",\"type\":\"Point\",\"data\":{\"time\":\"");
            time.write(out, t);
            out.ascii("\",\"value\":");
            if (nanos[m] == -1) {
                out.ascii("1");
            } else if (nanos[m] == -2) {
                out.ascii("0");
            } else {
                out.millis(nanos[m]);
            }
            out.ascii(",\"tags\":").bytes(tags).ascii("}}\n");
        }
        long tc = t + 60_000 + random.nextInt(80_000);
        declare(9, "checks", "rate", "default");
        out.ascii("{\"metric\":\"checks\",\"type\":\"Point\",\"data\":{\"time\":\"");
        time.write(out, tc);
        out.ascii("\",\"value\":1,\"tags\":{\"check\":\"")
                .ascii(r.check)
                .ascii("\",\"group\":\"\",\"scenario\":\"")
                .ascii(scenario)
                .ascii("\"")
                .ascii(testTags)
                .ascii("}}}\n");
        if (soak && r == SOAK[3]) {
            declare(10, "orders_placed", "counter", "default");
            out.ascii("{\"metric\":\"orders_placed\",\"type\":\"Point\",\"data\":{\"time\":\"");
            time.write(out, tc + 40_000);
            out.ascii("\",\"value\":1,\"tags\":{\"group\":\"\",\"scenario\":\"")
                    .ascii(scenario)
                    .ascii("\"")
                    .ascii(testTags)
                    .ascii("}}}\n");
        }
    }

    private final java.util.Map<Request, byte[]> tagCache = new java.util.HashMap<>();

    private byte[] tags(Request r) {
        return tagCache.computeIfAbsent(
                r,
                k -> ("{\"expected_response\":\"true\",\"group\":\"\",\"method\":\""
                                + k.method + "\",\"name\":\"" + k.name + "\",\"proto\":\"HTTP/1.1\",\"scenario\":\""
                                + scenario
                                + "\",\"status\":\"" + k.status + "\"" + testTags + ",\"url\":\"" + k.name + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
    }

    private void iterationEnd(Vu vu) throws IOException {
        iterations++;
        int n = vu.requestsThisIteration;
        long t = vu.clock;
        String[] metrics = {"data_sent", "data_received", "iteration_duration", "iterations"};
        String[] types = {"counter", "counter", "trend", "counter"};
        String[] contains = {"data", "data", "time", "default"};
        for (int m = 0; m < 4; m++) {
            declare(11 + m, metrics[m], types[m], contains[m]);
            out.ascii("{\"metric\":\"").ascii(metrics[m]).ascii("\",\"type\":\"Point\",\"data\":{\"time\":\"");
            time.write(out, t);
            out.ascii("\",\"value\":");
            switch (m) {
                case 0 -> out.decimal(180L * n + random.nextInt(40));
                case 1 -> out.decimal(250L * n + random.nextInt(60));
                case 2 -> out.millis(t - vu.iterationStart);
                default -> out.ascii("1");
            }
            out.ascii(",\"tags\":{\"group\":\"\",\"scenario\":\"")
                    .ascii(scenario)
                    .ascii("\"")
                    .ascii(testTags)
                    .ascii("}}}\n");
        }
    }

    private void gauge(long t, int active) throws IOException {
        declare(15, "vus", "gauge", "default");
        declare(16, "vus_max", "gauge", "default");
        for (String m : new String[] {"vus", "vus_max"}) {
            out.ascii("{\"metric\":\"").ascii(m).ascii("\",\"type\":\"Point\",\"data\":{\"time\":\"");
            time.write(out, t + 53_847_665);
            out.ascii("\",\"value\":")
                    .decimal(m.equals("vus") ? active : vus)
                    .ascii(",\"tags\":{")
                    .ascii(testTags.isEmpty() ? "" : testTags.substring(1))
                    .ascii("}}}\n");
        }
    }

    private void declare(int slot, String metric, String type, String contains) throws IOException {
        if (declared[slot]) {
            return;
        }
        declared[slot] = true;
        out.ascii("{\"type\":\"Metric\",\"data\":{\"name\":\"")
                .ascii(metric)
                .ascii("\",\"type\":\"")
                .ascii(type)
                .ascii("\",\"contains\":\"")
                .ascii(contains)
                .ascii("\",\"thresholds\":[],\"submetrics\":null},\"metric\":\"")
                .ascii(metric)
                .ascii("\"}\n");
    }

    /** Go's RFC3339Nano in UTC: {@code 2026-11-26T05:02:30.751355566Z}, trailing zeros of the fraction dropped. */
    static final class TimeText {
        private final long startEpochSecond;
        private final byte[] prefix = new byte[19];
        private long prefixSecond = Long.MIN_VALUE;

        TimeText(Instant start) {
            this.startEpochSecond = start.getEpochSecond();
        }

        void write(Out out, long nanosSinceStart) throws IOException {
            long second = startEpochSecond + Math.floorDiv(nanosSinceStart, 1_000_000_000L);
            int nanos = (int) Math.floorMod(nanosSinceStart, 1_000_000_000L);
            if (second != prefixSecond) {
                String s =
                        LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC).toString();
                if (s.length() == 16) {
                    s += ":00";
                }
                System.arraycopy(s.getBytes(StandardCharsets.US_ASCII), 0, prefix, 0, 19);
                prefixSecond = second;
            }
            out.bytes(prefix);
            if (nanos != 0) {
                int digits = 9;
                while (nanos % 10 == 0) {
                    nanos /= 10;
                    digits--;
                }
                out.ascii(".").padded(nanos, digits);
            }
            out.ascii("Z");
        }
    }

    /** A byte buffer in front of the sink, with the few formatters k6's lines need. */
    static final class Out {
        private final OutputStream sink;
        private final byte[] buf = new byte[1 << 16];
        private int n;
        long written;

        Out(OutputStream sink) {
            this.sink = sink;
        }

        Out ascii(String s) throws IOException {
            int len = s.length();
            if (n + len > buf.length) {
                flush();
            }
            for (int i = 0; i < len; i++) {
                buf[n++] = (byte) s.charAt(i);
            }
            return this;
        }

        Out bytes(byte[] b) throws IOException {
            if (n + b.length > buf.length) {
                flush();
            }
            System.arraycopy(b, 0, buf, n, b.length);
            n += b.length;
            return this;
        }

        Out decimal(long v) throws IOException {
            return ascii(Long.toString(v));
        }

        /** {@code width} digits, zero-padded. */
        Out padded(long v, int width) throws IOException {
            if (n + width > buf.length) {
                flush();
            }
            for (int i = width - 1; i >= 0; i--) {
                buf[n + i] = (byte) ('0' + v % 10);
                v /= 10;
            }
            n += width;
            return this;
        }

        /**
         * Nanoseconds as k6 writes a duration: milliseconds, Go's shortest form ({@code 38.285904}, {@code 0.0265},
         * {@code 12}). The decimal ns/10⁶ has at most 6 decimals and 15 digits, so it is the shortest text that reads
         * back as the same double.
         */
        Out millis(long nanos) throws IOException {
            decimal(nanos / 1_000_000);
            long frac = nanos % 1_000_000;
            if (frac != 0) {
                int digits = 6;
                while (frac % 10 == 0) {
                    frac /= 10;
                    digits--;
                }
                ascii(".").padded(frac, digits);
            }
            return this;
        }

        void flush() throws IOException {
            sink.write(buf, 0, n);
            written += n;
            n = 0;
        }
    }
}
