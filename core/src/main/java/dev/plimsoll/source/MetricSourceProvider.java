package dev.plimsoll.source;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * {@link java.util.ServiceLoader} entry point of an adapter, listed in
 * {@code META-INF/services/dev.plimsoll.source.MetricSourceProvider}.
 *
 * @since 0.1
 */
public interface MetricSourceProvider {
    /** The type of the sources it creates, e.g. {@code cloudwatch}. */
    String type();

    /**
     * Creates a source from configuration properties ({@code <type>.<key>}, e.g. {@code cloudwatch.region}).
     *
     * @throws ConfigurationException listing every problem of the configuration
     */
    MetricSource create(Function<String, @Nullable String> properties);
}
