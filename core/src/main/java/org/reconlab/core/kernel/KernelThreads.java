package org.reconlab.core.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * The threads the kernels of this package run on, and the rule that makes their results independent of how many
 * there are.
 *
 * <p>The rule: a kernel cuts its work into {@link #chunks(int) chunks} whose number and boundaries depend only on the
 * problem size, never on the thread count. Each chunk is computed sequentially, in a fixed order, into its own
 * partial result; partial results are then combined in chunk order. Threads only decide <em>who</em> computes a
 * chunk, so every floating-point operation happens in the same order whatever the thread count, and results are
 * bit-identical for 1, 2 or 64 threads.
 *
 * <p>Threads come from one shared pool of daemon threads (one per available processor); the calling thread computes
 * the first share itself. The default thread count is the count set for the calling thread by
 * {@link #callWithThreads} (a run's trial threads each get their share of the run's threads this way), else the system
 * property {@value #PROPERTY} when it is set to a positive integer, else the number of available processors.
 */
public final class KernelThreads {

    /** System property that sets the default thread count of the kernels. */
    public static final String PROPERTY = "reconlab.kernel.threads";

    /** Below this many operator entries a kernel runs on the calling thread: forking would cost more than it saves. */
    public static final long PARALLEL_THRESHOLD = 1L << 18;

    /** A chunk holds at least this many rows (while there are that many), so partial results stay cheap to combine. */
    static final int MIN_ROWS_PER_CHUNK = 64;

    /** At most this many chunks: enough to balance 16 threads, few enough that the partials stay small. */
    static final int MAX_CHUNKS = 16;

    private KernelThreads() {
    }

    /** Thread count of the kernels on the current thread, while {@link #callWithThreads} runs on it. */
    private static final ThreadLocal<Integer> CALLER_THREADS = new ThreadLocal<>();

    /**
     * The default thread count on the calling thread: the count {@link #callWithThreads} set for it, else
     * {@value #PROPERTY} if set to a positive integer, else the available processors.
     */
    public static int defaultThreads() {
        Integer set = CALLER_THREADS.get();
        return set != null ? set : processWideThreads();
    }

    /**
     * Calls {@code body} with {@link #defaultThreads()} equal to {@code threads} on the calling thread, so that the
     * kernels it runs use that many threads; the previous count is restored on return.
     */
    public static <T> T callWithThreads(int threads, Supplier<T> body) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        Integer previous = CALLER_THREADS.get();
        CALLER_THREADS.set(threads);
        try {
            return body.get();
        } finally {
            if (previous == null) {
                CALLER_THREADS.remove();
            } else {
                CALLER_THREADS.set(previous);
            }
        }
    }

    private static int processWideThreads() {
        String value = System.getProperty(PROPERTY);
        if (value != null) {
            try {
                int threads = Integer.parseInt(value.trim());
                if (threads >= 1) {
                    return threads;
                }
            } catch (NumberFormatException e) {
                // fall through to the processor count: a bad property must not break a run
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * The number of chunks {@code rows} rows are cut into: {@code clamp(rows / 64, 1, 16)}, a function of the size
     * alone.
     */
    public static int chunks(int rows) {
        return Math.max(1, Math.min(MAX_CHUNKS, rows / MIN_ROWS_PER_CHUNK));
    }

    /** First row of chunk {@code chunk} of {@code chunks} over {@code rows} rows; chunk {@code c} is {@code [start(c), start(c + 1))}. */
    public static int chunkStart(int chunk, int chunks, int rows) {
        return (int) ((long) chunk * rows / chunks);
    }

    /**
     * Runs {@code body.accept(c)} for every chunk {@code c} in {@code [0, chunks)} on at most {@code threads} threads
     * (the caller included) and returns when all are done. Each thread takes a contiguous range of chunks. The first
     * exception a chunk throws is rethrown here, after every started chunk has finished.
     */
    public static void forEachChunk(int chunks, int threads, IntConsumer body) {
        if (chunks < 0) {
            throw new IllegalArgumentException("chunks must be >= 0, got " + chunks);
        }
        int groups = Math.max(1, Math.min(threads, chunks));
        if (groups == 1) {
            for (int c = 0; c < chunks; c++) {
                body.accept(c);
            }
            return;
        }
        List<ForkJoinTask<?>> forked = new ArrayList<>(groups - 1);
        for (int g = 1; g < groups; g++) {
            int from = chunkStart(g, groups, chunks);
            int to = chunkStart(g + 1, groups, chunks);
            forked.add(Pool.POOL.submit(() -> {
                for (int c = from; c < to; c++) {
                    body.accept(c);
                }
            }));
        }
        RuntimeException failure = null;
        try {
            for (int c = 0, to = chunkStart(1, groups, chunks); c < to; c++) {
                body.accept(c);
            }
        } catch (RuntimeException e) {
            failure = e;
        }
        for (ForkJoinTask<?> task : forked) {
            try {
                task.join();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** The threads to use for an operator of {@code entries} entries when asked for {@code threads}. */
    static int effectiveThreads(long entries, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        return entries < PARALLEL_THRESHOLD ? 1 : threads;
    }

    /** Holder of the shared pool, created on first parallel use. */
    private static final class Pool {
        static final ForkJoinPool POOL = new ForkJoinPool(Math.max(1, Runtime.getRuntime().availableProcessors()),
                pool -> {
                    var thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                    thread.setName("reconlab-kernel-" + thread.getPoolIndex());
                    thread.setDaemon(true);
                    return thread;
                }, null, false);
    }
}
