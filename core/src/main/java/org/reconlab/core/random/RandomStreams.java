package org.reconlab.core.random;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Derives independent random streams from (experiment seed, repetition, component role). A stream depends on
 * nothing else (not on thread count, not on which other trials run), so any trial can be replayed alone.
 *
 * <p>The repetition, not the sweep point, enters the derivation: the trials of repetition n at different sweep
 * points draw the same ground truth and operators wherever their shapes agree. Sweeps are therefore paired
 * comparisons (common random numbers), which is what a figure of error against initialization scale wants.
 */
public final class RandomStreams {

    private final long seed;

    public RandomStreams(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** The seed from which the streams of repetition {@code repetition} are derived, as written to trials.csv. */
    public long trialSeed(int repetition) {
        return mix(seed ^ mix(0x9E3779B97F4A7C15L * (repetition + 1L)));
    }

    /** The stream of {@code role} (such as {@code problem} or {@code measurement/test}) in repetition n. */
    public SplittableRandom stream(int repetition, String role) {
        return new SplittableRandom(mix(trialSeed(repetition) ^ fnv1a(role)));
    }

    /**
     * The streams of one sweep point drawn independently of every other point's: derived from this seed and the
     * point's name (its swept values written out), not from its position in the plan, so adding a value to a sweep
     * leaves the other points' draws unchanged.
     */
    public RandomStreams forPoint(String pointName) {
        return new RandomStreams(mix(seed ^ fnv1a("sweep-point " + pointName)));
    }

    /** SplitMix64's finalizer: a bijection on longs that spreads every input bit over the output. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long fnv1a(String text) {
        long hash = 0xCBF29CE484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xFF;
            hash *= 0x100000001B3L;
        }
        return mix(hash);
    }
}
