package org.reconlab.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class KernelThreadsTest {

    @Test
    void chunkCountDependsOnTheRowCountAlone() {
        assertThat(KernelThreads.chunks(0)).isEqualTo(1);
        assertThat(KernelThreads.chunks(127)).isEqualTo(1);
        assertThat(KernelThreads.chunks(128)).isEqualTo(2);
        assertThat(KernelThreads.chunks(2500)).isEqualTo(16);
        assertThat(KernelThreads.chunks(Integer.MAX_VALUE)).isEqualTo(16);
    }

    @Test
    void chunksPartitionTheRows() {
        for (int rows : new int[] {0, 1, 100, 1001, 2500}) {
            int chunks = KernelThreads.chunks(rows);
            assertThat(KernelThreads.chunkStart(0, chunks, rows)).isZero();
            assertThat(KernelThreads.chunkStart(chunks, chunks, rows)).isEqualTo(rows);
            for (int c = 0; c < chunks; c++) {
                int size = KernelThreads.chunkStart(c + 1, chunks, rows) - KernelThreads.chunkStart(c, chunks, rows);
                assertThat(size).isBetween(rows / chunks, rows / chunks + 1);
            }
        }
    }

    @Test
    void everyChunkRunsExactlyOnceWhateverTheThreadCount() {
        for (int threads : new int[] {1, 2, 3, 16, 100}) {
            AtomicIntegerArray runs = new AtomicIntegerArray(13);
            KernelThreads.forEachChunk(13, threads, runs::incrementAndGet);
            for (int c = 0; c < 13; c++) {
                assertThat(runs.get(c)).as("chunk %d on %d threads", c, threads).isEqualTo(1);
            }
        }
    }

    @Test
    void aFailingChunkFailsTheCallAfterTheOthersFinish() {
        AtomicIntegerArray runs = new AtomicIntegerArray(8);
        assertThatThrownBy(() -> KernelThreads.forEachChunk(8, 4, c -> {
            runs.incrementAndGet(c);
            if (c == 5) {
                throw new IllegalStateException("chunk 5 failed");
            }
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("chunk 5 failed");
        // 4 threads take chunks {0, 1}, {2, 3}, {4, 5}, {6, 7}: chunk 5 is the last of its share, so all ran
        for (int c = 0; c < 8; c++) {
            assertThat(runs.get(c)).as("chunk %d", c).isEqualTo(1);
        }
    }

    @Test
    void smallOperatorsRunOnTheCallingThread() {
        assertThat(KernelThreads.effectiveThreads(KernelThreads.PARALLEL_THRESHOLD - 1, 8)).isEqualTo(1);
        assertThat(KernelThreads.effectiveThreads(KernelThreads.PARALLEL_THRESHOLD, 8)).isEqualTo(8);
        assertThatThrownBy(() -> KernelThreads.effectiveThreads(10, 0)).hasMessageContaining("threads must be >= 1");
    }

    @Test
    void theCountSetForTheCallingThreadHoldsWhileTheCallRunsAndIsRestoredAfter() {
        int outside = KernelThreads.defaultThreads();
        int inside = outside + 3;
        int[] innermost = new int[1];
        int seen = KernelThreads.callWithThreads(inside, () -> {
            innermost[0] = KernelThreads.callWithThreads(1, KernelThreads::defaultThreads);
            return KernelThreads.defaultThreads();
        });
        assertThat(seen).isEqualTo(inside);
        assertThat(innermost[0]).isEqualTo(1);
        assertThat(KernelThreads.defaultThreads()).isEqualTo(outside);
        assertThatThrownBy(() -> KernelThreads.callWithThreads(0, () -> 0)).hasMessageContaining("threads must be >= 1");
    }

    @Test
    void theCountSetForOneThreadDoesNotLeakToAnother() {
        int outside = KernelThreads.defaultThreads();
        int[] other = new int[1];
        KernelThreads.callWithThreads(outside + 5, () -> {
            Thread thread = new Thread(() -> other[0] = KernelThreads.defaultThreads());
            thread.start();
            try {
                thread.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            return null;
        });
        assertThat(other[0]).isEqualTo(outside);
    }
}
