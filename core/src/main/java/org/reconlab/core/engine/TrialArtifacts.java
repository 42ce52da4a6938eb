package org.reconlab.core.engine;

/**
 * Receives the arrays of each trial that ran to its end (status done or diverged; a failed trial has none), so a
 * caller can save them. Optional: runs without it ({@link #NONE}) copy and keep nothing extra.
 *
 * <p>Called on the trial's own thread, before the trial's {@link TrialListener} hears of it, so a trial reported
 * finished has its arrays saved. Calls for different trials may run at the same time: an implementation must be
 * thread-safe. An exception thrown here ends the run (like one from the listener), it does not fail the trial: a
 * result whose arrays were asked for and could not be saved is not silently kept.
 */
@FunctionalInterface
public interface TrialArtifacts {

    void trialArrays(TrialArrays arrays);

    TrialArtifacts NONE = arrays -> { };
}
