package org.reconlab.networks.relu;

/**
 * Upper bounds on the l^p Lipschitz constant {@code Lip_p(Phi) = sup_x ||grad Phi(x)||_q} of a ReLU network.
 *
 * <p>Both start from the Jacobian on a linear region, {@code grad Phi(x)^T = W_{L+1} D_L W_L ... D_1 W_1} with
 * {@code D_l} diagonal 0/1. The input carries l^p, every hidden layer l^2 (the intermediate norms are free; l^2 is
 * the one in which He-scaled Gaussian layers have norms of order 1, while their {@code l^p -> l^p} norms grow like
 * {@code N^{|1/2 - 1/p|}}), so the first layer is measured {@code l^p -> l^2} ({@link LpNorms#pTo2Norm}) and the
 * others by their spectral norms.
 *
 * <ul>
 *   <li><b>Product bound</b>: {@code ||W_1||_{p->2} ||W_2||_2 ... ||W_L||_2 ||W_{L+1}||_2}, from
 *   {@code ||D_l|| <= 1}.</li>
 *   <li><b>Averaged bound</b> (ours, after Combettes and Pesquet, "Lipschitz certificates for layered network
 *   structures driven by averaged activation operators", SIAM J. Math. Data Sci. 2020): write
 *   {@code D_l = (I + S_l)/2} with {@code S_l} diagonal of signs, an isometry of every l^r. Expanding the product
 *   gives {@code 2^L} terms, one per set {@code J} of layers where {@code S_l} is taken; in each, the layers between
 *   consecutive elements of {@code J} merge into one matrix product, whose norm is usually far below the product of
 *   its factors' norms (the term with {@code J} empty is the single row vector {@code W_{L+1} W_L ... W_1}, of size
 *   {@code ||g||_q} for a random network). So
 *   {@code Lip_p <= 2^{-L} sum_J prod_{segments of J} ||segment||}, with the same norms as above. Every term is at
 *   most the product bound (submultiplicativity), so the averaged bound never exceeds it; the term for
 *   {@code J = all layers} is the product bound itself. The sum over {@code 2^L} sets is computed exactly in
 *   {@code O(L^2)} segment norms by the recursion
 *   {@code f(a) = n(a, L+1) + sum_{b=a+1}^{L} n(a, b) f(b)}, {@code bound = 2^{-L} f(0)}, where {@code n(a, b)} is the
 *   norm of {@code W_b ... W_{a+1}}.</li>
 * </ul>
 *
 * @param product the product bound
 * @param averaged the averaged bound, {@code <= product}
 */
public record LipschitzBounds(double product, double averaged) {

    /** Both bounds of {@code network} for the input norm l^p. */
    public static LipschitzBounds of(ReluNetwork network, double p) {
        int hidden = network.depth();
        int output = hidden + 1;
        double q = LipschitzProbe.dual(p);
        // norms[a][b] = norm of W_b ... W_{a+1}, 0 <= a < b <= L+1, in the norms described above.
        double[][] norms = new double[output][output + 1];
        for (int a = 0; a < output; a++) {
            double[][] segment = null;
            for (int b = a + 1; b <= output; b++) {
                double[][] layer = network.weights(b);
                segment = segment == null ? layer : multiply(layer, segment);
                if (a == 0) {
                    norms[a][b] = b == output ? LpNorms.norm(segment[0], q) : LpNorms.pTo2Norm(segment, p);
                } else {
                    norms[a][b] = b == output ? LpNorms.norm(segment[0], 2) : LpNorms.spectralNorm(segment);
                }
            }
        }
        double product = norms[0][1];
        for (int l = 1; l <= hidden; l++) {
            product *= norms[l][l + 1];
        }
        double[] f = new double[output];
        for (int a = hidden; a >= 0; a--) {
            double sum = norms[a][output];
            for (int b = a + 1; b <= hidden; b++) {
                sum += norms[a][b] * f[b];
            }
            f[a] = sum;
        }
        double averaged = Math.scalb(f[0], -hidden);
        // Rounding may put the averaged sum a hair above the product when every merged segment is a single layer.
        return new LipschitzBounds(product, Math.min(averaged, product));
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int inner = b.length;
        double[][] out = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            double[] row = out[i];
            for (int k = 0; k < inner; k++) {
                double aik = a[i][k];
                if (aik == 0) {
                    continue;
                }
                double[] bk = b[k];
                for (int j = 0; j < bk.length; j++) {
                    row[j] += aik * bk[j];
                }
            }
        }
        return out;
    }
}
