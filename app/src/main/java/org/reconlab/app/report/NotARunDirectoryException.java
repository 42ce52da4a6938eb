package org.reconlab.app.report;

import java.io.IOException;

/** A directory given to {@code reconlab plot} that is missing or holds no run; the CLI exits with code 2. */
public final class NotARunDirectoryException extends IOException {

    private static final long serialVersionUID = 1L;

    NotARunDirectoryException(String message) {
        super(message);
    }
}
