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
package dev.plimsoll.analysis.internal;

import dev.plimsoll.analysis.AnalysisConfig;
import dev.plimsoll.analysis.DetectionContext;
import dev.plimsoll.analysis.Detector;
import dev.plimsoll.finding.Evidence;
import dev.plimsoll.finding.Finding;
import dev.plimsoll.finding.Severity;
import dev.plimsoll.series.TimeSeries;
import dev.plimsoll.series.TimeWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The node count changing direction {@link AnalysisConfig#flappingChanges()} times or more during the run. */
public final class ScalingFlappingDetector implements Detector {
    @Override
    public String id() {
        return "scaling_flapping";
    }

    @Override
    public List<Finding> detect(DetectionContext ctx) {
        Optional<SaturationEpisodes.Scaled> scaled = SaturationEpisodes.scaled(ctx);
        if (scaled.isEmpty()) {
            return List.of();
        }
        TimeSeries nodes = scaled.get().nodes().series();
        TimeWindow run = ctx.run().run().window();
        AnalysisConfig config = ctx.config();
        int changes = 0;
        int direction = 0;
        double last = Double.NaN;
        List<Evidence> ev = new ArrayList<>();
        for (int j = 0; j < nodes.size(); j++) {
            double v = Math.round(nodes.valueAt(j));
            if (Double.isNaN(nodes.valueAt(j)) || !run.containsEpochMilli(nodes.epochMilliAt(j))) {
                continue;
            }
            if (!Double.isNaN(last) && v != last) {
                int d = v > last ? 1 : -1;
                if (direction != 0 && d != direction) {
                    changes++;
                    ev.add(new Evidence(
                            "node count changed direction", nodes.id().toString(), nodes.timeAt(j), v, "count"));
                }
                direction = d;
            }
            last = v;
        }
        if (changes < config.flappingChanges()) {
            return List.of();
        }
        return List.of(new Finding.ScalingFlapping(
                Severity.WARNING,
                run,
                String.format(
                        Locale.ROOT,
                        "the node count changed direction %d times during the run (flapping threshold %d)",
                        changes,
                        config.flappingChanges()),
                ev,
                0.8,
                changes));
    }
}
