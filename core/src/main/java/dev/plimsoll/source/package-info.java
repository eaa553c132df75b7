/**
 * The source SPI: {@link dev.plimsoll.source.MetricSource} fetches normalised series (ascending time, NaN gaps,
 * units, statistic) for {@link dev.plimsoll.source.MetricQuery}s, each playing a {@link dev.plimsoll.source.Signal}
 * role, and says what it could not get ({@link dev.plimsoll.source.Coverage}). Adapters plug in through
 * {@link java.util.ServiceLoader} ({@link dev.plimsoll.source.MetricSourceProvider}).
 */
@NullMarked
package dev.plimsoll.source;

import org.jspecify.annotations.NullMarked;
