/**
 * The root of Plimsoll's exceptions: catch {@link dev.plimsoll.error.PlimsollException} to handle any failure Plimsoll
 * reports on purpose (bad input, configuration, a source that cannot be reached); its subclasses live beside the code
 * that throws them.
 */
@NullMarked
package dev.plimsoll.error;

import org.jspecify.annotations.NullMarked;
