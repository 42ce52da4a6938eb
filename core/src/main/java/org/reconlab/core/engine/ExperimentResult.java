package org.reconlab.core.engine;

import java.util.Comparator;
import java.util.List;

/** The results of every trial that ran (or was kept from an earlier run), in plan order. */
public record ExperimentResult(ExperimentSpec spec, List<TrialResult> trials) {

    public ExperimentResult {
        trials = trials.stream().sorted(Comparator.comparingInt(TrialResult::index)).toList();
    }

    public TrialResult trial(int index) {
        return trials.stream().filter(t -> t.index() == index).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no trial " + index));
    }
}
