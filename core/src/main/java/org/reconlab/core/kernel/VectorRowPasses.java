package org.reconlab.core.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RowPasses} on the Vector API: the four partial sums of a dot product are the lanes of one 256-bit vector,
 * and the element-wise passes use the same 256-bit vectors. Loaded only when the JVM has the
 * {@code jdk.incubator.vector} module (see {@link RowPasses#fastest()}).
 *
 * <p>One vector shape only, even on processors with 512-bit vectors: the Vector API's shared methods keep one type
 * profile for all shapes, and with two shapes in use C2 compiled the kernels, in some JVMs and not others, with every
 * vector allocated on the heap. Those JVMs ran a gradient step 2-3x slower for their whole life (d=100, m=2500: 1 to 5
 * slow starts in 8 with 512-bit element-wise passes, none in 24 with 256-bit ones, which were also faster).
 */
final class VectorRowPasses extends RowPasses {

    /** Four lanes: the partial sums of {@link #dot}. */
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_256;

    private static final VectorRowPasses INSTANCE = new VectorRowPasses();

    private VectorRowPasses() {
    }

    /** The instance, or {@code null} when the processor's vectors hold fewer than four doubles. */
    static VectorRowPasses ifSupported() {
        return DoubleVector.SPECIES_PREFERRED.length() >= LANES ? INSTANCE : null;
    }

    @Override
    String name() {
        return "vector-" + SPECIES.vectorBitSize();
    }

    @Override
    double dot(double[] a, int offset, int n, double[] x) {
        DoubleVector s = DoubleVector.zero(SPECIES);
        int whole = n - n % LANES;
        int p = 0;
        for (; p < whole; p += LANES) {
            s = s.add(DoubleVector.fromArray(SPECIES, a, offset + p).mul(DoubleVector.fromArray(SPECIES, x, p)));
        }
        return addProducts(a, offset, n, x, p, combine(s));
    }

    @Override
    void dot8(double[] a, int offset, int n, double[] x, double[] out) {
        int o1 = offset + n;
        int o2 = o1 + n;
        int o3 = o2 + n;
        int o4 = o3 + n;
        int o5 = o4 + n;
        int o6 = o5 + n;
        int o7 = o6 + n;
        DoubleVector s0 = DoubleVector.zero(SPECIES);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        DoubleVector s4 = s0;
        DoubleVector s5 = s0;
        DoubleVector s6 = s0;
        DoubleVector s7 = s0;
        int whole = n - n % LANES;
        int p = 0;
        for (; p < whole; p += LANES) {
            DoubleVector xp = DoubleVector.fromArray(SPECIES, x, p);
            s0 = s0.add(DoubleVector.fromArray(SPECIES, a, offset + p).mul(xp));
            s1 = s1.add(DoubleVector.fromArray(SPECIES, a, o1 + p).mul(xp));
            s2 = s2.add(DoubleVector.fromArray(SPECIES, a, o2 + p).mul(xp));
            s3 = s3.add(DoubleVector.fromArray(SPECIES, a, o3 + p).mul(xp));
            s4 = s4.add(DoubleVector.fromArray(SPECIES, a, o4 + p).mul(xp));
            s5 = s5.add(DoubleVector.fromArray(SPECIES, a, o5 + p).mul(xp));
            s6 = s6.add(DoubleVector.fromArray(SPECIES, a, o6 + p).mul(xp));
            s7 = s7.add(DoubleVector.fromArray(SPECIES, a, o7 + p).mul(xp));
        }
        out[0] = addProducts(a, offset, n, x, p, combine(s0));
        out[1] = addProducts(a, o1, n, x, p, combine(s1));
        out[2] = addProducts(a, o2, n, x, p, combine(s2));
        out[3] = addProducts(a, o3, n, x, p, combine(s3));
        out[4] = addProducts(a, o4, n, x, p, combine(s4));
        out[5] = addProducts(a, o5, n, x, p, combine(s5));
        out[6] = addProducts(a, o6, n, x, p, combine(s6));
        out[7] = addProducts(a, o7, n, x, p, combine(s7));
    }

    @Override
    void addRows8(double[] a, int offset, int n, double[] c, int at, double[] sum) {
        int o1 = offset + n;
        int o2 = o1 + n;
        int o3 = o2 + n;
        int o4 = o3 + n;
        int o5 = o4 + n;
        int o6 = o5 + n;
        int o7 = o6 + n;
        double c0 = c[at];
        double c1 = c[at + 1];
        double c2 = c[at + 2];
        double c3 = c[at + 3];
        double c4 = c[at + 4];
        double c5 = c[at + 5];
        double c6 = c[at + 6];
        double c7 = c[at + 7];
        int whole = SPECIES.loopBound(n);
        int p = 0;
        for (; p < whole; p += SPECIES.length()) {
            DoubleVector t = DoubleVector.fromArray(SPECIES, a, offset + p).mul(c0)
                    .add(DoubleVector.fromArray(SPECIES, a, o1 + p).mul(c1))
                    .add(DoubleVector.fromArray(SPECIES, a, o2 + p).mul(c2))
                    .add(DoubleVector.fromArray(SPECIES, a, o3 + p).mul(c3))
                    .add(DoubleVector.fromArray(SPECIES, a, o4 + p).mul(c4))
                    .add(DoubleVector.fromArray(SPECIES, a, o5 + p).mul(c5))
                    .add(DoubleVector.fromArray(SPECIES, a, o6 + p).mul(c6))
                    .add(DoubleVector.fromArray(SPECIES, a, o7 + p).mul(c7));
            DoubleVector.fromArray(SPECIES, sum, p).add(t).intoArray(sum, p);
        }
        addRows8From(a, offset, n, c, at, sum, p);
    }

    @Override
    void addRow(double[] a, int offset, int n, double c, double[] sum) {
        int whole = SPECIES.loopBound(n);
        int p = 0;
        for (; p < whole; p += SPECIES.length()) {
            DoubleVector.fromArray(SPECIES, sum, p).add(DoubleVector.fromArray(SPECIES, a, offset + p).mul(c))
                    .intoArray(sum, p);
        }
        addRowFrom(a, offset, n, c, sum, p);
    }

    /** {@code (s_0 + s_1) + (s_2 + s_3)}, the partial sums in lanes. */
    private static double combine(DoubleVector s) {
        return (s.lane(0) + s.lane(1)) + (s.lane(2) + s.lane(3));
    }
}
