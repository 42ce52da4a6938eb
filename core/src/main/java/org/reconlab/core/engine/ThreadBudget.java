package org.reconlab.core.engine;

/**
 * How a run's threads are split between trials and the kernels inside each trial, so that the two pools never
 * oversubscribe the machine: {@code trialThreads * kernelThreads <= threads}.
 *
 * <p>As many trials run at once as there are threads and trials to run; the threads left over go to each trial's
 * kernels (one trial on two threads gets kernels on two threads; six trials on two threads get one kernel thread
 * each). A trial's kernel share is also capped by the process-wide kernel default (the available processors, or
 * {@code reconlab.kernel.threads}), so a budget above the core count adds trials, not kernel threads.
 *
 * @param trialThreads trials that run at once
 * @param kernelThreads threads each of those trials gives its kernels
 */
record ThreadBudget(int trialThreads, int kernelThreads) {

    ThreadBudget {
        if (trialThreads < 1 || kernelThreads < 1) {
            throw new IllegalArgumentException("thread counts must be >= 1, got " + trialThreads + " trial and "
                    + kernelThreads + " kernel threads");
        }
    }

    /**
     * The split of {@code threads} threads over {@code trials} trials, with at most {@code kernelCap} kernel threads
     * per trial.
     */
    static ThreadBudget split(int threads, int trials, int kernelCap) {
        if (threads < 1 || trials < 0 || kernelCap < 1) {
            throw new IllegalArgumentException("need threads >= 1, trials >= 0 and kernelCap >= 1; got " + threads + ", "
                    + trials + ", " + kernelCap);
        }
        int trialThreads = Math.max(1, Math.min(threads, trials));
        return new ThreadBudget(trialThreads, Math.max(1, Math.min(kernelCap, threads / trialThreads)));
    }
}
