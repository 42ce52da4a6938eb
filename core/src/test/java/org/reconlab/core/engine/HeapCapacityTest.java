package org.reconlab.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeapCapacityTest {

    private static final long MIB = 1L << 20;

    @Test
    void aGenerationalHeapKeepsLongLivedArraysInItsLargestPoolTheOldGeneration() {
        // ParallelGC on 23.5 GiB: eden 1976 MiB, survivor 658 MiB, old generation 4024 MiB; maxMemory 5358 MiB
        assertThat(HeapCapacity.longLivedBytes(List.of(1976 * MIB, 658 * MIB, 4024 * MIB), 5358 * MIB))
                .isEqualTo(4024 * MIB);
    }

    @Test
    void poolsWithoutAMaximumLeaveTheWholeHeap() {
        assertThat(HeapCapacity.longLivedBytes(List.of(-1L, -1L), 5358 * MIB)).isEqualTo(5358 * MIB);
        assertThat(HeapCapacity.longLivedBytes(List.of(), 5358 * MIB)).isEqualTo(5358 * MIB);
        // a pool reporting more than maxMemory (G1's old generation counts regions maxMemory leaves out) is capped
        assertThat(HeapCapacity.longLivedBytes(List.of(6000 * MIB, -1L), 5358 * MIB)).isEqualTo(5358 * MIB);
    }

    @Test
    void thisJvmsCapacityIsPositiveAndWithinItsMaximumHeap() {
        assertThat(HeapCapacity.longLivedBytes()).isPositive().isLessThanOrEqualTo(Runtime.getRuntime().maxMemory());
    }
}
