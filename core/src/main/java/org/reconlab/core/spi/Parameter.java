package org.reconlab.core.spi;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One declared parameter of a component: name, type, default, allowed values and a one-line doc.
 * A {@code null} default means the parameter is optional and its value is derived by the component
 * (for example a width that defaults to the dimension of the problem); {@link Config} then reports it absent.
 *
 * @param minimum smallest allowed value (numbers and list elements), inclusive
 * @param maximum largest allowed value, inclusive
 * @param choices allowed names for {@link ParameterType#CHOICE}, empty otherwise
 */
public record Parameter(
        String name,
        ParameterType type,
        Object defaultValue,
        double minimum,
        double maximum,
        List<String> choices,
        String doc) {

    public Parameter {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(doc, "doc is null");
        choices = List.copyOf(choices);
        if (!name.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("parameter name '" + name + "' is not kebab-case");
        }
        if (type == ParameterType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("choice parameter '" + name + "' declares no choices");
        }
        if (defaultValue != null) {
            // The default goes through the same check as a spec value, so a declaration cannot lie.
            defaultValue = new Parameter(name, type, null, minimum, maximum, choices, doc).coerce(defaultValue);
        }
    }

    public static Parameter integer(String name, Integer defaultValue, long minimum, long maximum, String doc) {
        return new Parameter(name, ParameterType.INTEGER, defaultValue, minimum, maximum, List.of(), doc);
    }

    public static Parameter real(String name, Double defaultValue, double minimum, double maximum, String doc) {
        return new Parameter(name, ParameterType.REAL, defaultValue, minimum, maximum, List.of(), doc);
    }

    /**
     * The {@code minimum} of a real that must be positive, {@code > 0}: the smallest positive double, so that 0 is
     * refused and every positive value allowed; {@link #allowed()} says "a real number > 0".
     */
    public static final double POSITIVE = Double.MIN_VALUE;

    /** A real that must be {@code > 0}, unbounded above: {@code real(name, defaultValue, POSITIVE, MAX_VALUE, doc)}. */
    public static Parameter positiveReal(String name, Double defaultValue, String doc) {
        return real(name, defaultValue, POSITIVE, Double.MAX_VALUE, doc);
    }

    public static Parameter bool(String name, boolean defaultValue, String doc) {
        return new Parameter(name, ParameterType.BOOLEAN, defaultValue, 0, 1, List.of(), doc);
    }

    public static Parameter choice(String name, String defaultValue, List<String> choices, String doc) {
        return new Parameter(name, ParameterType.CHOICE, defaultValue, 0, 0, choices, doc);
    }

    public static Parameter integers(String name, List<Integer> defaultValue, long minimum, long maximum, String doc) {
        return new Parameter(name, ParameterType.INTEGER_LIST, defaultValue, minimum, maximum, List.of(), doc);
    }

    public static Parameter reals(String name, List<Double> defaultValue, double minimum, double maximum, String doc) {
        return new Parameter(name, ParameterType.REAL_LIST, defaultValue, minimum, maximum, List.of(), doc);
    }

    /** A free-text parameter (a file path, a name); a {@code null} default makes it optional. */
    public static Parameter string(String name, String defaultValue, String doc) {
        return new Parameter(name, ParameterType.STRING, defaultValue, 0, 0, List.of(), doc);
    }

    /** Human-readable allowed values, as printed in error messages and by {@code reconlab describe}. */
    public String allowed() {
        return switch (type) {
            case CHOICE -> "one of " + String.join(", ", choices);
            case BOOLEAN -> "true or false";
            case INTEGER, INTEGER_LIST -> range("an integer", (long) minimum, (long) maximum, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case REAL, REAL_LIST -> rangeReal();
            case STRING -> "a non-empty string";
        };
    }

    private String allowedForType() {
        return switch (type) {
            case INTEGER_LIST -> "a non-empty list, each element " + allowed();
            case REAL_LIST -> "a non-empty list, each element " + allowed();
            default -> allowed();
        };
    }

    /**
     * Checks a raw spec value (as parsed from YAML: Integer, Long, Double, String, Boolean, List) and returns it in
     * its canonical Java type (Integer, Double, Boolean, String, List of Integer or Double).
     *
     * @throws ConfigException naming this parameter, the bad value and the allowed values
     */
    public Object coerce(Object raw) {
        requireNonNull(raw, "raw is null");
        return switch (type) {
            case INTEGER -> checkInteger(raw);
            case REAL -> checkReal(raw);
            case BOOLEAN -> {
                if (!(raw instanceof Boolean)) {
                    throw mismatch(raw);
                }
                yield raw;
            }
            case CHOICE -> {
                if (!(raw instanceof String s) || !choices.contains(s)) {
                    throw mismatch(raw);
                }
                yield s;
            }
            case INTEGER_LIST -> {
                List<Integer> values = new ArrayList<>();
                for (Object element : asList(raw)) {
                    values.add(checkInteger(element));
                }
                yield List.copyOf(values);
            }
            case REAL_LIST -> {
                List<Double> values = new ArrayList<>();
                for (Object element : asList(raw)) {
                    values.add(checkReal(element));
                }
                yield List.copyOf(values);
            }
            case STRING -> {
                if (!(raw instanceof String s) || s.isBlank()) {
                    throw mismatch(raw);
                }
                yield s;
            }
        };
    }

    private List<?> asList(Object raw) {
        if (!(raw instanceof List<?> list) || list.isEmpty()) {
            throw mismatch(raw);
        }
        return list;
    }

    private Integer checkInteger(Object raw) {
        // A whole real such as 2.5e3 is accepted: researchers write sample counts that way.
        boolean whole = raw instanceof Integer || raw instanceof Long
                || raw instanceof Double d && Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 0x1p53;
        if (!whole) {
            throw mismatch(raw);
        }
        long value = ((Number) raw).longValue();
        if (value < minimum || value > maximum || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw mismatch(raw);
        }
        return (int) value;
    }

    private Double checkReal(Object raw) {
        if (!(raw instanceof Number number) || raw instanceof java.math.BigInteger) {
            throw mismatch(raw);
        }
        double value = number.doubleValue();
        if (Double.isNaN(value) || value < minimum || value > maximum) {
            throw mismatch(raw);
        }
        return value;
    }

    private ConfigException mismatch(Object raw) {
        String shown = raw instanceof String ? "'" + raw + "' (a string)"
                : raw instanceof List<?> ? raw + " (a list)"
                : raw instanceof Map<?, ?> ? raw + " (a mapping)" : String.valueOf(raw);
        return new ConfigException(name, "bad value " + shown + "; allowed: " + allowedForType());
    }

    private static String range(String what, long min, long max, long floor, long ceiling) {
        if (min <= floor && max >= ceiling) {
            return what;
        }
        if (max >= ceiling) {
            return what + " >= " + min;
        }
        if (min <= floor) {
            return what + " <= " + max;
        }
        return what + " in [" + min + ", " + max + "]";
    }

    private String rangeReal() {
        boolean open = minimum == Double.NEGATIVE_INFINITY || minimum == -Double.MAX_VALUE;
        boolean openTop = maximum == Double.POSITIVE_INFINITY || maximum == Double.MAX_VALUE;
        if (open && openTop) {
            return "a real number";
        }
        if (openTop) {
            return minimum == POSITIVE ? "a real number > 0" : "a real number >= " + minimum;
        }
        if (open) {
            return "a real number <= " + maximum;
        }
        return "a real number in [" + (minimum == POSITIVE ? "0 (exclusive)" : minimum) + ", " + maximum + "]";
    }
}
