package org.reconlab.core.kernel;

/** {@link RowPasses} in plain Java, for JVMs without the Vector API and processors without vectors. */
final class ScalarRowPasses extends RowPasses {

    static final ScalarRowPasses INSTANCE = new ScalarRowPasses();

    private ScalarRowPasses() {
    }

    @Override
    String name() {
        return "scalar";
    }

    @Override
    double dot(double[] a, int offset, int n, double[] x) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int whole = n - n % LANES;
        int p = 0;
        for (; p < whole; p += LANES) {
            s0 += a[offset + p] * x[p];
            s1 += a[offset + p + 1] * x[p + 1];
            s2 += a[offset + p + 2] * x[p + 2];
            s3 += a[offset + p + 3] * x[p + 3];
        }
        return addProducts(a, offset, n, x, p, (s0 + s1) + (s2 + s3));
    }

    @Override
    void dot8(double[] a, int offset, int n, double[] x, double[] out) {
        for (int k = 0; k < BLOCK; k++) {
            out[k] = dot(a, offset + k * n, n, x);
        }
    }

    @Override
    void addRows8(double[] a, int offset, int n, double[] c, int at, double[] sum) {
        addRows8From(a, offset, n, c, at, sum, 0);
    }

    @Override
    void addRow(double[] a, int offset, int n, double c, double[] sum) {
        addRowFrom(a, offset, n, c, sum, 0);
    }
}
