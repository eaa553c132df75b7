/**
 * Streaming readers for k6's outputs: {@code --out json} NDJSON (plain or gzip), {@code --out csv} (plain or
 * gzip), {@code --summary-export} and {@code handleSummary} JSON. Start with {@link dev.plimsoll.ingest.k6.K6Reader}.
 */
@NullMarked
package dev.plimsoll.ingest.k6;

import org.jspecify.annotations.NullMarked;
