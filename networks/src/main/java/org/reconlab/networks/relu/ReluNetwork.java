package org.reconlab.networks.relu;

import static java.util.Objects.requireNonNull;

import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import java.util.ArrayList;
import java.util.List;
import org.reconlab.core.spi.Blocks;

/**
 * A fully connected ReLU network {@code Phi: R^d -> R},
 * {@code Phi(x) = W_{L+1} relu(W_L relu(... relu(W_1 x + b_1) ...) + b_L) + b_{L+1}}, with {@code L} hidden layers
 * of widths {@code N_1..N_L} ({@code W_l} is {@code N_l x N_{l-1}}, {@code N_0 = d}, {@code W_{L+1}} is
 * {@code 1 x N_L}). Immutable; the weights are copied into plain arrays because the Lipschitz search evaluates
 * the network and its derivatives hundreds of thousands of times.
 *
 * <p>As a {@link Blocks} (the parts of a ground truth) the layers are named {@code W1, b1, ..., W{L+1}, b{L+1}},
 * biases as columns.
 */
public final class ReluNetwork {

    private final int inputDimension;
    /** weights[l] is layer l+1's matrix, rows = its width. */
    private final double[][][] weights;
    private final double[][] biases;

    private ReluNetwork(double[][][] weights, double[][] biases) {
        this.weights = weights;
        this.biases = biases;
        this.inputDimension = weights[0][0].length;
    }

    /**
     * A network from its layers, copied.
     *
     * @param weights {@code W_1 .. W_{L+1}}, the last with one row
     * @param biases {@code b_1 .. b_{L+1}}
     */
    public static ReluNetwork of(List<double[][]> weights, List<double[]> biases) {
        requireNonNull(weights, "weights is null");
        requireNonNull(biases, "biases is null");
        if (weights.size() < 2 || weights.size() != biases.size()) {
            throw new IllegalArgumentException("a network needs at least one hidden layer and one bias per layer; got "
                    + weights.size() + " weight matrices and " + biases.size() + " biases");
        }
        double[][][] w = new double[weights.size()][][];
        double[][] b = new double[weights.size()][];
        int fanIn = weights.get(0).length == 0 ? 0 : weights.get(0)[0].length;
        for (int l = 0; l < weights.size(); l++) {
            double[][] layer = weights.get(l);
            if (layer.length == 0 || fanIn == 0) {
                throw new IllegalArgumentException("layer " + (l + 1) + " is empty");
            }
            w[l] = new double[layer.length][];
            for (int i = 0; i < layer.length; i++) {
                if (layer[i].length != fanIn) {
                    throw new IllegalArgumentException("layer " + (l + 1) + " row " + i + " has " + layer[i].length
                            + " columns, the layer below has width " + fanIn);
                }
                w[l][i] = layer[i].clone();
            }
            if (biases.get(l).length != layer.length) {
                throw new IllegalArgumentException("layer " + (l + 1) + " has width " + layer.length + " but "
                        + biases.get(l).length + " biases");
            }
            b[l] = biases.get(l).clone();
            fanIn = layer.length;
        }
        if (w[w.length - 1].length != 1) {
            throw new IllegalArgumentException("the output layer must have one row, has " + w[w.length - 1].length);
        }
        return new ReluNetwork(w, b);
    }

    /** Reads the blocks {@code W1, b1, ..., W{L+1}, b{L+1}} of a ground truth's parts. */
    public static ReluNetwork fromBlocks(Blocks parts) {
        requireNonNull(parts, "parts is null");
        int layers = parts.size() / 2;
        if (layers < 2 || parts.size() % 2 != 0) {
            throw new IllegalArgumentException("a ReLU network has blocks W1, b1, ..., W{L+1}, b{L+1}; got " + parts);
        }
        List<double[][]> weights = new ArrayList<>();
        List<double[]> biases = new ArrayList<>();
        for (int l = 1; l <= layers; l++) {
            weights.add(parts.get("W" + l).toArray());
            biases.add(parts.get("b" + l).viewColumn(0).toArray());
        }
        return of(weights, biases);
    }

    /** The layers as blocks {@code W1, b1, ..., W{L+1}, b{L+1}}, biases as columns. */
    public Blocks toBlocks() {
        Blocks.Builder builder = Blocks.builder();
        for (int l = 0; l < weights.length; l++) {
            builder.add("W" + (l + 1), new DenseDoubleMatrix2D(weights[l]));
            DoubleMatrix2D bias = new DenseDoubleMatrix2D(biases[l].length, 1);
            bias.viewColumn(0).assign(biases[l]);
            builder.add("b" + (l + 1), bias);
        }
        return builder.build();
    }

    /** {@code d}. */
    public int inputDimension() {
        return inputDimension;
    }

    /** {@code L}, the number of hidden layers. */
    public int depth() {
        return weights.length - 1;
    }

    /** {@code N_l} for {@code l = 1..L}. */
    public int width(int layer) {
        checkHidden(layer);
        return weights[layer - 1].length;
    }

    /** A copy of {@code W_l}, {@code l = 1..L+1}. */
    public double[][] weights(int layer) {
        if (layer < 1 || layer > weights.length) {
            throw new IllegalArgumentException("layer " + layer + " is not in 1.." + weights.length);
        }
        double[][] copy = new double[weights[layer - 1].length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = weights[layer - 1][i].clone();
        }
        return copy;
    }

    /** A copy of {@code b_l}, {@code l = 1..L+1}. */
    public double[] biases(int layer) {
        if (layer < 1 || layer > biases.length) {
            throw new IllegalArgumentException("layer " + layer + " is not in 1.." + biases.length);
        }
        return biases[layer - 1].clone();
    }

    /** The total number of hidden neurons. */
    public int hiddenNeurons() {
        int total = 0;
        for (int l = 0; l < depth(); l++) {
            total += weights[l].length;
        }
        return total;
    }

    /** {@code Phi(x)}. */
    public double value(double[] x) {
        checkInput(x);
        double[] a = x;
        for (int l = 0; l < depth(); l++) {
            double[] z = affine(l, a);
            for (int i = 0; i < z.length; i++) {
                z[i] = Math.max(z[i], 0);
            }
            a = z;
        }
        return affine(depth(), a)[0];
    }

    /**
     * {@code grad Phi(x) = W_1^T D_1 W_2^T ... D_L W_{L+1}^T} with {@code D_l = diag(1[z_l > 0])}: the gradient in the
     * linear region of {@code x} (a neuron exactly at its kink counts as inactive, which happens on a null set).
     */
    public double[] gradient(double[] x) {
        checkInput(x);
        boolean[][] active = new boolean[depth()][];
        double[] a = x;
        for (int l = 0; l < depth(); l++) {
            double[] z = affine(l, a);
            active[l] = new boolean[z.length];
            for (int i = 0; i < z.length; i++) {
                active[l][i] = z[i] > 0;
                z[i] = active[l][i] ? z[i] : 0;
            }
            a = z;
        }
        return backward(active);
    }

    /** The activation pattern of {@code x}: {@code pattern[l][i]} is whether neuron i of hidden layer l+1 is active. */
    public boolean[][] pattern(double[] x) {
        checkInput(x);
        boolean[][] active = new boolean[depth()][];
        double[] a = x;
        for (int l = 0; l < depth(); l++) {
            double[] z = affine(l, a);
            active[l] = new boolean[z.length];
            for (int i = 0; i < z.length; i++) {
                active[l][i] = z[i] > 0;
                z[i] = Math.max(z[i], 0);
            }
            a = z;
        }
        return active;
    }

    /** The gradient of the linear piece with activation pattern {@code active}, whether or not it is realized. */
    public double[] backward(boolean[][] active) {
        double[] delta = weights[depth()][0].clone();
        for (int l = depth() - 1; l >= 0; l--) {
            double[][] w = weights[l];
            double[] next = new double[w[0].length];
            for (int i = 0; i < w.length; i++) {
                if (!active[l][i] || delta[i] == 0) {
                    continue;
                }
                double di = delta[i];
                double[] row = w[i];
                for (int j = 0; j < row.length; j++) {
                    next[j] += di * row[j];
                }
            }
            delta = next;
        }
        return delta;
    }

    /**
     * The pre-activations of every hidden neuron as affine functions of the input on the linear region of {@code x}:
     * {@code z_l(y) = A_l y + c_l} for every {@code y} with the same activation pattern as {@code x}.
     */
    public List<AffineLayer> affinePreactivations(double[] x) {
        checkInput(x);
        int d = inputDimension;
        // Running affine map of the current layer's activations: a(y) = P y + q.
        double[][] p = new double[d][d];
        for (int j = 0; j < d; j++) {
            p[j][j] = 1;
        }
        double[] q = new double[d];
        double[] a = x.clone();
        List<AffineLayer> layers = new ArrayList<>();
        for (int l = 0; l < depth(); l++) {
            double[][] w = weights[l];
            double[][] slope = new double[w.length][d];
            double[] offset = new double[w.length];
            double[] z = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                double zi = biases[l][i];
                double oi = biases[l][i];
                for (int k = 0; k < w[i].length; k++) {
                    double wik = w[i][k];
                    if (wik == 0) {
                        continue;
                    }
                    zi += wik * a[k];
                    oi += wik * q[k];
                    for (int j = 0; j < d; j++) {
                        slope[i][j] += wik * p[k][j];
                    }
                }
                z[i] = zi;
                offset[i] = oi;
            }
            layers.add(new AffineLayer(slope, offset));
            double[][] nextP = new double[w.length][];
            double[] nextQ = new double[w.length];
            double[] nextA = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                boolean on = z[i] > 0;
                nextP[i] = on ? slope[i] : new double[d];
                nextQ[i] = on ? offset[i] : 0;
                nextA[i] = on ? z[i] : 0;
            }
            p = nextP;
            q = nextQ;
            a = nextA;
        }
        return layers;
    }

    /** The pre-activations {@code z = A y + c} of one hidden layer on a linear region ({@code A} is width x d). */
    public record AffineLayer(double[][] slope, double[] offset) {
    }

    /**
     * Per-layer softplus sharpness {@code t_l = temperature * rms(z_l(x))}, {@code z_l} the ReLU network's
     * pre-activations at {@code x}: smoothing with these acts on the same fraction of every layer's neurons,
     * whatever the layer's scale.
     */
    public double[] sharpness(double[] x, double temperature) {
        checkInput(x);
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
        }
        double[] sharpness = new double[depth()];
        double[] a = x;
        for (int l = 0; l < depth(); l++) {
            double[] z = affine(l, a);
            double rms = 0;
            for (int i = 0; i < z.length; i++) {
                rms += z[i] * z[i];
                z[i] = Math.max(z[i], 0);
            }
            sharpness[l] = temperature * Math.max(Math.sqrt(rms / z.length), 1e-300);
            a = z;
        }
        return sharpness;
    }

    /**
     * The smoothed network {@code Phi_t}, the ReLU of hidden layer l replaced by
     * {@code softplus(z) = t_l log(1 + e^{z/t_l})}, evaluated with the first and second derivatives the Lipschitz
     * ascent needs.
     *
     * @param sharpness {@code t_1..t_L}, see {@link #sharpness}
     * @param u the direction whose derivative {@code <grad Phi_t(x), u>} is differentiated
     * @return {@code grad Phi_t(x)} and {@code grad_x <grad Phi_t(x), u> = Hess Phi_t(x) u}
     */
    public SmoothedDerivatives smoothed(double[] x, double[] sharpness, double[] u) {
        checkInput(x);
        checkInput(u);
        int layers = depth();
        if (sharpness.length != layers) {
            throw new IllegalArgumentException("need " + layers + " sharpness values, got " + sharpness.length);
        }
        double[][] s1 = new double[layers][];
        double[][] s2 = new double[layers][];
        double[][] tangent = new double[layers][];
        double[] a = x;
        double[] tau = u;
        for (int l = 0; l < layers; l++) {
            double[] z = affine(l, a);
            double[] t = linear(l, tau);
            double width = sharpness[l];
            s1[l] = new double[z.length];
            s2[l] = new double[z.length];
            double[] nextA = new double[z.length];
            double[] nextTau = new double[z.length];
            for (int i = 0; i < z.length; i++) {
                double r = z[i] / width;
                double sigmoid = r >= 0 ? 1 / (1 + Math.exp(-r)) : Math.exp(r) / (1 + Math.exp(r));
                s1[l][i] = sigmoid;
                s2[l][i] = sigmoid * (1 - sigmoid) / width;
                nextA[i] = width * (r > 30 ? r : Math.log1p(Math.exp(r)));
                nextTau[i] = sigmoid * t[i];
            }
            tangent[l] = t;
            a = nextA;
            tau = nextTau;
        }
        // Gradient: delta_L = W_{L+1}^T, delta_{l-1} = W_l^T (s1_l * delta_l).
        // Hessian-vector product: reverse mode over h(x) = <grad Phi_tau(x), u> = W_{L+1} tau_L.
        double[] delta = weights[layers][0].clone();
        double[] barTau = weights[layers][0].clone();
        double[] barA = new double[barTau.length];
        for (int l = layers - 1; l >= 0; l--) {
            int width = s1[l].length;
            double[] deltaZ = new double[width];
            double[] barT = new double[width];
            double[] barZ = new double[width];
            for (int i = 0; i < width; i++) {
                deltaZ[i] = s1[l][i] * delta[i];
                barT[i] = barTau[i] * s1[l][i];
                barZ[i] = barTau[i] * tangent[l][i] * s2[l][i] + barA[i] * s1[l][i];
            }
            delta = transposed(l, deltaZ);
            barTau = transposed(l, barT);
            barA = transposed(l, barZ);
        }
        return new SmoothedDerivatives(delta, barA);
    }

    /** {@code grad Phi_tau(x)} and {@code Hess Phi_tau(x) u}. */
    public record SmoothedDerivatives(double[] gradient, double[] hessianTimesDirection) {
    }

    private double[] affine(int l, double[] a) {
        double[] z = linear(l, a);
        for (int i = 0; i < z.length; i++) {
            z[i] += biases[l][i];
        }
        return z;
    }

    private double[] linear(int l, double[] a) {
        double[][] w = weights[l];
        double[] z = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            double[] row = w[i];
            double sum = 0;
            for (int j = 0; j < row.length; j++) {
                sum += row[j] * a[j];
            }
            z[i] = sum;
        }
        return z;
    }

    private double[] transposed(int l, double[] y) {
        double[][] w = weights[l];
        double[] out = new double[w[0].length];
        for (int i = 0; i < w.length; i++) {
            double yi = y[i];
            if (yi == 0) {
                continue;
            }
            double[] row = w[i];
            for (int j = 0; j < row.length; j++) {
                out[j] += yi * row[j];
            }
        }
        return out;
    }

    private void checkInput(double[] x) {
        requireNonNull(x, "x is null");
        if (x.length != inputDimension) {
            throw new IllegalArgumentException("input has length " + x.length + ", the network takes R^" + inputDimension);
        }
    }

    private void checkHidden(int layer) {
        if (layer < 1 || layer > depth()) {
            throw new IllegalArgumentException("hidden layer " + layer + " is not in 1.." + depth());
        }
    }
}
