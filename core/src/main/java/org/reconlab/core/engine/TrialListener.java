package org.reconlab.core.engine;

/**
 * Hears of each finished trial as soon as it finishes, so results can be saved one by one and an interrupted run
 * loses no finished trial. Calls are serialized by the runner.
 */
@FunctionalInterface
public interface TrialListener {

    void trialFinished(TrialResult result, int finished, int total);

    TrialListener NONE = (result, finished, total) -> { };
}
