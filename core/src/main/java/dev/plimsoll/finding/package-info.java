/**
 * What an analysis found: {@link dev.plimsoll.finding.Finding}s with a stable {@link dev.plimsoll.finding.FindingKind},
 * a {@link dev.plimsoll.finding.Severity}, a one-sentence reason with the numbers, and the
 * {@link dev.plimsoll.finding.Evidence} a person can check on the charts.
 */
@NullMarked
package dev.plimsoll.finding;

import org.jspecify.annotations.NullMarked;
