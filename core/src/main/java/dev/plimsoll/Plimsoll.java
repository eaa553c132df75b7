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
package dev.plimsoll;

import dev.plimsoll.align.AlignedRun;
import dev.plimsoll.analysis.AnalysisConfig;
import dev.plimsoll.analysis.AnalysisResult;
import dev.plimsoll.analysis.Analyzer;
import dev.plimsoll.run.LoadRun;
import dev.plimsoll.series.SeriesSet;
import dev.plimsoll.source.Coverage;
import dev.plimsoll.source.FetchResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry point: lays a load run over the cloud's series and says where the system started to sink.
 *
 * <pre>{@code
 * LoadRun run = K6Reader.create().read(Path.of("results.json.gz"));
 * FetchResult cw = cloudWatch.fetch(cloudWatch.defaultQueries(), run.window(), Duration.ofMinutes(1));
 * FetchResult dd = datadog.fetch(datadog.defaultQueries(), run.window(), Duration.ofSeconds(15));
 * AnalysisResult result = Plimsoll.analyze(run, List.of(cw, dd), AnalysisConfig.defaults());
 * result.findings().forEach(f -> System.out.println(f.severity() + " " + f.reason()));
 * }</pre>
 *
 * @since 0.1
 */
public final class Plimsoll {
    private Plimsoll() {}

    /** Analyses a run against cloud series (no coverage information). */
    public static AnalysisResult analyze(LoadRun run, SeriesSet cloud, AnalysisConfig config) {
        return Analyzer.analyze(
                AlignedRun.of(
                        run,
                        cloud,
                        List.of(),
                        config.estimateSkew(),
                        config.maxSkew().toSeconds()),
                config);
    }

    /** Analyses a run against what the sources fetched, with their coverage. */
    public static AnalysisResult analyze(LoadRun run, List<FetchResult> fetched, AnalysisConfig config) {
        SeriesSet all = SeriesSet.empty();
        List<Coverage> coverage = new ArrayList<>();
        for (FetchResult f : fetched) {
            all = all.plus(f.series());
            coverage.addAll(f.coverage());
        }
        return Analyzer.analyze(
                AlignedRun.of(
                        run,
                        all,
                        coverage,
                        config.estimateSkew(),
                        config.maxSkew().toSeconds()),
                config);
    }
}
