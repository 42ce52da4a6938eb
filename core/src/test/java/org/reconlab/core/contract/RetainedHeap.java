package org.reconlab.core.contract;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.function.Supplier;

/**
 * The heap an object keeps alive, for tests of {@code Measurement.estimatedBytes()}: the used heap after a full
 * collection with the object held, minus the used heap after one before it was made. Accurate to a few kilobytes
 * for objects of megabytes (arrays below the collector's humongous size); use it on such sizes.
 */
public final class RetainedHeap {

    private RetainedHeap() {
    }

    /** The bytes the object {@code make} returns keeps reachable. */
    public static long bytes(Supplier<?> make) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        Object kept = make.get();
        memory.gc();
        long after = memory.getHeapMemoryUsage().getUsed();
        Reference.reachabilityFence(kept);
        return after - before;
    }
}
