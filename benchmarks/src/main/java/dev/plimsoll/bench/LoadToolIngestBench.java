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

import dev.plimsoll.ingest.LoadRuns;
import dev.plimsoll.run.LoadRun;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whole-process ingestion benchmark of JMeter and Gatling results, and the files it reads.
 *
 * <pre>
 * LoadToolIngestBench jtl OUT REQUESTS SOURCE.jtl[.gz]            a JTL CSV of at least REQUESTS requests: each line of
 *                                                                 the real SOURCE written k times, 0…k−1 ms apart (the
 *                                                                 same run with k times the load, in time order)
 * LoadToolIngestBench gatling OUT REQUESTS SOURCE/simulation.log  the same for a Gatling log, binary (3.13+) or text
 *                                                                 (users too: k times the VUs)
 * LoadToolIngestBench ingest FILE [iterations]                    LoadRuns.read(FILE): MB/s (uncompressed), requests/s
 * </pre>
 *
 * The files are made of real runs' records (the S1 replay's JTL and simulation.log in acceptance's resources): the same
 * line and record shapes, request names, latencies and failures, only more of them. Run each ingestion in its own JVM.
 */
public final class LoadToolIngestBench {
    private LoadToolIngestBench() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: LoadToolIngestBench jtl|gatling OUT REQUESTS SOURCE | ingest FILE [iterations]");
            System.exit(2);
        }
        switch (args[0]) {
            case "jtl" -> replicateJtl(Path.of(args[1]), Long.parseLong(args[2]), Path.of(args[3]));
            case "gatling" -> replicateGatling(Path.of(args[1]), Long.parseLong(args[2]), Path.of(args[3]));
            case "ingest" -> ingest(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 1);
            default -> {
                System.err.println("unknown mode " + args[0]);
                System.exit(2);
            }
        }
    }

    static void ingest(Path file, int iterations) throws IOException {
        long bytes = IngestBench.uncompressedSize(file);
        double[] seconds = new double[iterations];
        LoadRun run = null;
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            run = LoadRuns.read(file);
            seconds[i] = (System.nanoTime() - t0) / 1e9;
        }
        long requests = run.totals().requests();
        System.out.printf(
                Locale.ROOT,
                "LoadRuns (%s) — %s (%.1f MB, %,d requests, %,d samples, %d buckets)%n",
                run.tool(),
                file.getFileName(),
                bytes / 1e6,
                requests,
                run.ingest().samples(),
                run.timeline().size());
        System.out.printf(
                Locale.ROOT,
                "  first (cold JVM): %.3f s, %.1f MB/s, %,.0f requests/s%n",
                seconds[0],
                bytes / 1e6 / seconds[0],
                requests / seconds[0]);
        if (iterations > 1) {
            double[] warm = Arrays.copyOfRange(seconds, 1, iterations);
            Arrays.sort(warm);
            double median = warm[warm.length / 2];
            System.out.printf(
                    Locale.ROOT,
                    "  warm median of %d: %.3f s, %.1f MB/s, %,.0f requests/s%n",
                    warm.length,
                    median,
                    bytes / 1e6 / median,
                    requests / median);
        }
        System.out.printf(
                Locale.ROOT,
                "  peak heap %d MB (max heap %d MB)%n",
                IngestBench.peakHeapMb(),
                Runtime.getRuntime().maxMemory() >> 20);
    }

    /** JTL CSV: the header once, then each line k times, the copies' timeStamp (first column) 1 ms apart. */
    static void replicateJtl(Path out, long requests, Path source) throws IOException {
        List<String> lines = new ArrayList<>(); // records: a quoted label may hold a line break
        try (BufferedReader r = reader(source)) {
            StringBuilder record = new StringBuilder();
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                record.append(record.length() == 0 ? "" : "\n").append(l);
                if (record.chars().filter(c -> c == '"').count() % 2 == 0) {
                    lines.add(record.toString());
                    record.setLength(0);
                }
            }
        }
        String header = lines.get(0).startsWith("timeStamp") ? lines.remove(0) : null;
        int copies = (int) ((requests + lines.size() - 1) / lines.size());
        long written = 0;
        try (PrintWriter w = new PrintWriter(
                new java.io.BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16))) {
            if (header != null) {
                w.println(header);
            }
            for (String l : lines) {
                int comma = l.indexOf(',');
                long t = Long.parseLong(l.substring(0, comma));
                String rest = l.substring(comma);
                for (int copy = 0; copy < copies; copy++) {
                    w.print(t + copy);
                    w.println(rest);
                }
            }
            written = (long) copies * lines.size();
        }
        System.out.printf(Locale.ROOT, "%s: %,d lines, %.1f MB%n", out, written, Files.size(out) / 1e6);
    }

    static void replicateGatling(Path out, long requests, Path source) throws IOException {
        byte[] head;
        try (InputStream in = IngestBench.open(source)) {
            head = in.readNBytes(1);
        }
        if (head.length == 1 && head[0] == 0) {
            new BinaryLog().replicate(out, requests, source);
        } else {
            replicateTextLog(out, requests, source);
        }
    }

    /** Gatling 3.0–3.12: the RUN line once, then each other line k times, the copies' times 1 ms apart. */
    static void replicateTextLog(Path out, long requests, Path source) throws IOException {
        List<String[]> lines = new ArrayList<>();
        try (BufferedReader r = reader(source)) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                lines.add(l.split("\t", -1));
            }
        }
        long perCopy = lines.stream().filter(f -> f[0].equals("REQUEST")).count();
        int copies = (int) ((requests + perCopy - 1) / perCopy);
        try (PrintWriter w = new PrintWriter(
                new java.io.BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16))) {
            for (String[] f : lines) {
                if (f[0].equals("RUN") || f[0].equals("ASSERTION")) {
                    w.println(String.join("\t", f));
                    continue;
                }
                for (int copy = 0; copy < copies; copy++) {
                    String[] g = f.clone();
                    for (int i : timeFields(f)) {
                        g[i] = Long.toString(Long.parseLong(f[i]) + copy);
                    }
                    w.println(String.join("\t", g));
                }
            }
        }
        long written = copies * perCopy;
        System.out.printf(Locale.ROOT, "%s: %,d requests, %.1f MB%n", out, written, Files.size(out) / 1e6);
    }

    /** Time fields of a text log line of Gatling 3.4–3.12. */
    private static int[] timeFields(String[] f) {
        return switch (f[0]) {
            case "USER" -> new int[] {3};
            case "REQUEST" -> new int[] {3, 4};
            case "GROUP" -> new int[] {2, 3};
            default -> new int[0];
        };
    }

    private static BufferedReader reader(Path source) throws IOException {
        return new BufferedReader(new InputStreamReader(IngestBench.open(source), StandardCharsets.UTF_8), 1 << 16);
    }

    /**
     * Gatling 3.13+'s binary log: the run record once, then each other record k times, the copies' times (int ms
     * offsets from the run's start) 1 ms apart; a string written before is written as a reference to the cache, as
     * Gatling writes it.
     */
    static final class BinaryLog {
        private final Set<Integer> defined = new HashSet<>();
        private byte[] runRecord;
        private final List<Object[]> records = new ArrayList<>();

        void replicate(Path out, long requests, Path source) throws IOException {
            read(source);
            long perCopy = records.stream().filter(r -> (byte) r[0] == 1).count();
            int copies = (int) ((requests + perCopy - 1) / perCopy);
            try (DataOutputStream o =
                    new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(out), 1 << 16))) {
                o.write(runRecord);
                defined.clear();
                for (Object[] r : records) {
                    for (int copy = 0; copy < copies; copy++) {
                        write(o, r, copy);
                    }
                }
            }
            long written = copies * perCopy;
            System.out.printf(Locale.ROOT, "%s: %,d requests, %.1f MB%n", out, written, Files.size(out) / 1e6);
        }

        /** Records as {type, times, fields…}: strings as {index, value}. */
        private void read(Path source) throws IOException {
            byte[] all;
            try (InputStream in = IngestBench.open(source)) {
                all = in.readAllBytes();
            }
            DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(all));
            in.readByte();
            string(in);
            string(in);
            in.readLong();
            string(in);
            int scenarios = in.readInt();
            for (int i = 0; i < scenarios; i++) {
                string(in);
            }
            int assertions = in.readInt();
            for (int i = 0; i < assertions; i++) {
                in.skipNBytes(in.readInt());
            }
            runRecord = Arrays.copyOf(all, all.length - in.available());
            while (true) {
                int type = in.read();
                if (type < 0) {
                    break;
                }
                try {
                    switch (type) {
                        case 2 -> {
                            int scenario = in.readInt();
                            boolean start = in.readBoolean();
                            records.add(new Object[] {(byte) 2, new int[] {in.readInt()}, scenario, start});
                        }
                        case 1 -> {
                            Object[][] groups = groups(in);
                            Object[] name = cached(in);
                            int start = in.readInt();
                            int end = in.readInt();
                            boolean ok = in.readBoolean();
                            records.add(new Object[] {(byte) 1, new int[] {start, end}, groups, name, ok, cached(in)});
                        }
                        case 3 -> {
                            Object[][] groups = groups(in);
                            int start = in.readInt();
                            int end = in.readInt();
                            int cumulated = in.readInt();
                            boolean ok = in.readBoolean();
                            records.add(new Object[] {(byte) 3, new int[] {start, end}, groups, cumulated, ok});
                        }
                        case 4 -> {
                            Object[] message = cached(in);
                            records.add(new Object[] {(byte) 4, new int[] {in.readInt()}, message});
                        }
                        default -> throw new IOException("unknown record type " + type);
                    }
                } catch (EOFException cut) {
                    break;
                }
            }
        }

        private Object[][] groups(DataInputStream in) throws IOException {
            Object[][] g = new Object[in.readInt()][];
            for (int i = 0; i < g.length; i++) {
                g[i] = cached(in);
            }
            return g;
        }

        private final java.util.Map<Integer, String> cache = new java.util.HashMap<>();

        private Object[] cached(DataInputStream in) throws IOException {
            int index = in.readInt();
            if (index >= 0) {
                String s = string(in);
                cache.put(index, s);
                return new Object[] {index, s};
            }
            return new Object[] {-index, cache.get(-index)};
        }

        private static String string(DataInputStream in) throws IOException {
            int len = in.readInt();
            if (len == 0) {
                return "";
            }
            byte[] b = in.readNBytes(len);
            byte coder = in.readByte();
            return coder == 0 ? new String(b, StandardCharsets.ISO_8859_1) : new String(b, StandardCharsets.UTF_16LE);
        }

        private void write(DataOutputStream o, Object[] r, int shift) throws IOException {
            byte type = (byte) r[0];
            int[] t = (int[]) r[1];
            o.writeByte(type);
            switch (type) {
                case 2 -> {
                    o.writeInt((int) r[2]);
                    o.writeBoolean((boolean) r[3]);
                    o.writeInt(t[0] + shift);
                }
                case 1 -> {
                    writeGroups(o, (Object[][]) r[2]);
                    writeCached(o, (Object[]) r[3]);
                    o.writeInt(t[0] + shift);
                    o.writeInt(t[1] + shift);
                    o.writeBoolean((boolean) r[4]);
                    writeCached(o, (Object[]) r[5]);
                }
                case 3 -> {
                    writeGroups(o, (Object[][]) r[2]);
                    o.writeInt(t[0] + shift);
                    o.writeInt(t[1] + shift);
                    o.writeInt((int) r[3]);
                    o.writeBoolean((boolean) r[4]);
                }
                default -> {
                    writeCached(o, (Object[]) r[2]);
                    o.writeInt(t[0] + shift);
                }
            }
        }

        private void writeGroups(DataOutputStream o, Object[][] groups) throws IOException {
            o.writeInt(groups.length);
            for (Object[] g : groups) {
                writeCached(o, g);
            }
        }

        /** A string's first appearance defines it under its index, later ones refer to it: as Gatling writes. */
        private void writeCached(DataOutputStream o, Object[] s) throws IOException {
            int index = (int) s[0];
            if (defined.add(index)) {
                o.writeInt(index);
                writeString(o, (String) s[1]);
            } else {
                o.writeInt(-index);
            }
        }

        private static void writeString(DataOutputStream o, String s) throws IOException {
            if (s.isEmpty()) {
                o.writeInt(0);
                return;
            }
            boolean latin1 = s.chars().allMatch(c -> c < 256);
            byte[] b = s.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_16LE);
            o.writeInt(b.length);
            o.write(b);
            o.writeByte(latin1 ? 0 : 1);
        }
    }
}
