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

import dev.plimsoll.align.AlignedRun;
import dev.plimsoll.analysis.AnalysisConfig;
import dev.plimsoll.analysis.DetectionContext;
import dev.plimsoll.finding.Finding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** The context of one analysis: findings grow as detectors run, shared computations are memoised. */
final class Context implements DetectionContext {
    private final AlignedRun run;
    private final AnalysisConfig config;
    private final List<Finding> findings = new ArrayList<>();
    private final Map<Object, Object> shared = new HashMap<>();

    Context(AlignedRun run, AnalysisConfig config) {
        this.run = Objects.requireNonNull(run, "run");
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public AlignedRun run() {
        return run;
    }

    @Override
    public AnalysisConfig config() {
        return config;
    }

    @Override
    public List<Finding> findings() {
        return Collections.unmodifiableList(findings);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T shared(Object key, Function<DetectionContext, T> compute) {
        Object v = shared.get(key);
        if (v == null) {
            v = Objects.requireNonNull(compute.apply(this), "shared computation returned null");
            shared.put(key, v);
        }
        return (T) v;
    }

    void add(List<Finding> more) {
        findings.addAll(more);
    }
}
