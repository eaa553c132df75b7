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
package dev.plimsoll.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.ingest.k6.K6Reader;
import dev.plimsoll.run.LoadRun;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineReplayTest {
    @Test
    void gaugesShouldStepThroughTheRunsBuckets() throws URISyntaxException {
        LoadRun run = K6Reader.create()
                .read(Path.of(
                        getClass().getResource("/k6/smoke-rome/smoke.json.gz").toURI()));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<Double> rps = new ArrayList<>();
        List<Long> pauses = new ArrayList<>();
        TimelineReplay replay = TimelineReplay.of(run, Tags.of("test", "smoke")).bindTo(registry);
        replay.sleeper(ms -> {
            pauses.add(ms);
            rps.add(registry.get("plimsoll.load.rps")
                    .tags("test", "smoke", "run", run.id())
                    .gauge()
                    .value());
        });

        assertThat(registry.get("plimsoll.load.rps").gauge().value()).isNaN();
        replay.replay(10);

        assertThat(rps).hasSize(run.timeline().size());
        assertThat(rps.stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(958);
        assertThat(pauses).containsOnly(100L);
        assertThat(registry.get("plimsoll.load.vus").gauge().value())
                .isEqualTo(run.timeline().vus().valueAt(run.timeline().size() - 1));
    }
}
