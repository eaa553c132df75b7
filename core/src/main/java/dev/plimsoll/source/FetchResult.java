package dev.plimsoll.source;

import dev.plimsoll.series.SeriesSet;
import java.util.List;
import java.util.Objects;

/**
 * What a fetch returned: normalised series (ascending, NaN gaps on the series' own grid, values in the query's
 * unit), the coverage of every query, and messages that concern the whole fetch.
 *
 * @since 0.1
 */
public record FetchResult(SeriesSet series, List<Coverage> coverage, List<String> messages) {
    public FetchResult {
        Objects.requireNonNull(series, "series");
        coverage = List.copyOf(coverage);
        messages = List.copyOf(messages);
    }
}
