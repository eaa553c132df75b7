/** Helpers shared between Plimsoll's packages; not API, may change in any release. */
@NullMarked
package dev.plimsoll.internal;

import org.jspecify.annotations.NullMarked;
