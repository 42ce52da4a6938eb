package org.reconlab.app.spec;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each value of a spec came from ({@code spec.yaml:12}, {@code quick section at spec.yaml:30},
 * {@code --set model.scale=0.1}), by dotted path, so an error found deep in the engine can point at a line.
 */
final class Origins {

    private final String file;
    private final Map<String, String> byPath = new HashMap<>();

    Origins(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    void put(String path, String origin) {
        byPath.put(path, origin);
    }

    void remove(String path) {
        byPath.remove(path);
    }

    void line(String path, int zeroBasedLine) {
        byPath.put(path, file + ":" + (zeroBasedLine + 1));
    }

    /** The origin of a sweep axis over {@code path}, else of {@code path} itself, else of its nearest enclosing key, else the file. */
    String locate(String path) {
        if (path == null || path.isEmpty()) {
            return file;
        }
        String candidate = path;
        while (true) {
            // A swept value comes from the sweep line, whatever the base spec says.
            String origin = byPath.get("sweep." + candidate);
            if (origin == null) {
                origin = byPath.get(candidate);
            }
            if (origin != null) {
                return origin;
            }
            int cut = Math.max(candidate.lastIndexOf('.'), candidate.lastIndexOf('['));
            if (cut <= 0) {
                return file;
            }
            candidate = candidate.substring(0, cut);
        }
    }
}
