package com.example.minimal;

import dev.plimsoll.LoadTestAnalysis;
import dev.plimsoll.finding.LatencyTier;
import dev.plimsoll.ingest.LoadRuns;
import dev.plimsoll.report.Report;
import dev.plimsoll.report.ReportFormat;
import dev.plimsoll.report.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

/** Core alone: the pipeline over a k6 run, without JUnit or Micrometer anywhere on the class path. */
public final class Minimal {
    private Minimal() {}

    public static void main(String[] args) throws Exception {
        for (String absent : List.of("org.junit.jupiter.api.Test", "io.micrometer.core.instrument.MeterRegistry")) {
            try {
                Class.forName(absent);
                throw new AssertionError(absent + " is on the runtime class path of plimsoll-core alone");
            } catch (ClassNotFoundException expected) {
                // core keeps no optional dependencies
            }
        }
        Report report = LoadTestAnalysis.of(LoadRuns.read(Path.of(args[0])))
                .gates("client_p95<500ms")
                .analyze();
        List<Path> files = report.writeTo(Path.of(args[1]), EnumSet.allOf(ReportFormat.class));
        check(report.verdict() == Verdict.PASS, "client gates decide without cloud sources: " + report.reasons());
        check(report.result().bottleneck() == LatencyTier.UNKNOWN, "no cloud source: the bottleneck is unknown");
        check(files.size() == 4 && files.stream().allMatch(Files::exists), "four reports written");
        System.out.println("core alone: " + report.verdict().id() + ", bottleneck " + report.result().bottleneck().id());
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }
}
