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
package dev.plimsoll.cloudwatch;

import dev.plimsoll.source.MetricSource;
import dev.plimsoll.source.MetricSourceProvider;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * {@code cloudwatch}: the live source, or a recording when {@code cloudwatch.replay} names a folder.
 *
 * @since 0.1
 */
public final class CloudWatchMetricSourceProvider implements MetricSourceProvider {
    @Override
    public String type() {
        return "cloudwatch";
    }

    @Override
    public Set<String> keys() {
        return Set.of(
                "region",
                "endpoint",
                "profile",
                "max-attempts",
                "attempt-timeout",
                "read-timeout",
                "replay",
                "cluster",
                "namespace",
                "service",
                "load-balancer",
                "target-group",
                "auto-scaling-group",
                "signal.");
    }

    @Override
    public MetricSource create(Function<String, @Nullable String> properties) {
        CloudWatchSourceConfig config = properties::apply;
        config.requireValid();
        return config.replay() != null
                ? CloudWatchRecording.open(config.replay())
                : CloudWatchMetricSource.builder(config).build();
    }
}
