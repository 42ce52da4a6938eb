package org.reconlab.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measured memory bandwidth of a large array copy, STREAM's convention: bytes read plus bytes written, per second, so
 * that {@code bytes read / bandwidth} is a lower bound on the time of any pass that reads them (a read-only pass can
 * beat it a little; a pass that reads and writes cannot).
 */
public final class CopyBandwidth {

    private CopyBandwidth() {
    }

    /** The best of {@code repetitions} copies of {@code bytes} (per array) on {@code threads} threads, in bytes/s. */
    public static double measure(long bytes, int threads, int repetitions) {
        int n = (int) Math.min(Integer.MAX_VALUE - 8, bytes / 8);
        double[] source = new double[n];
        double[] target = new double[n];
        for (int i = 0; i < n; i++) {
            source[i] = i;
            target[i] = -i;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            double best = 0;
            for (int rep = 0; rep < repetitions; rep++) {
                long start = System.nanoTime();
                List<Future<?>> parts = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int from = (int) ((long) n * t / threads);
                    int to = (int) ((long) n * (t + 1) / threads);
                    parts.add(pool.submit(() -> System.arraycopy(source, from, target, from, to - from)));
                }
                for (Future<?> part : parts) {
                    part.get();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                best = Math.max(best, 2.0 * 8 * n / seconds);
            }
            if (target[n - 1] != source[n - 1]) {
                throw new IllegalStateException("copy failed");
            }
            return best;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }
}
