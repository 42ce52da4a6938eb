package org.reconlab.app.arrays;

import java.util.List;
import org.reconlab.core.spi.Plugin;
import org.reconlab.core.spi.ProblemFactory;

/** The components the app module contributes: a ground truth read from a NumPy file. */
public final class ArraysPlugin implements Plugin {

    @Override
    public String name() {
        return "app";
    }

    @Override
    public List<ProblemFactory> problems() {
        return List.of(new NpySignalProblem.Factory());
    }
}
