/**
 * Reports of an analysis: {@link dev.plimsoll.report.JsonReport} (a documented, versioned schema) and
 * {@link dev.plimsoll.report.MarkdownReport} (a CI job summary). Output is deterministic: stable ordering,
 * locale-independent numbers, ISO-8601 UTC instants.
 */
@NullMarked
package dev.plimsoll.report;

import org.jspecify.annotations.NullMarked;
