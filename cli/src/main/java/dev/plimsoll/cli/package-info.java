/** The {@code plimsoll} command line. */
@NullMarked
package dev.plimsoll.cli;

import org.jspecify.annotations.NullMarked;
