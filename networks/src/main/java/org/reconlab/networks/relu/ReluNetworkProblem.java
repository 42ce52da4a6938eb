package org.reconlab.networks.relu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.ByteCounts;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.ConfigException;
import org.reconlab.core.spi.DeclaredFactory;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Parameter;
import org.reconlab.core.spi.Parameters;
import org.reconlab.core.spi.Problem;
import org.reconlab.core.spi.ProblemFactory;
import org.reconlab.core.spi.Shape;

/**
 * Draws a random ReLU network {@code Phi: R^d -> R} (see {@link ReluNetwork}) with Gaussian weights in He scaling and
 * biases from a symmetric distribution. The truth is a function: its {@link GroundTruth#parts()} are the layers,
 * there is no signal array.
 *
 * <p>Two He scalings, which differ by a constant factor per layer (so by a global factor when biases are zero):
 * <ul>
 *   <li>{@code fan-out} (default): hidden weights {@code N(0, 2/N_l)} ({@code N_l} the width of the layer the
 *   weights feed, He et al. 2015's backward-pass rule) and output weights {@code N(0, 1)}. This is the normalization
 *   of Geuchen, Heindl, Stoeger and Voigtlaender, "Upper and lower bounds for the Lipschitz constant of random
 *   neural networks" (2023): back-propagation preserves squared norms in expectation, so the gradient at a typical
 *   input is close to a standard Gaussian vector in {@code R^d} and the Lipschitz constant is on the scale of
 *   {@code ||g||_q}, {@code sqrt(d)} for {@code p = 2}.</li>
 *   <li>{@code fan-in}: hidden weights {@code N(0, 2/N_{l-1})} (He's forward-pass rule, the variance 2/fan-in of
 *   docs/science.md §2) and output weights {@code N(0, 1/N_L)}. Forward signals keep their norm; the gradient at a typical
 *   input has squared norm about 1, so every Lipschitz constant is {@code 1/sqrt(d)} times its fan-out value.</li>
 * </ul>
 */
public final class ReluNetworkProblem implements Problem {

    /** The He scaling of the weight variances. */
    public enum Scaling {
        FAN_OUT, FAN_IN;

        public String specName() {
            return name().toLowerCase().replace('_', '-');
        }

        /**
         * The standard deviation of a typical input's gradient entries, {@code sqrt(E ||grad Phi(x)||^2 / d)}: 1 in
         * fan-out scaling, {@code 1/sqrt(d)} in fan-in scaling (zero biases, exact in expectation when each neuron is
         * active with probability 1/2 independently of the weights above it).
         */
        public double gradientEntryScale(int inputDimension) {
            return this == FAN_OUT ? 1.0 : 1.0 / Math.sqrt(inputDimension);
        }
    }

    private final int inputDimension;
    private final List<Integer> widths;
    private final BiasDistribution bias;
    private final double biasScale;
    private final Scaling scaling;

    public ReluNetworkProblem(int inputDimension, List<Integer> widths, BiasDistribution bias, double biasScale,
            Scaling scaling) {
        if (inputDimension < 1) {
            throw new IllegalArgumentException("input dimension must be >= 1, got " + inputDimension);
        }
        if (widths.isEmpty() || widths.stream().anyMatch(w -> w < 1)) {
            throw new IllegalArgumentException("widths must be a non-empty list of integers >= 1, got " + widths);
        }
        this.inputDimension = inputDimension;
        this.widths = List.copyOf(widths);
        this.bias = bias;
        this.biasScale = biasScale;
        this.scaling = scaling;
    }

    public Scaling scaling() {
        return scaling;
    }

    public List<Integer> widths() {
        return widths;
    }

    @Override
    public Shape signalShape() {
        return Shape.function(inputDimension);
    }

    /** The weights and biases of every layer, twice: as drawn, and as the truth's blocks. */
    @Override
    public long estimatedBytes() {
        long entries = 0;
        long fanIn = inputDimension;
        for (long width : widths) {
            entries = ByteCounts.plus(entries, ByteCounts.times(width, fanIn + 1));
            fanIn = width;
        }
        entries = ByteCounts.plus(entries, fanIn + 1);
        return ByteCounts.times(2, ByteCounts.doubles(entries));
    }

    @Override
    public GroundTruth draw(SplittableRandom random) {
        List<double[][]> weights = new ArrayList<>();
        List<double[]> biases = new ArrayList<>();
        int fanIn = inputDimension;
        List<Integer> layers = new ArrayList<>(widths);
        layers.add(1);
        for (int l = 0; l < layers.size(); l++) {
            int fanOut = layers.get(l);
            boolean output = l == layers.size() - 1;
            double variance = switch (scaling) {
                case FAN_OUT -> output ? 1.0 : 2.0 / fanOut;
                case FAN_IN -> output ? 1.0 / fanIn : 2.0 / fanIn;
            };
            double sigma = Math.sqrt(variance);
            double[][] w = new double[fanOut][fanIn];
            for (double[] row : w) {
                for (int j = 0; j < fanIn; j++) {
                    row[j] = sigma * random.nextGaussian();
                }
            }
            double[] b = new double[fanOut];
            for (int i = 0; i < fanOut; i++) {
                b[i] = bias.draw(biasScale, random);
            }
            weights.add(w);
            biases.add(b);
            fanIn = fanOut;
        }
        ReluNetwork network = ReluNetwork.of(weights, biases);
        return new GroundTruth(signalShape(), null, network.toBlocks());
    }

    public static final class Factory extends DeclaredFactory<Problem> implements ProblemFactory {
        private static final Parameters PARAMETERS = Parameters.of(
                Parameter.integer("d", null, 1, 1_000_000, "input dimension"),
                Parameter.integer("width", null, 1, 1_000_000, "width of every hidden layer (default 100);"
                        + " not together with widths or width-ratio"),
                Parameter.real("width-ratio", null, Double.MIN_VALUE, 1e6, "width of every hidden layer as a"
                        + " multiple of d, rounded up, so that a sweep over d keeps N/d fixed; instead of width"),
                Parameter.integer("depth", null, 1, 1000, "number of hidden layers L (default 1);"
                        + " not together with widths"),
                Parameter.integers("widths", null, 1, 1_000_000, "widths N_1..N_L of the hidden layers, instead of"
                        + " width and depth"),
                Parameter.choice("bias", "gaussian", Arrays.stream(BiasDistribution.values())
                        .map(BiasDistribution::specName).toList(), "distribution of the biases (symmetric)"),
                Parameter.real("bias-scale", 1.0, 0.0, Double.MAX_VALUE, "scale s of the bias distribution:"
                        + " standard deviation, half-width of the interval or the magnitude of a Rademacher bias"),
                Parameter.choice("scaling", "fan-out", List.of("fan-out", "fan-in"), "He scaling of the weights:"
                        + " fan-out (Geuchen et al. 2023, typical gradient ~ N(0, I_d)) or fan-in (variance 2/fan-in)"));

        public Factory() {
            super("relu-network",
                    "random ReLU network R^d -> R, He-scaled Gaussian weights, symmetric random biases",
                    PARAMETERS);
        }

        @Override
        public Problem create(Config config, BuildContext context) {
            int d = config.integer("d");
            boolean hasWidth = config.optionalInteger("width").isPresent();
            boolean hasRatio = config.optionalReal("width-ratio").isPresent();
            List<Integer> widths;
            if (config.asMap().containsKey("widths")) {
                if (hasWidth || hasRatio || config.optionalInteger("depth").isPresent()) {
                    throw new ConfigException("widths", "give either widths, or width (or width-ratio) and depth");
                }
                widths = config.integers("widths");
            } else {
                if (hasWidth && hasRatio) {
                    throw new ConfigException("width-ratio", "give either width or width-ratio, not both");
                }
                long width = hasRatio ? (long) Math.ceil(config.optionalReal("width-ratio").getAsDouble() * d)
                        : config.optionalInteger("width").orElse(100);
                if (width > 1_000_000) {
                    throw new ConfigException("width-ratio", "width-ratio " + config.asMap().get("width-ratio")
                            + " times d = " + d + " gives width " + width + ", more than 1000000");
                }
                widths = Collections.nCopies(config.optionalInteger("depth").orElse(1), (int) width);
            }
            Scaling scaling = config.choice("scaling").equals("fan-in") ? Scaling.FAN_IN : Scaling.FAN_OUT;
            return new ReluNetworkProblem(d, widths,
                    BiasDistribution.fromSpecName(config.choice("bias")), config.real("bias-scale"), scaling);
        }
    }
}
