package org.reconlab.app.spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Opens files that come from outside (specs, {@code .npy} inputs) as hostile: a missing file, a directory, a FIFO or a
 * device, a path with a NUL, an oversized file each get a message that names the file and says what is wrong, before
 * anything is read or allocated.
 */
public final class InputFiles {

    private InputFiles() {
    }

    /** {@code text} as a path, or a {@link SpecError} naming {@code what} when it is not one (a NUL in it). */
    public static Path path(String text, String what) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new SpecError(what + " '" + printable(text) + "' is not a valid path: " + e.getReason());
        }
    }

    /**
     * Checks that {@code file} exists and is a regular file (symbolic links followed), and returns its length.
     *
     * @throws IOException whose message names the file and what it is instead
     */
    public static long requireRegularFile(Path file, String what) throws IOException {
        if (!Files.exists(file)) {
            Path parent = file.toAbsolutePath().getParent();
            throw new NoSuchFileException(file + ": no such " + what
                    + (parent != null && !Files.isDirectory(parent) ? " (directory " + parent + " does not exist)" : ""));
        }
        if (Files.isDirectory(file)) {
            throw new IOException(file + ": is a directory, not a " + what);
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": not a regular file (a FIFO, socket or device); a " + what
                    + " must be a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new AccessDeniedException(file + ": " + what + " is not readable (permission denied)");
        }
        return Files.size(file);
    }

    /**
     * The bytes of {@code file}, at most {@code maxBytes} of them.
     *
     * @throws SpecError naming the file when it is missing, not a regular file, unreadable or larger than the limit
     */
    public static byte[] readBounded(Path file, String what, long maxBytes) {
        try {
            long size = requireRegularFile(file, what);
            if (size > maxBytes) {
                throw new SpecError(file + ": a " + what + " of " + size + " bytes is larger than the limit of "
                        + maxBytes + " bytes");
            }
            try (InputStream in = Files.newInputStream(file)) {
                byte[] bytes = in.readNBytes((int) maxBytes + 1);
                if (bytes.length > maxBytes) {
                    throw new SpecError(file + ": a " + what + " larger than the limit of " + maxBytes + " bytes");
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new SpecError(e.getMessage() != null && e.getMessage().startsWith(file.toString()) ? e.getMessage()
                    : file + ": cannot read " + what + ": " + e);
        }
    }

    /** {@code text} with control characters (a NUL) shown as escapes, for messages. */
    public static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
