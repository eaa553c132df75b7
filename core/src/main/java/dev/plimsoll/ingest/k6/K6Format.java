package dev.plimsoll.ingest.k6;

/**
 * The k6 output formats Plimsoll reads, told apart by content (not by file name).
 *
 * @since 0.1
 */
public enum K6Format {
    /** {@code k6 run --out json=results.json[.gz]}: one JSON object per line, {@code Metric} and {@code Point}. */
    NDJSON,
    /** {@code k6 run --out csv=results.csv[.gz]}: a header built from the enabled tags, then one sample per row. */
    CSV,
    /** {@code k6 run --summary-export=summary.json}: figures per metric; {@code thresholds: {expr: true}} means failed. */
    SUMMARY_EXPORT,
    /** The data object {@code handleSummary(data)} receives, written with {@code JSON.stringify(data)}. */
    HANDLE_SUMMARY
}
