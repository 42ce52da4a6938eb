package org.reconlab.deconvolution.measurement;

import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import java.util.Arrays;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The known subspace of the filter, {@code w = B h}: an L x K matrix with orthonormal columns, so {@code ||w|| = ||h||}.
 *
 * <p>What matters for recovery is how B looks in the Fourier domain, where convolution is a product: Ahmed, Recht and
 * Romberg (2014) measure it by the coherence {@code mu^2 = (L/K) max_l ||F_l B||^2} over the rows of {@code F B}. A
 * short filter ({@link #IDENTITY}) has {@code F B} equal to the first K columns of the DFT matrix, the "Fourier B" of
 * their analysis, with the best coherence 1. A filter spanned by K Fourier modes ({@link #BAND_LIMITED}) is the
 * opposite extreme: {@code F B} is K columns of the identity, coherence L/K, and the convolution vanishes at every
 * other frequency, so y holds only about K numbers about the KN unknowns and no method can recover {@code h m^T}. It
 * is offered as the negative control of that theory.
 */
public enum SubspaceBasis {

    /** The first K columns of the identity: a filter supported on its first K samples (Ahmed, Recht, Romberg 2014). */
    IDENTITY,

    /** K distinct columns of the identity chosen uniformly at random: a filter with a random known support. */
    RANDOM_IDENTITY,

    /**
     * The first K columns of the real orthonormal Fourier basis of R^L, by increasing frequency:
     * {@code 1/sqrt(L)}, then {@code sqrt(2/L) cos(2 pi j t / L)}, {@code sqrt(2/L) sin(2 pi j t / L)} for
     * {@code j = 1, 2, ...} (and {@code (-1)^t / sqrt(L)} at {@code j = L/2} for even L): a band-limited filter. The real
     * basis spans the same low-frequency space as the complex exponentials {@code e^{2 pi i j t / L}},
     * {@code |j| < K/2}, and keeps the filter, and therefore the observations, real. Not identifiable (see above).
     */
    BAND_LIMITED;

    /** The spec name: {@code identity}, {@code random-identity}, {@code band-limited}. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static SubspaceBasis fromSpecName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** Whether drawing the basis uses randomness. */
    public boolean isRandom() {
        return this == RANDOM_IDENTITY;
    }

    /** The L x K basis; {@code random} is used only by {@link #RANDOM_IDENTITY}. */
    public DoubleMatrix2D matrix(int length, int k, RandomGenerator random) {
        if (k < 1 || k > length) {
            throw new IllegalArgumentException("need 1 <= K <= L for an L x K basis, got K = " + k + ", L = " + length);
        }
        DoubleMatrix2D b = new DenseDoubleMatrix2D(length, k);
        switch (this) {
            case IDENTITY -> {
                for (int j = 0; j < k; j++) {
                    b.setQuick(j, j, 1);
                }
            }
            case RANDOM_IDENTITY -> {
                int[] rows = sampleWithoutReplacement(length, k, random);
                for (int j = 0; j < k; j++) {
                    b.setQuick(rows[j], j, 1);
                }
            }
            case BAND_LIMITED -> {
                for (int j = 0; j < k; j++) {
                    for (int t = 0; t < length; t++) {
                        b.setQuick(t, j, fourier(j, t, length));
                    }
                }
            }
        }
        return b;
    }

    /** Column {@code j} of the real Fourier basis at time {@code t}. */
    private static double fourier(int j, int t, int length) {
        if (j == 0) {
            return 1 / Math.sqrt(length);
        }
        int frequency = (j + 1) / 2;
        if (2 * frequency == length) {
            return (t % 2 == 0 ? 1 : -1) / Math.sqrt(length);
        }
        double angle = 2 * Math.PI * frequency * (long) t / length;
        return Math.sqrt(2.0 / length) * (j % 2 == 1 ? Math.cos(angle) : Math.sin(angle));
    }

    /** {@code k} distinct indices of {0..n-1}, increasing (partial Fisher-Yates). */
    private static int[] sampleWithoutReplacement(int n, int k, RandomGenerator random) {
        int[] pool = new int[n];
        for (int i = 0; i < n; i++) {
            pool[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            int swap = pool[i];
            pool[i] = pool[j];
            pool[j] = swap;
        }
        int[] chosen = Arrays.copyOf(pool, k);
        Arrays.sort(chosen);
        return chosen;
    }
}
