/**
 * One timeline for a run: cloud series shifted onto the load generator's clock by an estimated
 * {@link dev.plimsoll.align.ClockSkew}, kept at their own resolution, looked up by {@link dev.plimsoll.source.Signal}.
 */
@NullMarked
package dev.plimsoll.align;

import org.jspecify.annotations.NullMarked;
