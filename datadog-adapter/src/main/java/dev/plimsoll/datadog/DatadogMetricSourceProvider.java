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
package dev.plimsoll.datadog;

import dev.plimsoll.source.MetricSource;
import dev.plimsoll.source.MetricSourceProvider;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * {@code datadog}: the live source (keys from the properties or the environment's {@code DD_API_KEY},
 * {@code DD_APP_KEY}, {@code DD_SITE}), or a recording when {@code datadog.replay} names a folder.
 *
 * @since 0.1
 */
public final class DatadogMetricSourceProvider implements MetricSourceProvider {
    @Override
    public String type() {
        return "datadog";
    }

    @Override
    public Set<String> keys() {
        return Set.of(
                "api-key",
                "app-key",
                "site",
                "base-url",
                "api",
                "retry-budget",
                "max-attempts",
                "connect-timeout",
                "read-timeout",
                "replay",
                "cluster",
                "service",
                "span",
                "load-balancer",
                "signal.");
    }

    @Override
    public MetricSource create(Function<String, @Nullable String> properties) {
        DatadogSourceConfig config = DatadogSourceConfig.withEnvironment(properties, System::getenv);
        config.requireValid();
        return config.replay() != null
                ? DatadogRecording.open(config.replay())
                : DatadogMetricSource.builder(config).build();
    }
}
