/**
 * Reports of an analysis ({@link dev.plimsoll.report.Report}, written in each
 * {@link dev.plimsoll.report.ReportFormat}): {@link dev.plimsoll.report.JsonReport} (a documented, versioned schema),
 * a self-contained HTML page with the charts on one time axis, Markdown (a CI job summary) and JUnit XML. Output is
 * deterministic: stable ordering, locale-independent numbers, ISO-8601 UTC instants (the HTML page shows its times in
 * the zone of {@link dev.plimsoll.report.ReportOptions}, UTC by default).
 */
@NullMarked
package dev.plimsoll.report;

import org.jspecify.annotations.NullMarked;
