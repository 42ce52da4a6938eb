package org.reconlab.core.spi;

/**
 * Byte counts for the {@code estimatedBytes()} methods of components: sizes in longs that saturate at
 * {@link Long#MAX_VALUE} instead of wrapping, so a huge configuration reads as huge, never as small or negative.
 */
public final class ByteCounts {

    private ByteCounts() {
    }

    /** The bytes of {@code count} doubles. */
    public static long doubles(long count) {
        return times(count, Double.BYTES);
    }

    /** {@code a * b}, or {@link Long#MAX_VALUE} if that overflows; negative factors count as 0. */
    public static long times(long a, long b) {
        if (a <= 0 || b <= 0) {
            return 0;
        }
        return a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }

    /** {@code a + b}, or {@link Long#MAX_VALUE} if that overflows; negative terms count as 0. */
    public static long plus(long a, long b) {
        long sum = Math.max(0, a) + Math.max(0, b);
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
