package org.example.completion;

import java.util.List;
import org.reconlab.core.spi.MeasurementFactory;
import org.reconlab.core.spi.Plugin;
import org.reconlab.core.spi.ProblemFactory;

/** The plugin's one entry point, listed in META-INF/services/org.reconlab.core.spi.Plugin. */
public final class CompletionPlugin implements Plugin {

    @Override
    public String name() {
        return "completion";
    }

    @Override
    public List<ProblemFactory> problems() {
        return List.of(new OrthogonalLowRank.Factory());
    }

    @Override
    public List<MeasurementFactory> measurements() {
        return List.of(new EntrySampling.Factory());
    }
}
