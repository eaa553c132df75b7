package dev.plimsoll.cloudwatch;

import dev.plimsoll.source.MetricSource;
import dev.plimsoll.source.MetricSourceProvider;
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
    public MetricSource create(Function<String, @Nullable String> properties) {
        CloudWatchSourceConfig config = properties::apply;
        config.requireValid();
        return config.replay() != null ? CloudWatchRecording.open(config.replay())
                : CloudWatchMetricSource.builder(config).build();
    }
}
