package org.reconlab.core.engine;

import cern.colt.matrix.DoubleMatrix2D;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.reconlab.core.kernel.KernelThreads;
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

    /** How long a trial may run when the spec sets no {@code trial-timeout}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(2);

    /** The longest a trial stuck inside one iteration is waited for after its timeout (see {@link #run}). */
    static final Duration GRACE = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(TrialRunner.class);

    /**
     * The thread each caller's trials run on: one per calling thread, so a pool of n threads runs its trials on n
     * trial threads, replaced only when a stuck trial's thread is given up; idle for a few seconds, it ends.
     */
    private static final ThreadLocal<ThreadPoolExecutor> TRIAL_EXECUTOR = ThreadLocal.withInitial(() -> {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "reconlab-trial-worker");
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    });

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
        return run(pipeline, streams, index, repetition, sweepValues, artifacts, DEFAULT_TIMEOUT);
    }

    /**
     * Like {@link #run(Pipeline, RandomStreams, int, int, Map, TrialArtifacts)}, ending the trial with status
     * {@link TrialStatus#TIMED_OUT} and its partial series once it has run for {@code timeout}. The recorder stops the
     * optimizer at its first report after the deadline. A trial stuck inside one iteration (a loop that never reports)
     * is given up after a grace period of {@code min(timeout, 10 s)}: its result is built from what was recorded, and
     * its thread, a daemon, is left behind, so one trial never holds up the sweep.
     */
    public static TrialResult run(Pipeline pipeline, RandomStreams streams, int index, int repetition,
            Map<String, Object> sweepValues, TrialArtifacts artifacts, Duration timeout) {
        java.util.Objects.requireNonNull(artifacts, "artifacts is null");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        long start = System.nanoTime();
        long deadline = start + saturatedNanos(timeout);
        AtomicReference<Recorder> recorder = new AtomicReference<>();
        // The trial's own thread gets the kernel thread count the caller has (a share of the run's threads).
        int kernelThreads = KernelThreads.defaultThreads();
        ThreadPoolExecutor executor = TRIAL_EXECUTOR.get();
        Future<TrialResult> future = executor.submit(() -> KernelThreads.callWithThreads(kernelThreads,
                () -> runHere(pipeline, streams, index, repetition, sweepValues, artifacts, start, deadline, recorder)));
        long grace = Math.min(saturatedNanos(timeout), GRACE.toNanos());
        try {
            return future.get(Math.max(0, deadline + grace - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trial " + index + " ran", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            // Stuck inside an iteration: give its thread up (interrupted, a daemon) and let the next trial get another.
            future.cancel(true);
            executor.shutdownNow();
            TRIAL_EXECUTOR.remove();
        }
        log.warn("trial {} did not stop {} s after its timeout of {}; its thread is left behind", index, grace / 1e9,
                timeout);
        Recorder stuck = recorder.get();
        String message = "timed out after " + timeout + " (trial-timeout) inside an iteration"
                + (stuck == null ? ", before the optimizer started" : " after iteration " + stuck.lastIteration());
        return stuck == null
                ? new TrialResult(index, repetition, sweepValues, streams.trialSeed(repetition), TrialStatus.TIMED_OUT,
                        message, 0, Map.of(), List.of(), seconds(start))
                : stuck.snapshot(index, repetition, sweepValues, streams.trialSeed(repetition), TrialStatus.TIMED_OUT,
                        message, seconds(start));
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 4;
        }
    }

    private static TrialResult runHere(Pipeline pipeline, RandomStreams streams, int index, int repetition,
            Map<String, Object> sweepValues, TrialArtifacts artifacts, long start, long deadline,
            AtomicReference<Recorder> published) {
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
            recorder = new Recorder(pipeline, truth, observations, objective, test, deadline);
            published.set(recorder);
            SplittableRandom optimizerRandom = streams.stream(repetition, "optimizer");
            pipeline.optimizer().run(new OptimizationTask(model, initial, objective, observations, truth, optimizerRandom),
                    recorder);
            recorder.finish();
            if (initialCopy != null) {
                DoubleMatrix2D estimate = model.signalShape().kind() == Shape.Kind.FUNCTION
                        ? null : model.signal(recorder.lastParameters);
                arrays = new TrialArrays(index, truth, observations, initialCopy, recorder.lastParameters, estimate);
            }
            result = recorder.snapshot(index, repetition, sweepValues, streams.trialSeed(repetition), recorder.status,
                    recorder.message, seconds(start));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            log.warn("trial {} failed: {}", index, e.toString());
            log.debug("trial {} failed here", index, e);
            String message = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (recorder == null) {
                return new TrialResult(index, repetition, sweepValues, streams.trialSeed(repetition),
                        TrialStatus.FAILED, message, 0, Map.of(), List.of(), seconds(start));
            }
            return recorder.snapshot(index, repetition, sweepValues, streams.trialSeed(repetition), TrialStatus.FAILED,
                    message, seconds(start));
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
        private final long deadline;
        /** Appended by the trial's thread, copied by {@link #snapshot} from another when the trial is given up. */
        private final List<SeriesPoint> series = new ArrayList<>();
        private final Map<Object, Object> perTrialValues = new HashMap<>();
        private Map<String, Double> lastValues = new LinkedHashMap<>();
        private Blocks lastParameters;
        private volatile int lastIteration = -1;
        private int lastRecorded = -1;
        private double initialLoss = Double.NaN;
        private TrialStatus status = TrialStatus.DONE;
        private String message = "";

        Recorder(Pipeline pipeline, GroundTruth truth, Optional<Observations> observations, Optional<Objective> objective,
                Supplier<Optional<Observations>> test, long deadline) {
            this.deadline = deadline;
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
            if (iteration % recordEvery == 0 && !record(iteration, parameters)) {
                return false;
            }
            if (System.nanoTime() - deadline > 0) {
                status = TrialStatus.TIMED_OUT;
                message = "timed out (trial-timeout) at iteration " + iteration;
                return false;
            }
            return true;
        }

        int lastIteration() {
            return lastIteration;
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

        /**
         * Records the metrics; returns false when the trial has diverged. Divergence is checked first: no metric sees
         * parameters or a loss that are not finite, and the series ends at the last finite iterate. An exploded but
         * finite loss is recorded with the metrics that accept the iterate, then ends the trial.
         */
        private boolean record(int iteration, Blocks parameters) {
            lastRecorded = iteration;
            Context context = new Context(iteration, parameters);
            if (!parameters.isFinite()) {
                return diverged("parameters are not finite at iteration " + iteration);
            }
            OptionalDouble loss = context.loss();
            if (loss.isPresent() && !Double.isFinite(loss.getAsDouble())) {
                return diverged("loss is " + loss.getAsDouble() + " at iteration " + iteration);
            }
            String explosion = explosion(iteration, loss);
            Map<String, Double> values = new LinkedHashMap<>();
            List<SeriesPoint> points = new ArrayList<>();
            for (Pipeline.NamedMetric named : pipeline.metrics()) {
                double[] result;
                try {
                    result = named.metric().evaluate(context);
                } catch (IllegalArgumentException e) {
                    if (explosion == null) {
                        throw e;
                    }
                    // The iterate has blown up (an estimate past the largest double, say): the trial has diverged.
                    log.debug("metric {} refused the exploded iterate {}: {}", named.name(), iteration, e.getMessage());
                    continue;
                }
                for (int i = 0; i < result.length; i++) {
                    String name = result.length == 1 ? named.name() : named.name() + "[" + i + "]";
                    values.put(name, result[i]);
                    points.add(new SeriesPoint(iteration, name, result[i]));
                }
            }
            synchronized (series) {
                series.addAll(points);
                lastValues = values;
            }
            return explosion == null || diverged(explosion);
        }

        /** Why a finite loss counts as exploded, or null. */
        private String explosion(int iteration, OptionalDouble loss) {
            if (loss.isEmpty()) {
                return null;
            }
            double value = loss.getAsDouble();
            if (Double.isNaN(initialLoss)) {
                initialLoss = value;
            }
            if (value > EXPLOSION_FACTOR * Math.max(initialLoss, LOSS_FLOOR)) {
                return "loss " + value + " at iteration " + iteration + " exceeds " + EXPLOSION_FACTOR
                        + " times max(initial loss " + initialLoss + ", " + LOSS_FLOOR + ")";
            }
            return null;
        }

        private boolean diverged(String why) {
            status = TrialStatus.DIVERGED;
            message = why;
            return false;
        }

        /** The result so far, with the given status; safe to call from a thread other than the trial's. */
        TrialResult snapshot(int index, int repetition, Map<String, Object> sweepValues, long seed, TrialStatus status,
                String message, double seconds) {
            synchronized (series) {
                return new TrialResult(index, repetition, sweepValues, seed, status, message, Math.max(0, lastIteration),
                        lastValues, series, seconds);
            }
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
