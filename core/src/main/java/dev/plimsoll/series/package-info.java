/**
 * Time series values: {@link dev.plimsoll.series.TimeSeries} over primitive arrays (NaN marks a gap),
 * their identity ({@link dev.plimsoll.series.MetricId}, {@link dev.plimsoll.series.Statistic}),
 * windows and sets.
 */
@NullMarked
package dev.plimsoll.series;

import org.jspecify.annotations.NullMarked;
