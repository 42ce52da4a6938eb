package org.reconlab.core.spi;

/** The value types a component parameter can take in a spec. */
public enum ParameterType {
    INTEGER("integer"),
    REAL("real number"),
    BOOLEAN("boolean"),
    CHOICE("one of a fixed set of names"),
    INTEGER_LIST("list of integers"),
    REAL_LIST("list of real numbers"),
    /** Free text, such as a file path; components resolve paths with {@link BuildContext#resolvePath}. */
    STRING("string");

    private final String description;

    ParameterType(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
