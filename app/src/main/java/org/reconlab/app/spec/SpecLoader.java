package org.reconlab.app.spec;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reconlab.app.report.PlotRequest;
import org.reconlab.core.engine.ComponentSpec;
import org.reconlab.core.engine.ExperimentPlan;
import org.reconlab.core.engine.ExperimentSpec;
import org.reconlab.core.engine.InvalidSpecException;
import org.reconlab.core.engine.PipelineSpec;
import org.reconlab.core.engine.TrialRunner;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads an experiment spec from YAML, applies the {@code quick:} section and {@code --set} overrides, and turns it into
 * an {@link ExperimentSpec}. Every error names the file, the line, the key and what is allowed.
 *
 * <p>Overrides (in {@code quick:} and {@code --set}) are dotted paths: {@code problem.d}, {@code trials},
 * {@code seed}, {@code record-every}, {@code metrics}, {@code sweep.model.scale} (replaces or adds a sweep axis),
 * {@code optimizer.plugin} (swaps the plugin and clears its parameters). Setting a swept parameter removes its
 * sweep axis, so {@code --set model.scale=0.1} runs that value alone. An override also reaches every variant that
 * sets the same key itself, in a component it replaces wholesale or as a dotted key (quick's
 * {@code optimizer.iterations} shortens a baseline that swaps the optimizer and states its own budget);
 * {@code variants.NAME.<component>.<key>} overrides one variant alone.
 */
public final class SpecLoader {

    /** Keys allowed at the top of a spec. */
    public static final List<String> TOP_LEVEL_KEYS = List.of("name", "description", "seed", "trials", "draws", "problem",
            "measurement", "model", "optimizer", "metrics", "record-every", "trial-timeout", "sweep", "variants", "plots", "quick");

    private static final List<String> COMPONENTS = List.of("problem", "measurement", "model", "optimizer");
    private static final int DEFAULT_RECORD_EVERY = 10;

    /** Largest spec accepted, in bytes (and characters): a spec describes an experiment, it carries no data. */
    public static final int MAX_SPEC_BYTES = 1 << 20;

    /** Longest line accepted, in characters. */
    public static final int MAX_LINE_CHARS = 10_000;

    /** Deepest nesting of mappings and lists accepted. */
    private static final int MAX_DEPTH = 32;

    /** Most repetitions per sweep point ({@code trials:}); the plan as a whole has its own limit. */
    public static final int MAX_TRIALS = ExperimentPlan.MAX_TRIALS;

    private SpecLoader() {
    }

    /** Loads {@code file}, with its quick section applied if {@code quick}, then the {@code key=value} overrides. */
    public static ExperimentSpec load(Path file, boolean quick, List<String> sets) {
        return read(file, quick, sets).spec();
    }

    /** Like {@link #load}, keeping the resolved spec tree and value origins for the manifest and for error messages. */
    public static LoadedSpec read(Path file, boolean quick, List<String> sets) {
        return parse(file.toString(), decode(file.toString(), InputFiles.readBounded(file, "spec file", MAX_SPEC_BYTES)),
                quick, sets);
    }

    /** Parses spec text; {@code source} names it in messages. */
    public static LoadedSpec parse(String source, String text, boolean quick, List<String> sets) {
        checkSize(source, text);
        Origins origins = new Origins(source);
        Map<String, Object> tree = readTree(source, text, origins);
        for (String key : tree.keySet()) {
            if (!TOP_LEVEL_KEYS.contains(key)) {
                throw new SpecError(origins.locate(key) + ": unknown key '" + key + "'; allowed keys: "
                        + String.join(", ", TOP_LEVEL_KEYS));
            }
        }
        Object quickSection = tree.remove("quick");
        if (quick) {
            if (quickSection == null) {
                throw new SpecError(source + ": --quick given, but the spec has no 'quick:' section");
            }
            Map<String, Object> overrides = asMap(quickSection, "quick", origins);
            for (Map.Entry<String, Object> override : overrides.entrySet()) {
                String path = override.getKey();
                origins.put(path, origins.locate("quick." + path) + " (quick section)");
                applyOverride(tree, path, override.getValue(), origins);
            }
        }
        for (String set : sets) {
            int equals = set.indexOf('=');
            if (equals <= 0) {
                throw new SpecError("--set " + set + ": expected key=value, such as --set model.scale=0.01");
            }
            String path = set.substring(0, equals).trim();
            String where = "--set " + set;
            origins.put(path, where);
            applyOverride(tree, path, parseScalar(set.substring(equals + 1), where), origins);
        }
        return new LoadedSpec(source, toSpec(tree, origins), tree, origins, quick);
    }

    /** The text of a spec file: UTF-8, else an error at the line and column of the first byte that is not. */
    static String decode(String source, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new SpecError(source + ":" + line + ": byte 0x" + String.format("%02X", bytes[offset] & 0xFF)
                    + " at column " + (offset - lineStart + 1) + " is not UTF-8; save the spec as UTF-8");
        }
        return out.flip().toString();
    }

    private static void checkSize(String source, String text) {
        if (text.length() > MAX_SPEC_BYTES) {
            throw new SpecError(source + ": a spec of " + text.length() + " characters is larger than the limit of "
                    + MAX_SPEC_BYTES + "; a spec describes an experiment, data belongs in .npy files");
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i - lineStart > MAX_LINE_CHARS) {
                    throw new SpecError(source + ":" + line + ": line of " + (i - lineStart) + " characters is longer"
                            + " than the limit of " + MAX_LINE_CHARS + "; break long lists over several lines");
                }
                line++;
                lineStart = i + 1;
            }
        }
    }

    /**
     * Composes the YAML once into nodes, then builds the tree from them, so that every value and every error carries
     * the line it was written on.
     */
    private static Map<String, Object> readTree(String source, String text, Origins origins) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        SpecConstructor constructor = new SpecConstructor(options);
        Node root;
        try {
            root = new Yaml(constructor).compose(new java.io.StringReader(text));
            if (!(root instanceof MappingNode)) {
                throw new SpecError(source + ": a spec must be a YAML mapping of keys such as name, problem, model,"
                        + " optimizer");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> tree = (Map<String, Object>) toValue(root, "", origins, constructor, 0);
            return tree;
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            throw new SpecError(source + ":" + line + ": malformed YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new SpecError(source + ": malformed YAML: " + e.getMessage());
        }
    }

    /** Maps become LinkedHashMap (keys must be names), lists ArrayList, scalars their YAML type. */
    private static Object toValue(Node node, String path, Origins origins, SpecConstructor constructor, int depth) {
        String here = origins.file() + ":" + (node.getStartMark().getLine() + 1);
        if (depth > MAX_DEPTH) {
            throw new SpecError(here + ": nested more than " + MAX_DEPTH + " levels deep");
        }
        if (node instanceof MappingNode mapping) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                String keyLine = origins.file() + ":" + (keyNode.getStartMark().getLine() + 1);
                if (!(keyNode instanceof ScalarNode key) || !Tag.STR.equals(key.getTag())) {
                    String shown = keyNode instanceof ScalarNode scalar ? "'" + scalar.getValue() + "'" : "a "
                            + keyNode.getNodeId().name();
                    throw new SpecError(keyLine + ": key " + shown + (path.isEmpty() ? "" : " under " + path)
                            + " is not a name; keys are plain names such as 'plugin' or 'model.scale'");
                }
                String child = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
                if (out.containsKey(key.getValue())) {
                    throw new SpecError(keyLine + ": malformed YAML: duplicate key " + child);
                }
                origins.line(child, keyNode.getStartMark().getLine());
                out.put(key.getValue(), toValue(tuple.getValueNode(), child, origins, constructor, depth + 1));
                // A value's own lines (a nested mapping) must not move its key's.
                origins.line(child, keyNode.getStartMark().getLine());
            }
            return out;
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> out = new ArrayList<>();
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                String child = path + "[" + i + "]";
                origins.line(child, items.get(i).getStartMark().getLine());
                out.add(toValue(items.get(i), child, origins, constructor, depth + 1));
            }
            return out;
        }
        ScalarNode scalar = (ScalarNode) node;
        Object value = constructor.scalar(scalar);
        if (value instanceof java.math.BigInteger) {
            throw new SpecError(here + ": " + path + ": integer " + scalar.getValue() + " is too large");
        }
        if (value instanceof byte[] || value instanceof java.util.Date) {
            // No spec value is binary or a timestamp; shown as written, such values would read as Java object names.
            throw new SpecError(here + ": " + path + ": " + scalar.getTag().getValue() + " values are not allowed in a"
                    + " spec; write a number, a name or a list");
        }
        return value;
    }

    /** SafeConstructor's scalars (int, float, bool, null, str, timestamp), one node at a time. */
    private static final class SpecConstructor extends SafeConstructor {
        SpecConstructor(LoaderOptions options) {
            super(options);
        }

        Object scalar(ScalarNode node) {
            return constructObject(node);
        }
    }

    private static Object parseScalar(String text, String where) {
        if (text.length() > MAX_LINE_CHARS) {
            throw new SpecError(where.substring(0, where.indexOf('=') + 1) + "...: a value longer than "
                    + MAX_LINE_CHARS + " characters");
        }
        try {
            LoaderOptions options = new LoaderOptions();
            SpecConstructor constructor = new SpecConstructor(options);
            Node node = new Yaml(constructor).compose(new java.io.StringReader(text));
            return node == null ? null : toValue(node, "", new Origins(where), constructor, 0);
        } catch (YAMLException e) {
            throw new SpecError(where + ": malformed value: " + e.getMessage());
        } catch (SpecError e) {
            // The value is one line of its own: its line number says nothing.
            throw new SpecError(e.getMessage().replace(where + ":1: ", where + ": "));
        }
    }

    @SuppressWarnings("unchecked")
    private static void applyOverride(Map<String, Object> tree, String path, Object value, Origins origins) {
        String where = origins.locate(path);
        switch (path) {
            case "name", "description", "seed", "trials", "draws", "record-every", "trial-timeout", "metrics" -> {
                tree.put(path, value);
                return;
            }
            default -> {
            }
        }
        if (path.startsWith("variants.")) {
            overrideOneVariant(tree, path, value, origins);
            return;
        }
        if (path.startsWith("sweep.")) {
            Map<String, Object> sweep = (Map<String, Object>) tree.computeIfAbsent("sweep", k -> new LinkedHashMap<>());
            if (!(sweep instanceof Map)) {
                throw new SpecError(where + ": sweep: must be a mapping");
            }
            sweep.put(path.substring("sweep.".length()), value);
            origins.put(path, where);
            return;
        }
        int dot = path.indexOf('.');
        String component = dot < 0 ? path : path.substring(0, dot);
        if (dot < 0 || !COMPONENTS.contains(component)) {
            throw new SpecError(where + ": " + path + ": cannot override this key; allowed: name, description, seed,"
                    + " trials, draws, record-every, trial-timeout, metrics, sweep.<component>.<key>, <component>.<key> with component one of "
                    + String.join(", ", COMPONENTS));
        }
        Object existing = tree.get(component);
        if (existing == null) {
            throw new SpecError(where + ": " + path + ": the spec has no " + component + " to override");
        }
        String key = path.substring(dot + 1);
        setComponentKey(asMap(existing, component, origins), key, value);
        Object variants = tree.get("variants");
        if (variants instanceof Map<?, ?> byName) {
            for (Map.Entry<?, ?> variant : byName.entrySet()) {
                if (variant.getValue() instanceof Map<?, ?> body) {
                    overrideInVariant((Map<String, Object>) body, component, key, value, true);
                    origins.put("variants." + variant.getKey() + "." + path, where);
                }
            }
        }
        Object sweep = tree.get("sweep");
        if (sweep instanceof Map<?, ?> axes && axes.remove(path) != null) {
            origins.remove("sweep." + path);
        }
    }

    /**
     * {@code variants.NAME.<component>.<key>}: the override for one variant alone, on top of what the variant and the
     * overrides before it set.
     */
    @SuppressWarnings("unchecked")
    private static void overrideOneVariant(Map<String, Object> tree, String path, Object value, Origins origins) {
        String where = origins.locate(path);
        String[] parts = path.split("\\.", 4);
        Object variants = tree.get("variants");
        if (!(variants instanceof Map<?, ?> byName) || byName.isEmpty()) {
            throw new SpecError(where + ": " + path + ": the spec has no variants to override");
        }
        if (parts.length < 4 || !COMPONENTS.contains(parts[2])) {
            throw new SpecError(where + ": " + path + ": cannot override this key; allowed: variants.NAME.<component>.<key>"
                    + " with component one of " + String.join(", ", COMPONENTS));
        }
        Object body = byName.get(parts[1]);
        if (body == null && !byName.containsKey(parts[1])) {
            throw new SpecError(where + ": " + path + ": no variant '" + parts[1] + "'; variants: "
                    + String.join(", ", ((Map<String, Object>) byName).keySet()));
        }
        Map<String, Object> overrides = body == null ? new LinkedHashMap<>() : asMap(body, "variants." + parts[1], origins);
        ((Map<String, Object>) byName).put(parts[1], overrides);
        overrideInVariant(overrides, parts[2], parts[3], value, false);
        origins.put(path, where);
    }

    /**
     * Sets {@code component.key} in one variant's overrides: inside the component the variant replaces wholesale, or as
     * a dotted override of its own. With {@code onlyWhereSet} (an override of the whole run) only a key the variant
     * sets itself is overridden: a variant that sets nothing of it inherits the base spec's value anyway, and a
     * variant that replaces the component with another plugin keeps that plugin and the defaults of the keys it
     * leaves out (a tolerance meant for the base solver does not reach a gradient-descent baseline that has none). A
     * plugin swap drops the variant's dotted keys of the component, which belonged to the old plugin.
     */
    @SuppressWarnings("unchecked")
    private static void overrideInVariant(Map<String, Object> overrides, String component, String key, Object value,
            boolean onlyWhereSet) {
        String dotted = component + "." + key;
        if (overrides.get(component) instanceof Map<?, ?> whole) {
            if (!onlyWhereSet || !key.equals("plugin") && whole.containsKey(key)) {
                setComponentKey((Map<String, Object>) whole, key, value);
            }
            return;
        }
        if (key.equals("plugin")) {
            overrides.keySet().removeIf(k -> k.startsWith(component + "."));
        }
        if (!onlyWhereSet || overrides.containsKey(dotted)) {
            overrides.put(dotted, value);
        }
    }

    private static void setComponentKey(Map<String, Object> component, String key, Object value) {
        if (key.equals("plugin")) {
            component.clear();
        }
        component.put(key, value);
    }

    private static ExperimentSpec toSpec(Map<String, Object> tree, Origins origins) {
        try {
            String name = string(tree, "name", null, origins);
            long seed = integer(tree, "seed", 0, Long.MIN_VALUE, Long.MAX_VALUE, origins);
            int trials = (int) integer(tree, "trials", 1, 1, MAX_TRIALS, origins);
            int recordEvery = (int) integer(tree, "record-every", DEFAULT_RECORD_EVERY, 1, Integer.MAX_VALUE, origins);
            ComponentSpec problem = component(tree, "problem", true, origins).orElseThrow();
            Optional<ComponentSpec> measurement = component(tree, "measurement", false, origins);
            ComponentSpec model = component(tree, "model", true, origins).orElseThrow();
            ComponentSpec optimizer = component(tree, "optimizer", true, origins).orElseThrow();
            List<ComponentSpec> metrics = metrics(tree.get("metrics"), origins);
            PipelineSpec pipeline = new PipelineSpec(problem, measurement, model, optimizer, metrics, recordEvery);
            PlotRequest.parseAll(tree.get("plots"), origins::locate);
            return new ExperimentSpec(name, seed, trials, pipeline, sweep(tree.get("sweep"), origins),
                    variants(tree.get("variants"), origins), duration(tree, "trial-timeout", origins),
                    draws(tree, origins));
        } catch (InvalidSpecException e) {
            throw locate(e, origins);
        }
    }

    private static ExperimentSpec.Draws draws(Map<String, Object> tree, Origins origins) {
        String draws = string(tree, "draws", "paired", origins);
        return switch (draws) {
            case "paired" -> ExperimentSpec.Draws.PAIRED;
            case "independent" -> ExperimentSpec.Draws.INDEPENDENT;
            default -> throw new SpecError(origins.locate("draws") + ": draws: must be paired or independent, got '"
                    + draws + "'");
        };
    }

    static SpecError locate(InvalidSpecException e, Origins origins) {
        return new SpecError(origins.locate(e.path()) + ": " + e.describe());
    }

    private static Optional<ComponentSpec> component(Map<String, Object> tree, String key, boolean required, Origins origins) {
        Object value = tree.get(key);
        if (value == null) {
            if (required) {
                throw new SpecError(origins.file() + ": required key '" + key + "' is missing; it needs at least"
                        + " { plugin: NAME } (see `reconlab list`)");
            }
            return Optional.empty();
        }
        return Optional.of(componentSpec(value, key, origins));
    }

    private static ComponentSpec componentSpec(Object value, String path, Origins origins) {
        Map<String, Object> map = new LinkedHashMap<>(asMap(value, path, origins));
        Object plugin = map.remove("plugin");
        if (!(plugin instanceof String name)) {
            boolean written = plugin != null || asMap(value, path, origins).containsKey("plugin");
            throw new SpecError(origins.locate(written ? path + ".plugin" : path) + ": " + path
                    + ": needs 'plugin: NAME' (see `reconlab list`)" + (plugin == null ? "" : ", got " + plugin));
        }
        return new ComponentSpec(name, map);
    }

    private static List<ComponentSpec> metrics(Object value, Origins origins) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new SpecError(origins.locate("metrics") + ": metrics: must be a list of metric names or"
                    + " { plugin: NAME, ... } mappings");
        }
        List<ComponentSpec> metrics = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            String path = "metrics[" + i + "]";
            metrics.add(item instanceof String name ? ComponentSpec.of(name) : componentSpec(item, path, origins));
        }
        return metrics;
    }

    private static Map<String, List<Object>> sweep(Object value, Origins origins) {
        Map<String, List<Object>> sweep = new LinkedHashMap<>();
        if (value == null) {
            return sweep;
        }
        for (Map.Entry<String, Object> axis : asMap(value, "sweep", origins).entrySet()) {
            String path = "sweep." + axis.getKey();
            if (!(axis.getValue() instanceof List<?> values) || values.isEmpty()) {
                throw new SpecError(origins.locate(path) + ": " + path + ": must be a non-empty list of values,"
                        + " such as [0.1, 0.01]");
            }
            sweep.put(axis.getKey(), new ArrayList<>(values));
        }
        return sweep;
    }

    private static Map<String, Map<String, Object>> variants(Object value, Origins origins) {
        Map<String, Map<String, Object>> variants = new LinkedHashMap<>();
        if (value == null) {
            return variants;
        }
        for (Map.Entry<String, Object> variant : asMap(value, "variants", origins).entrySet()) {
            String path = "variants." + variant.getKey();
            Map<String, Object> overrides = new LinkedHashMap<>();
            Object body = variant.getValue() == null ? Map.of() : variant.getValue();
            for (Map.Entry<String, Object> override : asMap(body, path, origins).entrySet()) {
                String key = override.getKey();
                boolean whole = COMPONENTS.contains(key);
                overrides.put(key, whole ? componentSpec(override.getValue(), path + "." + key, origins) : override.getValue());
            }
            variants.put(variant.getKey(), overrides);
        }
        return variants;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value, String path, Origins origins) {
        if (!(value instanceof Map<?, ?>)) {
            throw new SpecError(origins.locate(path) + ": " + path + ": must be a mapping of keys to values, got " + value);
        }
        return (Map<String, Object>) value;
    }

    private static String string(Map<String, Object> tree, String key, String fallback, Origins origins) {
        Object value = tree.get(key);
        if (value == null) {
            if (fallback == null) {
                throw new SpecError((tree.containsKey(key) ? origins.locate(key) + ": required key '" + key
                        + "' has no value" : origins.file() + ": required key '" + key + "' is missing"));
            }
            return fallback;
        }
        if (!(value instanceof String s) || !s.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new SpecError(origins.locate(key) + ": " + key + ": must be a name of letters, digits, '.', '_' and"
                    + " '-', got " + value);
        }
        return s;
    }

    /** Longest {@code trial-timeout} accepted. */
    private static final Duration MAX_TIMEOUT = Duration.ofDays(365);

    /**
     * A duration: seconds as a number ({@code 90}, {@code 1.5}), or a number with a unit {@code s}, {@code m}, {@code h}
     * or {@code d} ({@code 90s}, {@code 30m}, {@code 2h}); {@link TrialRunner#DEFAULT_TIMEOUT} when absent.
     */
    private static Duration duration(Map<String, Object> tree, String key, Origins origins) {
        Object value = tree.get(key);
        if (value == null) {
            return TrialRunner.DEFAULT_TIMEOUT;
        }
        String bad = origins.locate(key) + ": " + key + ": must be a positive duration up to 365d, such as 90 (seconds),"
                + " 90s, 30m, 2h or 1d; got " + value;
        double seconds;
        if (value instanceof Integer || value instanceof Long || value instanceof Double) {
            seconds = ((Number) value).doubleValue();
        } else if (value instanceof String text && text.matches("\\d+(\\.\\d+)?[smhd]")) {
            double number = Double.parseDouble(text.substring(0, text.length() - 1));
            seconds = number * switch (text.charAt(text.length() - 1)) {
                case 's' -> 1;
                case 'm' -> 60;
                case 'h' -> 3600;
                default -> 86400;
            };
        } else {
            throw new SpecError(bad);
        }
        if (!(seconds > 0) || seconds > MAX_TIMEOUT.getSeconds()) {
            throw new SpecError(bad);
        }
        return Duration.ofNanos(Math.max(1, Math.round(seconds * 1e9)));
    }

    /** An integer value, range-checked as a long before any caller narrows it. */
    private static long integer(Map<String, Object> tree, String key, long fallback, long minimum, long maximum,
            Origins origins) {
        Object value = tree.get(key);
        if (value == null) {
            return fallback;
        }
        String allowed = minimum == Long.MIN_VALUE ? "an integer" : maximum == Long.MAX_VALUE
                ? "an integer >= " + minimum : "an integer in [" + minimum + ", " + maximum + "]";
        if (!(value instanceof Integer || value instanceof Long)) {
            throw new SpecError(origins.locate(key) + ": " + key + ": must be " + allowed + ", got " + value);
        }
        long number = ((Number) value).longValue();
        if (number < minimum || number > maximum) {
            throw new SpecError(origins.locate(key) + ": " + key + ": must be " + allowed + ", got " + value);
        }
        return number;
    }
}
