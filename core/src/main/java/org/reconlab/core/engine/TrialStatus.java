package org.reconlab.core.engine;

/** How a trial ended. Divergence is an outcome of the experiment, not an error of the program. */
public enum TrialStatus {
    /** The optimizer finished its budget or met its own stopping rule. */
    DONE,
    /** The iterate or the loss became NaN or infinite, or the loss exploded; the partial series is kept. */
    DIVERGED,
    /** The trial threw; the message says why and the partial series is kept. */
    FAILED;

    public String label() {
        return name().toLowerCase();
    }
}
