package org.reconlab.core.engine;

/** How a trial ended. Divergence is an outcome of the experiment, not an error of the program. */
public enum TrialStatus {
    /** The optimizer finished its budget or met its own stopping rule. */
    DONE,
    /** The iterate or the loss became NaN or infinite, or the loss exploded; the partial series is kept. */
    DIVERGED,
    /** The trial threw; the message says why and the partial series is kept. */
    FAILED,
    /** The trial ran longer than its {@code trial-timeout} and was stopped; the partial series is kept. */
    TIMED_OUT;

    /** The status as written in tables and manifests: {@code done}, {@code diverged}, {@code failed}, {@code timed-out}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The status whose {@link #label()} is {@code label}. */
    public static TrialStatus ofLabel(String label) {
        for (TrialStatus status : values()) {
            if (status.label().equals(label)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown trial status '" + label + "'");
    }
}
