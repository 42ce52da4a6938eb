package org.reconlab.core.spi;

/** The five kinds of pipeline component, with the spec key each is configured under. */
public enum ComponentKind {
    PROBLEM("problem"),
    MEASUREMENT("measurement"),
    MODEL("model"),
    OPTIMIZER("optimizer"),
    METRIC("metrics");

    private final String specKey;

    ComponentKind(String specKey) {
        this.specKey = specKey;
    }

    /** The top-level spec key, e.g. {@code measurement}. */
    public String specKey() {
        return specKey;
    }
}
