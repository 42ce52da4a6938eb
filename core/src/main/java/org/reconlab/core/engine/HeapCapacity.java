package org.reconlab.core.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * The heap that long-lived arrays (operators, truths, estimates) can fill in this JVM, which is what the heap check of
 * {@link ExperimentPlan#requireFitsInHeap} measures against. A generational collector keeps an array that is larger
 * than its young generation, or that outlives a few collections, in its old generation, and the old generation's
 * maximum is below {@link Runtime#maxMemory()}: with the throughput collector and {@code NewRatio} 2 it is two thirds
 * of the heap (3.93 GiB of 5.23 GiB on a machine of 23.5 GiB), so a trial that needs 4 GiB of operators passes a
 * check against the whole heap and then fails with {@link OutOfMemoryError} after drawing them. That old generation is
 * the heap pool with the largest maximum; G1 gives its old generation the whole heap as maximum, and single-pool
 * collectors (ZGC, Shenandoah) report the whole heap as their one pool, so for them this is the heap.
 */
public final class HeapCapacity {

    private HeapCapacity() {
    }

    /** The largest maximum among this JVM's heap memory pools, at most {@link Runtime#maxMemory()}. */
    public static long longLivedBytes() {
        List<Long> maxima = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getUsage)
                .map(usage -> usage.getMax())
                .toList();
        return longLivedBytes(maxima, Runtime.getRuntime().maxMemory());
    }

    /**
     * The largest of {@code heapPoolMaxima} (a pool without a defined maximum reports -1), capped at {@code maxMemory};
     * {@code maxMemory} itself when no pool reports a maximum.
     */
    static long longLivedBytes(List<Long> heapPoolMaxima, long maxMemory) {
        long largest = heapPoolMaxima.stream().mapToLong(Long::longValue).max().orElse(-1);
        return largest > 0 ? Math.min(largest, maxMemory) : maxMemory;
    }
}
