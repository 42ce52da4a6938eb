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
        double s = (s0 + s1) + (s2 + s3);
        for (; p < n; p++) {
            s += a[offset + p] * x[p];
        }
        return s;
    }

    @Override
    void dot8(double[] a, int offset, int n, double[] x, double[] out) {
        for (int k = 0; k < BLOCK; k++) {
            out[k] = dot(a, offset + k * n, n, x);
        }
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
        for (int p = 0; p < n; p++) {
            sum[p] += c0 * a[offset + p] + c1 * a[o1 + p] + c2 * a[o2 + p] + c3 * a[o3 + p]
                    + c4 * a[o4 + p] + c5 * a[o5 + p] + c6 * a[o6 + p] + c7 * a[o7 + p];
        }
    }

    @Override
    void addRow(double[] a, int offset, int n, double c, double[] sum) {
        for (int p = 0; p < n; p++) {
            sum[p] += c * a[offset + p];
        }
    }
}
