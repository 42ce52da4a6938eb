package org.reconlab.core.engine;

/**
 * A spec that cannot be built into pipelines. {@code path} locates the problem in the spec
 * ({@code measurement.m}, {@code model}, {@code metrics[2]}, {@code sweep.model.scale}) so the app can point at the
 * file and line; the message says what is wrong and what is allowed.
 */
public class InvalidSpecException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String path;

    public InvalidSpecException(String path, String message) {
        super(message);
        this.path = path;
    }

    public String path() {
        return path;
    }

    /** "path: message", or the message alone when the problem has no single place. */
    public String describe() {
        return path == null || path.isEmpty() ? getMessage() : path + ": " + getMessage();
    }
}
