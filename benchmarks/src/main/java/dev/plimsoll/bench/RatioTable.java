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

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The throughput target as a table: for each real-shaped input (generated on first use into a folder), paired
 * whole-process runs — {@code plimsoll summarize} (JVM start included) and the bare single-threaded Jackson token
 * scan ({@link Scan}) in turn, A B A B … after one warm-up pair — and the median of the per-pair wall-time ratios.
 * Speed = scan time ÷ summarize time: ≥ 1.0 meets the target, 2.0 is the goal. Pairing keeps the ratio honest on a
 * shared, noisy machine; the medians of the absolute times are printed beside it.
 *
 * <p>Usage: {@code RatioTable PLIMSOLL [DATA_DIR] [pairs]}: PLIMSOLL is the {@code plimsoll} launcher (as users run
 * it, with its JVM options) or a jar run with plain {@code java -jar}; defaults {@code target/bench-data}, 7 pairs.
 */
public final class RatioTable {
    private RatioTable() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 1) {
            System.err.println("usage: RatioTable PLIMSOLL_LAUNCHER|PLIMSOLL_JAR [DATA_DIR] [pairs]");
            System.exit(2);
        }
        String cli = args[0];
        Path dir = Path.of(args.length > 1 ? args[1] : "target/bench-data");
        int pairs = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        Files.createDirectories(dir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String self = Path.of(RatioTable.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .getPath())
                .toString();
        String[][] inputs = {
            {"burst.json", "burst", "short high-RPS, 1 name (2 400 RPS, 100 k requests)"},
            {"burst.json.gz", "burst", "same, gzip"},
            {"soak15m.json", "soak", "moderate-RPS, 4 names (140 RPS, 15 min)"},
            {"soak15m.json.gz", "soak", "same, gzip"},
        };
        System.out.printf(
                Locale.ROOT,
                "%-18s %-48s %8s %12s %10s %8s%n",
                "input",
                "shape",
                "MB",
                "summarize s",
                "scan s",
                "speed");
        for (String[] in : inputs) {
            Path file = dir.resolve(in[0]);
            if (!Files.exists(file)) {
                List<String> gen = new ArrayList<>(
                        List.of(java, "-cp", self, GenerateRun.class.getName(), in[1], file.toString()));
                if (in[1].equals("soak")) {
                    gen.addAll(List.of("--duration", "15m"));
                }
                run(gen);
            }
            List<String> a = cli.endsWith(".jar")
                    ? List.of(java, "-jar", cli, "summarize", "-q", file.toString())
                    : List.of(cli, "summarize", "-q", file.toString());
            List<String> b = List.of(java, "-cp", self, Scan.class.getName(), file.toString());
            run(a);
            run(b); // warm-up pair: page cache, disk
            double[] ta = new double[pairs];
            double[] tb = new double[pairs];
            double[] ratio = new double[pairs];
            for (int i = 0; i < pairs; i++) {
                ta[i] = run(a);
                tb[i] = run(b);
                ratio[i] = tb[i] / ta[i];
            }
            System.out.printf(
                    Locale.ROOT,
                    "%-18s %-48s %8.0f %12.3f %10.3f %7.2fx%n",
                    in[0],
                    in[2],
                    IngestBench.uncompressedSize(file) / 1e6,
                    median(ta),
                    median(tb),
                    median(ratio));
        }
    }

    /** Runs a command to its end, its output discarded; returns its wall time in seconds. */
    private static double run(List<String> command) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.to(new File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        int code = p.waitFor();
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + code);
        }
        return seconds;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
