package org.reconlab.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One gradient step of over-parameterized PSD sensing (d x d factor, {@code m = 5 d r} Gaussian measurements, the
 * Li-Ma-Zhang instance at d = 100), with the operator stored packed (what a PSD experiment uses) or dense.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx6g", "--add-modules=jdk.incubator.vector"})
public class GradientStepBenchmark {

    @Param({"100", "200"})
    public int d;

    @Param({"5"})
    public int r;

    @Param({"packed", "dense"})
    public String storage;

    private SensingInstance instance;

    @Setup
    public void setUp() {
        instance = SensingInstance.seeded(d, r, 5 * d * r, storage.equals("packed"), 2018);
    }

    /** Returns the loss so the step cannot be dropped; the step size is tiny so the iterates stay put. */
    @Benchmark
    public double step() {
        return instance.step(1e-9);
    }
}
