package com.example.checkout;

import dev.plimsoll.LoadTestAnalysis;
import dev.plimsoll.analysis.AnalysisConfig;
import dev.plimsoll.cloudwatch.CloudWatchRecording;
import dev.plimsoll.datadog.DatadogRecording;
import dev.plimsoll.ingest.LoadRuns;
import dev.plimsoll.report.Report;
import dev.plimsoll.report.ReportFormat;
import dev.plimsoll.run.LoadRun;
import java.nio.file.Path;
import java.util.EnumSet;

/** A consumer's main: analyse a recorded run offline and write every report. */
public final class AnalyzeRecordedRun {
    private AnalyzeRecordedRun() {}

    public static Report analyze(Path k6, Path cloudwatch, Path datadog, Path out) {
        LoadRun run = LoadRuns.read(k6);
        try (CloudWatchRecording cw = CloudWatchRecording.open(cloudwatch);
                DatadogRecording dd = DatadogRecording.open(datadog)) {
            Report report = LoadTestAnalysis.of(run)
                    .sources(cw, dd)
                    .config(AnalysisConfig.defaults().toBuilder().maxNodes(5).build())
                    .gates("scaling_lag<=150s", "client_p95<500ms")
                    .analyze();
            report.writeTo(out, EnumSet.allOf(ReportFormat.class));
            return report;
        }
    }

    public static void main(String[] args) {
        Report r = analyze(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
        System.out.println(r.verdict().id() + " " + r.result().bottleneck().id());
        System.exit(r.verdict().exitCode());
    }
}
