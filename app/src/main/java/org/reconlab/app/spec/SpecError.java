package org.reconlab.app.spec;

/**
 * A spec that cannot be used, located in its file: {@code file:line: key: what is wrong; what is allowed}.
 * The CLI prints the message and exits with code 2.
 */
public class SpecError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SpecError(String message) {
        super(message);
    }
}
