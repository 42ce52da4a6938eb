package org.reconlab.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.reconlab.core.CorePlugin;
import org.reconlab.core.kernel.KernelThreads;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.Optimizer;
import org.reconlab.core.spi.OptimizerFactory;
import org.reconlab.core.spi.Parameters;
import org.reconlab.core.spi.Plugin;
import org.reconlab.core.toy.ToyPlugin;

class ThreadBudgetTest {

    @Test
    void trialsTimesKernelThreadsStayWithinTheBudget() {
        for (int threads = 1; threads <= 16; threads++) {
            for (int trials = 0; trials <= 20; trials++) {
                for (int cap = 1; cap <= 8; cap++) {
                    ThreadBudget budget = ThreadBudget.split(threads, trials, cap);
                    String where = threads + " threads, " + trials + " trials, cap " + cap;
                    assertThat(budget.trialThreads() * budget.kernelThreads()).as(where).isLessThanOrEqualTo(threads);
                    assertThat(budget.trialThreads()).as(where).isEqualTo(Math.max(1, Math.min(threads, trials)));
                    assertThat(budget.kernelThreads()).as(where).isLessThanOrEqualTo(cap);
                    // no thread of the budget is left idle that a trial's kernels could have used
                    assertThat(budget.kernelThreads() == cap || budget.trialThreads() * (budget.kernelThreads() + 1) > threads)
                            .as(where).isTrue();
                }
            }
        }
    }

    @Test
    void oneTrialGetsTheWholeBudgetForItsKernelsAndManyTrialsGetOneKernelThreadEach() {
        assertThat(ThreadBudget.split(2, 1, 2)).isEqualTo(new ThreadBudget(1, 2));
        assertThat(ThreadBudget.split(2, 6, 2)).isEqualTo(new ThreadBudget(2, 1));
        assertThat(ThreadBudget.split(8, 3, 8)).isEqualTo(new ThreadBudget(3, 2));
        // above the cap (the cores), a larger budget runs more trials at once, not wider kernels
        assertThat(ThreadBudget.split(8, 1, 2)).isEqualTo(new ThreadBudget(1, 2));
    }

    /** The trial threads a run used and the kernel thread count each trial saw. */
    private static final Set<Thread> TRIAL_THREADS = ConcurrentHashMap.newKeySet();
    private static final Set<Integer> KERNEL_THREADS_SEEN = ConcurrentHashMap.newKeySet();

    private static final Plugin PROBE = new Plugin() {
        @Override
        public String name() {
            return "probe";
        }

        @Override
        public List<OptimizerFactory> optimizers() {
            return List.of(new OptimizerFactory() {
                @Override
                public String name() {
                    return "toy-thread-probe";
                }

                @Override
                public String description() {
                    return "records the trial's thread and its kernel thread count, then stops";
                }

                @Override
                public Parameters parameters() {
                    return Parameters.of();
                }

                @Override
                public Optimizer create(Config config, BuildContext context) {
                    return (task, observer) -> {
                        TRIAL_THREADS.add(Thread.currentThread());
                        KERNEL_THREADS_SEEN.add(KernelThreads.defaultThreads());
                        observer.observe(0, task.parameters());
                    };
                }
            });
        }
    };

    private static void runProbe(int trials, int threads) {
        TRIAL_THREADS.clear();
        KERNEL_THREADS_SEEN.clear();
        ComponentRegistry registry = ComponentRegistry.fromPlugins(List.of(new CorePlugin(), new ToyPlugin(), PROBE));
        PipelineSpec probe = new PipelineSpec(ComponentSpec.of("toy-vector", Map.of("n", 3)),
                Optional.of(ComponentSpec.of("toy-gaussian", Map.of("m", 6))), ComponentSpec.of("toy-linear"),
                ComponentSpec.of("toy-thread-probe"), List.of(ComponentSpec.of("train-loss")), 1);
        ExperimentResult result = new ExperimentRunner(registry).run(ExperimentSpec.single("probe", 1, trials, probe),
                threads);
        assertThat(result.trials()).hasSize(trials).allSatisfy(t -> assertThat(t.status()).isEqualTo(TrialStatus.DONE));
    }

    @Test
    void theRunnerGivesEachTrialItsShareOfTheBudget() {
        int cap = KernelThreads.defaultThreads();
        for (int threads : new int[] {1, 2, 3, 4}) {
            for (int trials : new int[] {1, 2, 5}) {
                runProbe(trials, threads);
                ThreadBudget expected = ThreadBudget.split(threads, trials, cap);
                String where = trials + " trials on " + threads + " threads";
                // a fixed pool starts a new thread for each task until it is full, so every pool thread runs a trial
                assertThat(TRIAL_THREADS).as(where).hasSize(expected.trialThreads());
                assertThat(KERNEL_THREADS_SEEN).as(where).containsExactly(expected.kernelThreads());
                assertThat(TRIAL_THREADS.size() * expected.kernelThreads()).as(where).isLessThanOrEqualTo(threads);
            }
        }
        assertThat(KernelThreads.defaultThreads()).as("the caller's count after the run").isEqualTo(cap);
    }
}
