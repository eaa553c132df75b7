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

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.plimsoll.ingest.k6.K6Reader;
import dev.plimsoll.run.LoadRun;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Whole-process ingestion benchmark: {@code ingest FILE} reads a k6 NDJSON file with {@link K6Reader};
 * {@code scan FILE} runs a bare single-threaded Jackson token scan over the same bytes as the reference.
 * Prints lines/s, MB/s (uncompressed) and the peak heap used. Run each mode in its own JVM.
 */
public final class IngestBench {
    private IngestBench() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: IngestBench ingest|scan FILE [parallelism] [iterations]");
            System.exit(2);
        }
        String mode = args[0];
        if (mode.equals("heap")) {
            heap(Path.of(args[1]));
            return;
        }
        Path file = Path.of(args[1]);
        int parallelism = args.length > 2
                ? Integer.parseInt(args[2])
                : Runtime.getRuntime().availableProcessors();
        int iterations = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        long bytes = uncompressedSize(file);
        double[] seconds = new double[iterations];
        long lines = 0;
        String what = "";
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            if (mode.equals("scan")) {
                lines = scan(file)[1];
                what = "bare Jackson token scan, 1 thread";
            } else {
                LoadRun run =
                        K6Reader.builder().parallelism(parallelism).build().read(file);
                lines = run.ingest().lines();
                what = "K6Reader, parallelism " + parallelism + ": "
                        + run.totals().requests() + " requests, "
                        + run.timeline().size() + " buckets";
            }
            seconds[i] = (System.nanoTime() - t0) / 1e9;
        }
        System.out.println(what + " — " + file.getFileName()
                + String.format(Locale.ROOT, " (%.1f MB, %,d lines)", bytes / 1e6, lines));
        System.out.printf(
                Locale.ROOT,
                "  first (cold JVM): %.3f s, %.1f MB/s, %,.0f lines/s%n",
                seconds[0],
                bytes / 1e6 / seconds[0],
                lines / seconds[0]);
        if (iterations > 1) {
            double[] warm = java.util.Arrays.copyOfRange(seconds, 1, iterations);
            java.util.Arrays.sort(warm);
            double median = warm[warm.length / 2];
            System.out.printf(
                    Locale.ROOT,
                    "  warm median of %d: %.3f s, %.1f MB/s, %,.0f lines/s (min %.3f s, max %.3f s)%n",
                    warm.length,
                    median,
                    bytes / 1e6 / median,
                    lines / median,
                    warm[0],
                    warm[warm.length - 1]);
        }
        System.out.printf(
                Locale.ROOT,
                "  peak heap %d MB (max heap %d MB)%n",
                peakHeapMb(),
                Runtime.getRuntime().maxMemory() >> 20);
    }

    /**
     * Reads a run ({@code -}: standard input), then reports the heap the built run retains (after a full
     * collection), per hour of run, with the peak heap of the whole read.
     */
    static void heap(Path file) {
        long t0 = System.nanoTime();
        LoadRun run = K6Reader.create().read(file);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.gc();
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long retained = rt.totalMemory() - rt.freeMemory();
        double hours = run.timeline().size() * run.timeline().bucket().toMillis() / 3.6e6;
        System.out.printf(
                Locale.ROOT,
                "%s: %,d requests, %.2f h of run, read in %.1f s; retained heap %.1f MB (%.1f MB per hour of run),"
                        + " peak heap %d MB of %d MB%n",
                file,
                run.totals().requests(),
                hours,
                seconds,
                retained / 1e6,
                retained / 1e6 / hours,
                peakHeapMb(),
                rt.maxMemory() >> 20);
        if (Boolean.getBoolean("plimsoll.bench.pause")) {
            try {
                Thread.sleep(30_000); // time to take a class histogram: jcmd PID GC.class_histogram
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (run.totals().requests() < 0) {
            System.out.println(run); // keeps the run reachable until after the measurement
        }
    }

    static long[] scan(Path file) throws IOException {
        JsonFactory f = new JsonFactory();
        long lines;
        CountingStream counting;
        try (InputStream in = open(file)) {
            counting = new CountingStream(in);
            try (JsonParser p = f.createParser(counting)) {
                long tokens = 0;
                long chars = 0;
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                    tokens++;
                    if (t == JsonToken.VALUE_STRING || t == JsonToken.FIELD_NAME) {
                        chars += p.getTextLength(); // the string is decoded, as any reader of it must
                    }
                }
                if (chars == 0) {
                    throw new IllegalStateException("no strings");
                }
                lines = p.currentLocation().getLineNr() - 1;
                if (tokens == 0) {
                    throw new IllegalStateException("no tokens");
                }
            }
        }
        return new long[] {counting.count, lines};
    }

    static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int a = in.read();
        int b = in.read();
        in.reset();
        return a == 0x1f && b == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }

    static long uncompressedSize(Path file) throws IOException {
        try (InputStream in = open(file)) {
            byte[] buf = new byte[1 << 16];
            long n = 0;
            int r;
            while ((r = in.read(buf)) > 0) {
                n += r;
            }
            return n;
        }
    }

    static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }

    private static final class CountingStream extends java.io.FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                count++;
            }
            return c;
        }
    }
}
