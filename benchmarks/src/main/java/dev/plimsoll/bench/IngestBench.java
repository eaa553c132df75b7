package dev.plimsoll.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
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
    private IngestBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: IngestBench ingest|scan FILE [parallelism]");
            System.exit(2);
        }
        Path file = Path.of(args[1]);
        long t0 = System.nanoTime();
        long bytes;
        long lines;
        String what;
        if (args[0].equals("scan")) {
            long[] r = scan(file);
            bytes = r[0];
            lines = r[1];
            what = "bare Jackson token scan, 1 thread";
        } else {
            int parallelism = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
            LoadRun run = K6Reader.builder().parallelism(parallelism).build().read(file);
            lines = run.ingest().lines();
            double seconds = (System.nanoTime() - t0) / 1e9;
            bytes = uncompressedSize(file);
            t0 = System.nanoTime() - (long) (seconds * 1e9);
            what = "K6Reader, parallelism " + parallelism + ": " + run.totals().requests() + " requests, "
                    + run.timeline().size() + " buckets";
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "%s%n  %,d lines, %.1f MB in %.3f s: %,.0f lines/s, %.1f MB/s, peak heap %d MB%n",
                what, lines, bytes / 1e6, s, lines / s, bytes / 1e6 / s, peakHeapMb());
    }

    static long[] scan(Path file) throws IOException {
        JsonFactory f = new JsonFactory();
        long lines;
        CountingStream counting;
        try (InputStream in = open(file)) {
            counting = new CountingStream(in);
            try (JsonParser p = f.createParser(counting)) {
                long tokens = 0;
                while (p.nextToken() != null) {
                    tokens++;
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
