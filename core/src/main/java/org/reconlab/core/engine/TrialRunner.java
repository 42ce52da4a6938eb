package org.reconlab.core.engine;

import cern.colt.matrix.DoubleMatrix2D;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.reconlab.core.random.RandomStreams;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.IterationObserver;
import org.reconlab.core.spi.MetricContext;
import org.reconlab.core.spi.Model;
import org.reconlab.core.spi.Objective;
import org.reconlab.core.spi.Observations;
import org.reconlab.core.spi.OptimizationTask;
import org.reconlab.core.spi.Shape;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one trial of a pipeline: draws truth, observations and initialization from the trial's streams, runs the
 * optimizer, records metrics every {@code record-every} iterations and at the last one, and watches for divergence.
 */
public final class TrialRunner {

    /**
     * A loss this many times its starting value (or NaN/infinite) ends the trial as diverged: far beyond any transient
     * rise of a convergent run, early enough to keep the series readable. A start below {@link #LOSS_FLOOR} counts as
     * the floor, so a run that starts at (or near) zero loss, such as a GAN whose discriminator starts at zero, is not
     * called diverged by its first positive loss.
     */
    public static final double EXPLOSION_FACTOR = 1e8;

    /** The smallest starting loss the explosion rule measures against. */
    public static final double LOSS_FLOOR = 1.0;

    private static final Logger log = LoggerFactory.getLogger(TrialRunner.class);

    private TrialRunner() {
    }

    public static TrialResult run(Pipeline pipeline, RandomStreams streams, int index, int repetition,
            Map<String, Object> sweepValues) {
        return run(pipeline, streams, index, repetition, sweepValues, TrialArtifacts.NONE);
    }

    /**
     * Runs the trial; if it runs to its end (done or diverged), hands its arrays to {@code artifacts} before
     * returning. An exception from {@code artifacts} propagates (see {@link TrialArtifacts}).
     */
    public static TrialResult run(Pipeline pipeline, RandomStreams streams, int index, int repetition,
            Map<String, Object> sweepValues, TrialArtifacts artifacts) {
        java.util.Objects.requireNonNull(artifacts, "artifacts is null");
        long start = System.nanoTime();
        Recorder recorder = null;
        TrialArrays arrays = null;
        TrialResult result;
        try {
            GroundTruth truth = pipeline.problem().draw(streams.stream(repetition, "problem"));
            Optional<Observations> observations = pipeline.measurement()
                    .map(m -> m.observe(truth, streams.stream(repetition, "measurement")));
            Model model = pipeline.model();
            Blocks initial = model.initialize(truth, observations, streams.stream(repetition, "model"));
            // Optimizers may update blocks in place: keep the initial values only if someone wants them.
            Blocks initialCopy = artifacts == TrialArtifacts.NONE ? null : initial.copy();
            Optional<Objective> objective = observations.map(model::objective);
            Supplier<Optional<Observations>> test = memoize(() -> pipeline.measurement()
                    .map(m -> m.noiseless().observe(truth, streams.stream(repetition, "measurement/test"))));
            recorder = new Recorder(pipeline, truth, observations, objective, test);
            SplittableRandom optimizerRandom = streams.stream(repetition, "optimizer");
            pipeline.optimizer().run(new OptimizationTask(model, initial, objective, observations, truth, optimizerRandom),
                    recorder);
            recorder.finish();
            if (initialCopy != null) {
                DoubleMatrix2D estimate = model.signalShape().kind() == Shape.Kind.FUNCTION
                        ? null : model.signal(recorder.lastParameters);
                arrays = new TrialArrays(index, truth, observations, initialCopy, recorder.lastParameters, estimate);
            }
            result = recorder.result(index, repetition, sweepValues, streams.trialSeed(repetition), seconds(start));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            log.warn("trial {} failed: {}", index, e.toString());
            log.debug("trial {} failed here", index, e);
            String message = e.getClass().getSimpleName() + ": " + e.getMessage();
            List<SeriesPoint> series = recorder == null ? List.of() : recorder.series;
            Map<String, Double> last = recorder == null ? Map.of() : recorder.lastValues;
            int iterations = recorder == null ? 0 : recorder.lastIteration;
            return new TrialResult(index, repetition, sweepValues, streams.trialSeed(repetition), TrialStatus.FAILED,
                    message, iterations, last, series, seconds(start));
        }
        if (arrays != null) {
            artifacts.trialArrays(arrays);
        }
        return result;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;
            private boolean done;

            @Override
            public T get() {
                if (!done) {
                    value = supplier.get();
                    done = true;
                }
                return value;
            }
        };
    }

    /** Observes the optimizer: records metrics on schedule and stops on divergence. */
    private static final class Recorder implements IterationObserver {
        private final Pipeline pipeline;
        private final GroundTruth truth;
        private final Optional<Observations> observations;
        private final Optional<Objective> objective;
        private final Supplier<Optional<Observations>> test;
        private final int recordEvery;
        private final List<SeriesPoint> series = new ArrayList<>();
        private final Map<Object, Object> perTrialValues = new HashMap<>();
        private Map<String, Double> lastValues = new LinkedHashMap<>();
        private Blocks lastParameters;
        private int lastIteration = -1;
        private int lastRecorded = -1;
        private double initialLoss = Double.NaN;
        private TrialStatus status = TrialStatus.DONE;
        private String message = "";

        Recorder(Pipeline pipeline, GroundTruth truth, Optional<Observations> observations, Optional<Objective> objective,
                Supplier<Optional<Observations>> test) {
            this.pipeline = pipeline;
            this.truth = truth;
            this.observations = observations;
            this.objective = objective;
            this.test = test;
            this.recordEvery = pipeline.spec().recordEvery();
        }

        @Override
        public boolean observe(int iteration, Blocks parameters) {
            if (iteration <= lastIteration) {
                throw new IllegalStateException("optimizer reported iteration " + iteration + " after " + lastIteration);
            }
            lastIteration = iteration;
            lastParameters = parameters;
            if (iteration % recordEvery == 0) {
                return record(iteration, parameters);
            }
            return true;
        }

        void finish() {
            if (lastParameters == null) {
                throw new IllegalStateException("optimizer '" + pipeline.spec().optimizer().plugin()
                        + "' reported no iterate");
            }
            if (lastRecorded != lastIteration && status == TrialStatus.DONE) {
                record(lastIteration, lastParameters);
            }
        }

        /** Records the metrics; returns false when the trial has diverged. */
        private boolean record(int iteration, Blocks parameters) {
            lastRecorded = iteration;
            Context context = new Context(iteration, parameters);
            Map<String, Double> values = new LinkedHashMap<>();
            for (Pipeline.NamedMetric named : pipeline.metrics()) {
                double[] result = named.metric().evaluate(context);
                for (int i = 0; i < result.length; i++) {
                    String name = result.length == 1 ? named.name() : named.name() + "[" + i + "]";
                    values.put(name, result[i]);
                    series.add(new SeriesPoint(iteration, name, result[i]));
                }
            }
            lastValues = values;
            return checkDivergence(iteration, parameters, context);
        }

        private boolean checkDivergence(int iteration, Blocks parameters, Context context) {
            if (!parameters.isFinite()) {
                return diverged("parameters are not finite at iteration " + iteration);
            }
            OptionalDouble loss = context.loss();
            if (loss.isPresent()) {
                double value = loss.getAsDouble();
                if (Double.isNaN(initialLoss)) {
                    initialLoss = value;
                }
                if (!Double.isFinite(value)) {
                    return diverged("loss is " + value + " at iteration " + iteration);
                }
                if (value > EXPLOSION_FACTOR * Math.max(initialLoss, LOSS_FLOOR)) {
                    return diverged("loss " + value + " at iteration " + iteration + " exceeds " + EXPLOSION_FACTOR
                            + " times max(initial loss " + initialLoss + ", " + LOSS_FLOOR + ")");
                }
            }
            return true;
        }

        private boolean diverged(String why) {
            status = TrialStatus.DIVERGED;
            message = why;
            return false;
        }

        TrialResult result(int index, int repetition, Map<String, Object> sweepValues, long seed, double seconds) {
            return new TrialResult(index, repetition, sweepValues, seed, status, message, lastIteration, lastValues,
                    series, seconds);
        }

        private final class Context implements MetricContext {
            private final int iteration;
            private final Blocks parameters;
            private DoubleMatrix2D estimate;
            private OptionalDouble loss;

            Context(int iteration, Blocks parameters) {
                this.iteration = iteration;
                this.parameters = parameters;
            }

            @Override
            public int iteration() {
                return iteration;
            }

            @Override
            public Model model() {
                return pipeline.model();
            }

            @Override
            public Blocks parameters() {
                return parameters;
            }

            @Override
            public DoubleMatrix2D estimate() {
                if (estimate == null) {
                    estimate = pipeline.model().signal(parameters);
                }
                return estimate;
            }

            @Override
            public GroundTruth truth() {
                return truth;
            }

            @Override
            public Optional<Observations> observations() {
                return observations;
            }

            @Override
            public Optional<Objective> objective() {
                return objective;
            }

            @Override
            public OptionalDouble loss() {
                if (loss == null) {
                    loss = objective.isPresent() ? OptionalDouble.of(objective.get().value(parameters)) : OptionalDouble.empty();
                }
                return loss;
            }

            @Override
            public Optional<Observations> testObservations() {
                return test.get();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T perTrial(Object key, Supplier<T> compute) {
                // Not computeIfAbsent: compute may itself call perTrial for another key.
                if (perTrialValues.containsKey(key)) {
                    return (T) perTrialValues.get(key);
                }
                T value = compute.get();
                perTrialValues.put(key, value);
                return value;
            }
        }
    }
}
