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

import dev.plimsoll.LoadTestAnalysis;
import dev.plimsoll.analysis.AnalysisResult;
import dev.plimsoll.cloudwatch.CloudWatchRecording;
import dev.plimsoll.datadog.DatadogRecording;
import dev.plimsoll.ingest.k6.K6Reader;
import dev.plimsoll.report.Report;
import dev.plimsoll.run.LoadRun;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Sample 1: a recorded run analysed offline through the library API — k6 output, a CloudWatch and a Datadog
 * recording. Run with {@code java … dev.plimsoll.samples.AnalyzeOffline DIR} where DIR holds {@code k6/},
 * {@code cloudwatch/} and {@code datadog/}.
 */
public final class AnalyzeOffline {
    private AnalyzeOffline() {}

    public static void main(String[] args) {
        analyze(Path.of(args[0]), System.out);
    }

    static Report analyze(Path dir, PrintStream out) {
        LoadRun run = K6Reader.create().read(dir.resolve("k6/results.csv.gz"));
        try (CloudWatchRecording cw = CloudWatchRecording.open(dir.resolve("cloudwatch"));
                DatadogRecording dd = DatadogRecording.open(dir.resolve("datadog"))) {
            Report report = LoadTestAnalysis.of(run).sources(cw, dd).analyze();
            AnalysisResult result = report.result();
            out.println("bottleneck: " + result.bottleneck().id() + ", clock skew "
                    + result.skew().seconds() + " s");
            result.findings()
                    .forEach(f ->
                            out.println(f.severity().label() + " " + f.kind().id() + ": " + f.reason()));
            return report;
        }
    }
}
