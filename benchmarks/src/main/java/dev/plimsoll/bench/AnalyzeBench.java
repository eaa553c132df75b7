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

import dev.plimsoll.LoadTestAnalysis;
import dev.plimsoll.analysis.AnalysisConfig;
import dev.plimsoll.analysis.AnalysisResult;
import dev.plimsoll.cloudwatch.CloudWatchRecording;
import dev.plimsoll.datadog.DatadogRecording;
import dev.plimsoll.ingest.k6.K6Reader;
import dev.plimsoll.report.Report;
import dev.plimsoll.report.ReportFormat;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.series.TimeWindow;
import dev.plimsoll.source.FetchResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;

/**
 * The stages of {@code plimsoll analyze} with replayed sources, timed one by one in one process: ingestion,
 * replay fetch, analysis (alignment, clock skew, detectors, correlations; {@code repeats} times, the first cold),
 * and the four reports. Shows whether the analysis stage grows linearly with the run's length.
 *
 * <p>Usage: {@code AnalyzeBench K6_FILE|- CLOUDWATCH_DIR DATADOG_DIR [repeats]}.
 */
public final class AnalyzeBench {
    private AnalyzeBench() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: AnalyzeBench K6_FILE|- CLOUDWATCH_DIR DATADOG_DIR [repeats]");
            System.exit(2);
        }
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        long t0 = System.nanoTime();
        LoadRun run = K6Reader.create().read(Path.of(args[0]));
        long t1 = System.nanoTime();
        AnalysisConfig config =
                AnalysisConfig.defaults().toBuilder().maxNodes(5).build();
        TimeWindow window = config.fetchWindow(run.window());
        FetchResult cw;
        FetchResult dd;
        try (CloudWatchRecording r = CloudWatchRecording.open(Path.of(args[1]))) {
            cw = r.fetch(r.defaultQueries(), window, Duration.ofSeconds(60));
        }
        try (DatadogRecording r = DatadogRecording.open(Path.of(args[2]))) {
            dd = r.fetch(r.defaultQueries(), window, Duration.ofSeconds(15));
        }
        long t2 = System.nanoTime();
        Report report = LoadTestAnalysis.of(run).fetched(cw, dd).config(config).analyze();
        double[] analysis = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long a = System.nanoTime();
            // the pipeline over what was fetched: alignment, clock skew, detectors, correlations, gates
            report = LoadTestAnalysis.of(run).fetched(cw, dd).config(config).analyze();
            analysis[i] = (System.nanoTime() - a) / 1e9;
        }
        long t3 = System.nanoTime();
        Path out = Files.createTempDirectory("plimsoll-bench");
        report.writeTo(out, EnumSet.allOf(ReportFormat.class));
        long t4 = System.nanoTime();
        AnalysisResult result = report.result();
        double hours = run.timeline().size() * run.timeline().bucket().toMillis() / 3.6e6;
        System.out.printf(
                Locale.ROOT,
                "%.2f h run, %,d requests: ingest %.2f s, replay fetch %.2f s, analysis %s s, 4 reports %.2f s"
                        + " (HTML %,d bytes); %d findings, skew %s%n",
                hours,
                run.totals().requests(),
                (t1 - t0) / 1e9,
                (t2 - t1) / 1e9,
                Arrays.toString(analysis),
                (t4 - t3) / 1e9,
                Files.size(out.resolve(ReportFormat.HTML.fileName())),
                result.findings().size(),
                result.skew());
    }
}
