package org.reconlab.app.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reconlab.core.engine.TrialResult;
import org.reconlab.core.engine.TrialStatus;

class TrialRecordTest {

    @Test
    void nonFiniteSweepValuesComeBackAsNumbersFromTheTrialFile() throws Exception {
        Map<String, Object> sweep = new LinkedHashMap<>();
        sweep.put("model.p", Double.POSITIVE_INFINITY);
        sweep.put("model.q", Double.NEGATIVE_INFINITY);
        sweep.put("problem.d", 16);
        sweep.put("variant", "plain");
        TrialResult result = new TrialResult(3, 1, sweep, 7L, TrialStatus.DONE, "", 10, Map.of("loss", 0.5),
                List.of(), 0.25);

        String json = RunDirectory.JSON.writeValueAsString(TrialRecord.of(result, "fingerprint"));
        TrialResult read = RunDirectory.JSON.readValue(json, TrialRecord.class).toResult();

        assertThat(json).contains("\"Infinity\"");
        assertThat(read.sweepValues()).containsEntry("model.p", Double.POSITIVE_INFINITY)
                .containsEntry("model.q", Double.NEGATIVE_INFINITY).containsEntry("problem.d", 16)
                .containsEntry("variant", "plain");
    }
}
