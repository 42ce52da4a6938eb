package org.reconlab.core.engine;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.reconlab.core.kernel.KernelThreads;
import org.reconlab.core.random.RandomStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the trials of a plan on a fixed thread pool. One trial's failure never loses another's result: a trial that
 * throws ends as {@link TrialStatus#FAILED}. Results do not depend on the thread count.
 *
 * <p>{@code threads} is the run's whole budget: trials that run at once times the kernel threads each of them uses
 * stay within it (see {@link ThreadBudget}).
 *
 * <pre>{@code
 * ComponentRegistry registry = ComponentRegistry.discover();
 * ExperimentResult result = new ExperimentRunner(registry).run(spec, 2);
 * }</pre>
 */
public final class ExperimentRunner {

    private static final Logger log = LoggerFactory.getLogger(ExperimentRunner.class);

    private final ComponentRegistry registry;

    public ExperimentRunner(ComponentRegistry registry) {
        this.registry = requireNonNull(registry, "registry is null");
    }

    /**
     * Builds the plan, checks that {@code threads} trials at once fit their operators in this JVM's heap
     * ({@link ExperimentPlan#requireFitsInHeap}) and runs every trial.
     */
    public ExperimentResult run(ExperimentSpec spec, int threads) {
        ExperimentPlan plan = ExperimentPlan.build(spec, registry);
        plan.requireFitsInHeap(threads, HeapCapacity.longLivedBytes());
        return run(plan, threads, Set.of(), TrialListener.NONE);
    }

    /**
     * Runs the trials of {@code plan} whose index is not in {@code skip}. Whoever built the plan checks, before
     * anything else is done, that it fits ({@link ExperimentPlan#requireFitsInHeap}); the command line does so while
     * the spec's file and line are still at hand.
     *
     * @param listener told of each finished trial, one call at a time
     * @return the results of the trials that ran
     */
    public ExperimentResult run(ExperimentPlan plan, int threads, Set<Integer> skip, TrialListener listener) {
        return run(plan, threads, skip, listener, TrialArtifacts.NONE);
    }

    /**
     * Like {@link #run(ExperimentPlan, int, Set, TrialListener)}, handing each trial's arrays to {@code artifacts}
     * before {@code listener} hears of the trial.
     */
    public ExperimentResult run(ExperimentPlan plan, int threads, Set<Integer> skip, TrialListener listener,
            TrialArtifacts artifacts) {
        requireNonNull(artifacts, "artifacts is null");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        List<ExperimentPlan.PlannedTrial> todo = plan.trials().stream().filter(t -> !skip.contains(t.index())).toList();
        List<TrialResult> results = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger finished = new AtomicInteger();
        Object listenerLock = new Object();
        ThreadBudget budget = ThreadBudget.split(threads, todo.size(), KernelThreads.defaultThreads());
        log.debug("running {} of {} trials, {} at once with {} kernel threads each", todo.size(), plan.trials().size(),
                budget.trialThreads(), budget.kernelThreads());
        ExecutorService pool = Executors.newFixedThreadPool(budget.trialThreads(), runnable -> {
            Thread thread = new Thread(runnable, "reconlab-trial");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (ExperimentPlan.PlannedTrial trial : todo) {
                futures.add(pool.submit(() -> {
                    RandomStreams trialStreams = streams(plan.spec(), trial);
                    TrialResult result = KernelThreads.callWithThreads(budget.kernelThreads(), () -> TrialRunner.run(
                            trial.pipeline(), trialStreams, trial.index(), trial.repetition(), trial.sweepValues(),
                            artifacts, plan.spec().trialTimeout()));
                    results.add(result);
                    synchronized (listenerLock) {
                        listener.trialFinished(result, finished.incrementAndGet(), todo.size());
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running trials", e);
        } catch (ExecutionException e) {
            // TrialRunner turns trial errors into FAILED results; what reaches here failed in the listener or artifacts,
            // and goes to the caller as it was thrown (an UncheckedIOException stays one).
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("saving a trial result failed: " + cause, cause);
        } finally {
            pool.shutdownNow();
        }
        return new ExperimentResult(plan.spec(), new ArrayList<>(results));
    }

    /**
     * The random streams a trial of {@code spec} draws from: the experiment's, or with {@link ExperimentSpec.Draws#INDEPENDENT}
     * its sweep point's. Resume checks a saved trial's seed against these.
     */
    public static RandomStreams streams(ExperimentSpec spec, ExperimentPlan.PlannedTrial trial) {
        RandomStreams streams = new RandomStreams(spec.seed());
        return spec.draws() == ExperimentSpec.Draws.PAIRED ? streams : streams.forPoint(pointName(trial.sweepValues()));
    }

    /**
     * A sweep point's name for {@link RandomStreams#forPoint}: its swept values but the variant, keys sorted, numbers
     * written in one form whatever their Java type ({@code 0.10}, {@code 0.1} and {@code 1.0e-1} are one point).
     */
    static String pointName(Map<String, Object> sweepValues) {
        StringBuilder name = new StringBuilder();
        new TreeMap<>(sweepValues).forEach((key, value) -> {
            if (key.equals(ExperimentPlan.VARIANT)) {
                return;
            }
            String written = value instanceof Number number
                    ? new BigDecimal(number.toString()).stripTrailingZeros().toPlainString()
                    : String.valueOf(value);
            name.append(key).append('=').append(written).append(';');
        });
        return name.toString();
    }
}
