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
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.reconlab.app.arrays.NpyArray;
import org.reconlab.app.arrays.NpyFormat;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.optim.NuclearNormSolver;
import org.reconlab.core.spi.Shape;
import org.reconlab.networks.diagonal.BasisPursuit;
import org.reconlab.sensing.measurement.DenseMeasurementOperator;
import org.reconlab.sketching.reconstruction.SketchReconstructions;
import org.reconlab.sketching.testmatrix.GaussianTestMatrix;

/**
 * reconlab's side of {@code benchmarks/compare-peers.sh}: reads an instance that {@code peer_reference.py make}
 * wrote, solves it with the solver an experiment uses, and prints {@code key=value} lines (median and fastest
 * solve in milliseconds). The answer goes to {@code DIR/x_reconlab.npy} so the script can measure its accuracy
 * beside the peers'.
 *
 * <p>Solves run untimed for {@code WARMUP_SECONDS} first (the JIT compiles the solver meanwhile, as it does in the
 * first trials of a sweep), then {@code REPEATS} timed ones; every solve starts from scratch on the same instance.
 *
 * <p>Usage: {@code ComparePeers PROBLEM DIR WARMUP_SECONDS REPEATS [TOLERANCE]} with PROBLEM one of
 * {@code nuclear-norm} (A.npy: m x d^2, y.npy), {@code basis-pursuit} (A.npy: n x d, y.npy) and
 * {@code double-sketch} (X.npy, Omega.npy, Psi.npy: the sketches are formed and the reconstruction computed).
 */
public final class ComparePeers {

    private ComparePeers() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 4 || args.length > 5) {
            System.err.println("usage: ComparePeers PROBLEM DIR WARMUP_SECONDS REPEATS [TOLERANCE]");
            System.exit(2);
        }
        String problem = args[0];
        Path dir = Path.of(args[1]);
        double warmupSeconds = Double.parseDouble(args[2]);
        int repeats = Integer.parseInt(args[3]);
        double tolerance = args.length == 5 ? Double.parseDouble(args[4]) : 1e-9;
        Supplier<NpyArray> solver = switch (problem) {
            case "nuclear-norm" -> nuclearNorm(dir, tolerance);
            case "basis-pursuit" -> basisPursuit(dir);
            case "double-sketch" -> doubleSketch(dir);
            default -> throw new IllegalArgumentException("unknown problem " + problem
                    + "; one of nuclear-norm, basis-pursuit, double-sketch");
        };
        int warmups = 0;
        long warmupStart = System.nanoTime();
        while (warmups < 1 || System.nanoTime() - warmupStart < warmupSeconds * 1e9) {
            solver.get();
            warmups++;
        }
        double[] millis = new double[repeats];
        NpyArray answer = null;
        for (int t = 0; t < repeats; t++) {
            long start = System.nanoTime();
            answer = solver.get();
            millis[t] = (System.nanoTime() - start) / 1e6;
        }
        try (OutputStream out = Files.newOutputStream(dir.resolve("x_reconlab.npy"))) {
            NpyFormat.write(answer, out);
        }
        Arrays.sort(millis);
        System.out.println("reconlab.warmup_solves=" + warmups);
        System.out.println("reconlab.ms_median=" + String.format(Locale.ROOT, "%.6g", millis[repeats / 2]));
        System.out.println("reconlab.ms_min=" + String.format(Locale.ROOT, "%.6g", millis[0]));
    }

    /** {@code min ||X||_* s.t. A(X) = y} by {@link NuclearNormSolver}, as the {@code nuclear-norm} optimizer runs it. */
    private static Supplier<NpyArray> nuclearNorm(Path dir, double tolerance) throws IOException {
        NpyArray a = NpyFormat.read(dir.resolve("A.npy"));
        DoubleMatrix1D y = new DenseDoubleMatrix1D(NpyFormat.read(dir.resolve("y.npy")).toArray());
        int m = a.shape()[0];
        int d = (int) Math.round(Math.sqrt(a.shape()[1]));
        Shape domain = Shape.matrix(d, d);
        DenseMeasurementOperator operator = new DenseMeasurementOperator(domain, m, a.toArray());
        NuclearNormSolver solver = new NuclearNormSolver(3.0, tolerance, 100_000);
        return () -> {
            NuclearNormSolver.Solution solution = solver.solve(operator, y, 0, new DenseDoubleMatrix2D(d, d),
                    new SplittableRandom(1), (k, x) -> true);
            return NpyArray.matrix(solution.x());
        };
    }

    /** {@code min ||w||_1 s.t. A w = y} by {@link BasisPursuit}, as the {@code l1-gap} metric computes it. */
    private static Supplier<NpyArray> basisPursuit(Path dir) throws IOException {
        DoubleMatrix2D a = matrix(NpyFormat.read(dir.resolve("A.npy")));
        DoubleMatrix1D y = new DenseDoubleMatrix1D(NpyFormat.read(dir.resolve("y.npy")).toArray());
        return () -> NpyArray.vector(new DenseDoubleMatrix1D(BasisPursuit.solve(a, y)));
    }

    /** The sketches {@code Y = X Omega}, {@code W = Psi X} and {@code X_hat = Y (Psi Y)^+ W}. */
    private static Supplier<NpyArray> doubleSketch(Path dir) throws IOException {
        DoubleMatrix2D x = matrix(NpyFormat.read(dir.resolve("X.npy")));
        DoubleMatrix2D omega = matrix(NpyFormat.read(dir.resolve("Omega.npy")));
        GaussianTestMatrix psi = GaussianTestMatrix.of(matrix(NpyFormat.read(dir.resolve("Psi.npy"))));
        return () -> {
            DoubleMatrix2D rangeSketch = MatrixOps.mult(x, omega);
            DoubleMatrix2D corangeSketch = psi.apply(x);
            return NpyArray.matrix(SketchReconstructions.doubleSketch(rangeSketch, corangeSketch, psi).product());
        };
    }

    private static DoubleMatrix2D matrix(NpyArray array) {
        int rows = array.shape()[0];
        int columns = array.shape()[1];
        DoubleMatrix2D out = new DenseDoubleMatrix2D(rows, columns);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                out.setQuick(i, j, array.get((long) i * columns + j));
            }
        }
        return out;
    }
}
