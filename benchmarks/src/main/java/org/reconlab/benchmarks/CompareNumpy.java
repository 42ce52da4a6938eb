package org.reconlab.benchmarks;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix1D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.reconlab.app.arrays.NpyArray;
import org.reconlab.app.arrays.NpyFormat;
import org.reconlab.core.kernel.DenseOperatorKernels;
import org.reconlab.core.kernel.KernelThreads;
import org.reconlab.core.kernel.PackedSymmetricKernels;
import org.reconlab.core.operator.PackedSymmetricOperator;

/**
 * reconlab's side of {@code benchmarks/compare-numpy.sh}: reads the instance NumPy reads ({@code A.npy}, m x d^2,
 * row i the measurement matrix {@code A_i} in C order; {@code y.npy}; {@code U0.npy}, d x k), builds the operator as
 * a reconlab experiment builds it for a PSD problem and a {@code U U^T} model (packed symmetric storage), runs
 * gradient steps on {@code 1/4 ||A(U U^T) - y||^2} timing each, and prints {@code key=value} lines. Writes the final
 * U to {@code U_reconlab.npy} so the script can check that both computed the same iterates.
 *
 * <p>Before the timed steps, untimed ones from {@code U0} run for {@code WARMUP_SECONDS} (at least
 * {@value #MIN_WARMUP_STEPS}) and are thrown away; the timed steps start from {@code U0} again, so both sides end at
 * the same iterate however many steps their warm-ups took.
 *
 * <p>Usage: {@code CompareNumpy DIR ETA WARMUP_SECONDS ITERATIONS}
 */
public final class CompareNumpy {

    /** As in {@code numpy_reference.py}. */
    private static final int MIN_WARMUP_STEPS = 5;

    private CompareNumpy() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: CompareNumpy DIR ETA WARMUP_SECONDS ITERATIONS");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        double eta = Double.parseDouble(args[1]);
        double warmupSeconds = Double.parseDouble(args[2]);
        int iterations = Integer.parseInt(args[3]);

        NpyArray u0 = NpyFormat.read(dir.resolve("U0.npy"));
        int d = u0.shape()[0];
        int k = u0.shape()[1];
        NpyArray y = NpyFormat.read(dir.resolve("y.npy"));
        int m = y.shape()[0];
        PackedSymmetricOperator operator = packed(NpyFormat.read(dir.resolve("A.npy")), d, m);
        SensingInstance warmup = new SensingInstance(operator, vector(y), matrix(u0, d, k));
        int warmupSteps = 0;
        long warmupStart = System.nanoTime();
        while (warmupSteps < MIN_WARMUP_STEPS || System.nanoTime() - warmupStart < warmupSeconds * 1e9) {
            warmup.step(eta);
            warmupSteps++;
        }
        SensingInstance instance = new SensingInstance(operator, vector(y), matrix(u0, d, k));
        double[] millis = new double[iterations];
        for (int t = 0; t < iterations; t++) {
            long start = System.nanoTime();
            instance.step(eta);
            millis[t] = (System.nanoTime() - start) / 1e6;
        }
        try (OutputStream out = Files.newOutputStream(dir.resolve("U_reconlab.npy"))) {
            NpyFormat.write(NpyArray.matrix(instance.u()), out);
        }
        int threads = KernelThreads.defaultThreads();
        long bytes = PackedSymmetricOperator.bytes(d, m);
        double bandwidth = CopyBandwidth.measure(Math.max(bytes, 1L << 28), threads, 10);
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        print("reconlab.d", d);
        print("reconlab.m", m);
        print("reconlab.k", k);
        print("reconlab.threads", threads);
        System.out.println("reconlab.kernel=" + DenseOperatorKernels.implementation());
        print("reconlab.operator_bytes", bytes);
        print("reconlab.warmup_steps", warmupSteps);
        print("reconlab.step_ms_median", sorted[sorted.length / 2]);
        print("reconlab.step_ms_min", sorted[0]);
        print("reconlab.copy_bandwidth_bytes_per_s", bandwidth);
    }

    /** The operator of the dense rows of {@code a}, packed row by row (the dense matrix is never held twice). */
    private static PackedSymmetricOperator packed(NpyArray a, int d, int m) {
        int[] shape = a.shape();
        if (shape.length != 2 || shape[0] != m || shape[1] != d * d) {
            throw new IllegalArgumentException("A.npy has shape " + Arrays.toString(shape) + ", expected (" + m + ", "
                    + d * d + ")");
        }
        int n = PackedSymmetricKernels.packedLength(d);
        double[] row = new double[d * d];
        double[] packed = new double[Math.multiplyExact(m, n)];
        for (int i = 0; i < m; i++) {
            long offset = (long) i * d * d;
            for (int p = 0; p < row.length; p++) {
                row[p] = a.get(offset + p);
            }
            PackedSymmetricKernels.packMeasurement(row, 0, d, packed, i * n);
        }
        return new PackedSymmetricOperator(d, m, packed);
    }

    private static DoubleMatrix1D vector(NpyArray y) {
        return new DenseDoubleMatrix1D(y.toArray());
    }

    private static DoubleMatrix2D matrix(NpyArray u, int d, int k) {
        DoubleMatrix2D out = new DenseDoubleMatrix2D(d, k);
        for (int j = 0; j < d; j++) {
            for (int l = 0; l < k; l++) {
                out.setQuick(j, l, u.get((long) j * k + l));
            }
        }
        return out;
    }

    private static void print(String key, long value) {
        System.out.println(key + "=" + value);
    }

    private static void print(String key, double value) {
        System.out.println(key + "=" + String.format(Locale.ROOT, "%.6g", value));
    }
}
