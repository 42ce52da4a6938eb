package org.reconlab.core.contract;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The heap an object keeps alive, for tests of {@code Measurement.estimatedBytes()}: the used heap after full
 * collections while the object is held, minus the used heap after it is dropped, the median of three such
 * measurements (other objects of the test JVM may be freed or made in between, which moves one of them). Accurate to
 * a few kilobytes for objects of megabytes made of arrays below the collector's humongous size; use it on such sizes.
 *
 * <p>Tests that use it carry the tag {@value #TAG}: the build runs them in a JVM of their own, after the others, so that
 * no other test's threads allocate while they measure.
 */
public final class RetainedHeap {

    /** The JUnit tag of tests whose result depends on full collections. */
    public static final String TAG = "gc-dependent";

    private static final int MEASUREMENTS = 3;

    private RetainedHeap() {
    }

    /** The bytes an object that {@code make} returns keeps reachable. */
    public static long bytes(Supplier<?> make) {
        long[] retained = new long[MEASUREMENTS];
        for (int i = 0; i < MEASUREMENTS; i++) {
            Object kept = make.get();
            long held = usedAfterCollection();
            Reference.reachabilityFence(kept);
            // an interpreted frame keeps a local's object reachable until the slot is overwritten
            kept = null;
            retained[i] = held - usedAfterCollection();
        }
        Arrays.sort(retained);
        return retained[MEASUREMENTS / 2];
    }

    private static long usedAfterCollection() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        // the first collection may only clear references whose objects the second one frees
        memory.gc();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
