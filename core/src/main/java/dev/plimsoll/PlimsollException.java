package dev.plimsoll;

/**
 * Root of every exception Plimsoll throws on purpose. Never thrown directly: catch it to handle any
 * Plimsoll failure, or one of its subclasses for a specific one.
 *
 * @since 0.1
 */
public abstract class PlimsollException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected PlimsollException(String message) {
        super(message);
    }

    protected PlimsollException(String message, Throwable cause) {
        super(message, cause);
    }
}
