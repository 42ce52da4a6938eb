package org.reconlab.networks.relu;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every linear region of a ReLU network on {@code R^2}, found by a breadth-first walk over adjacent regions; the
 * exact Lipschitz constant {@code Lip_p = max over regions ||grad||_q} follows.
 *
 * <p>For a fixed activation pattern every pre-activation is affine in the input, so the inputs with that pattern
 * form a convex polygon: the intersection of one half-plane per hidden neuron, computed by clipping a box
 * {@code [-R, R]^2} (Sutherland-Hodgman). Distinct regions have distinct patterns. From each polygon the walk probes
 * just outside each edge that is not on the box, at three points along it, and queues the patterns it has not seen.
 * The box radius grows by a factor of 8 until the number of regions stops changing: regions are unbounded only
 * towards the conic far field, and every region of a generic arrangement has a vertex, so once the box holds all
 * vertices it meets every region.
 */
public final class ActivationRegions2d {

    /** One linear region: its activation pattern, the network's gradient on it, its polygon clipped to the box. */
    public record Region(boolean[][] pattern, double[] gradient, List<double[]> polygon) {
    }

    private static final int MAX_GROWTHS = 8;

    private final List<Region> regions;
    private final double radius;

    private ActivationRegions2d(List<Region> regions, double radius) {
        this.regions = List.copyOf(regions);
        this.radius = radius;
    }

    /** The regions of {@code network}, with a box grown until it meets all of them. */
    public static ActivationRegions2d enumerate(ReluNetwork network) {
        requireNonNull(network, "network is null");
        checkPlanar(network);
        double[][] first = network.weights(1);
        double[] offsets = network.biases(1);
        double radius = 1;
        for (int i = 0; i < first.length; i++) {
            double rowNorm = Math.hypot(first[i][0], first[i][1]);
            if (rowNorm > 0) {
                radius = Math.max(radius, 10 * Math.abs(offsets[i]) / rowNorm);
            }
        }
        ActivationRegions2d current = enumerate(network, radius);
        for (int growth = 0; growth < MAX_GROWTHS; growth++) {
            ActivationRegions2d larger = enumerate(network, 8 * current.radius);
            if (larger.count() == current.count()) {
                return larger;
            }
            current = larger;
        }
        return current;
    }

    /** The regions of {@code network} that meet the box {@code [-radius, radius]^2}. */
    public static ActivationRegions2d enumerate(ReluNetwork network, double radius) {
        requireNonNull(network, "network is null");
        checkPlanar(network);
        if (!(radius > 0) || Double.isInfinite(radius)) {
            throw new IllegalArgumentException("radius must be finite and > 0, got " + radius);
        }
        List<Region> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<double[]> queue = new ArrayDeque<>();
        // A start off every symmetry axis, so it is (almost surely) not on a kink.
        queue.add(new double[] {0.1234567 * radius * 1e-3, 0.0765432 * radius * 1e-3});
        while (!queue.isEmpty()) {
            double[] x = queue.poll();
            boolean[][] pattern = network.pattern(x);
            if (!seen.add(key(pattern))) {
                continue;
            }
            List<double[]> polygon = polygon(network, x, pattern, radius);
            if (polygon.size() < 3) {
                continue;
            }
            found.add(new Region(pattern, network.backward(pattern), polygon));
            for (int k = 0; k < polygon.size(); k++) {
                double[] a = polygon.get(k);
                double[] b = polygon.get((k + 1) % polygon.size());
                if (onBoxSide(a, b, radius)) {
                    continue;
                }
                double dx = b[0] - a[0];
                double dy = b[1] - a[1];
                double length = Math.hypot(dx, dy);
                if (length == 0) {
                    continue;
                }
                // Counter-clockwise polygon: (dy, -dx) points outwards.
                double step = Math.max(1e-7 * length, 1e-12 * radius);
                double nx = dy / length * step;
                double ny = -dx / length * step;
                for (double f : new double[] {0.25, 0.5, 0.75}) {
                    double[] probe = {a[0] + f * dx + nx, a[1] + f * dy + ny};
                    if (Math.abs(probe[0]) < radius && Math.abs(probe[1]) < radius && !seen.contains(key(network.pattern(probe)))) {
                        queue.add(probe);
                    }
                }
            }
        }
        return new ActivationRegions2d(found, radius);
    }

    public List<Region> regions() {
        return regions;
    }

    public int count() {
        return regions.size();
    }

    /** The half-width of the box the regions were clipped to. */
    public double radius() {
        return radius;
    }

    /** {@code max over regions ||grad||_q}, {@code 1/p + 1/q = 1}: the exact l^p Lipschitz constant. */
    public double lipschitzConstant(double p) {
        double q = LipschitzProbe.dual(p);
        double max = 0;
        for (Region region : regions) {
            max = Math.max(max, LpNorms.norm(region.gradient(), q));
        }
        return max;
    }

    private static List<double[]> polygon(ReluNetwork network, double[] x, boolean[][] pattern, double radius) {
        List<double[]> polygon = new ArrayList<>(List.of(new double[] {-radius, -radius}, new double[] {radius, -radius},
                new double[] {radius, radius}, new double[] {-radius, radius}));
        List<ReluNetwork.AffineLayer> layers = network.affinePreactivations(x);
        for (int l = 0; l < layers.size(); l++) {
            ReluNetwork.AffineLayer layer = layers.get(l);
            for (int i = 0; i < layer.offset().length; i++) {
                double sign = pattern[l][i] ? 1 : -1;
                polygon = clip(polygon, sign * layer.slope()[i][0], sign * layer.slope()[i][1], sign * layer.offset()[i]);
                if (polygon.size() < 3) {
                    return polygon;
                }
            }
        }
        return polygon;
    }

    /** The part of a convex polygon where {@code a x + b y + c >= 0}. */
    private static List<double[]> clip(List<double[]> polygon, double a, double b, double c) {
        List<double[]> out = new ArrayList<>();
        int n = polygon.size();
        for (int k = 0; k < n; k++) {
            double[] p = polygon.get(k);
            double[] r = polygon.get((k + 1) % n);
            double fp = a * p[0] + b * p[1] + c;
            double fr = a * r[0] + b * r[1] + c;
            if (fp >= 0) {
                out.add(p);
            }
            if ((fp >= 0) != (fr >= 0)) {
                double t = fp / (fp - fr);
                out.add(new double[] {p[0] + t * (r[0] - p[0]), p[1] + t * (r[1] - p[1])});
            }
        }
        return out;
    }

    private static boolean onBoxSide(double[] a, double[] b, double radius) {
        double tolerance = 1e-9 * radius;
        for (int axis = 0; axis < 2; axis++) {
            for (double side : new double[] {-radius, radius}) {
                if (Math.abs(a[axis] - side) <= tolerance && Math.abs(b[axis] - side) <= tolerance) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String key(boolean[][] pattern) {
        StringBuilder key = new StringBuilder();
        for (boolean[] layer : pattern) {
            for (boolean on : layer) {
                key.append(on ? '1' : '0');
            }
            key.append('|');
        }
        return key.toString();
    }

    private static void checkPlanar(ReluNetwork network) {
        if (network.inputDimension() != 2) {
            throw new IllegalArgumentException("activation regions are enumerated in the plane; the network takes R^"
                    + network.inputDimension());
        }
    }
}
