/**
 * Not API: the built-in detectors, the computations they share and the orchestrator that runs them. Public only so
 * that {@code dev.plimsoll.analysis.Detectors} and the pipeline can reach them; may change in any release.
 */
@NullMarked
package dev.plimsoll.analysis.internal;

import org.jspecify.annotations.NullMarked;
