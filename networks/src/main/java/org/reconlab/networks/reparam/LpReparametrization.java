package org.reconlab.networks.reparam;

/**
 * The l^p reparametrization smoothed at scale {@code beta} ({@link Reparametrization#lp}): {@code R''(w) =
 * (beta + |w|)^(p-2)}. Its link {@code R'(w) = sign(w) ((beta + |w|)^(p-1) - beta^(p-1)) / (p-1)} differs from the
 * exact l^p link {@code sign(w) |w|^(p-1) / (p-1)} by the offset {@code beta^(p-1) / (p-1)} for {@code |w| >> beta}
 * (0.50 / (p-1) at {@code beta = 1e-3}, {@code p = 1.1}), so the flow's limit approaches the exact l^p minimizer
 * ({@link LpMinimizer}) only as {@code beta -> 0}, at a rate of order {@code beta^(p-1)} (docs/science.md
 * section 3).
 */
public final class LpReparametrization implements Reparametrization {

    private final double p;
    private final double beta;
    private final double half;
    private final double betaHalf;
    private final double betaP1;

    LpReparametrization(double p, double beta) {
        if (!(p > 1) || Double.isInfinite(p) || !(beta > 0)) {
            throw new IllegalArgumentException("need 1 < p < inf and beta > 0, got p = " + p + ", beta = " + beta);
        }
        this.p = p;
        this.beta = beta;
        this.half = p / 2;
        this.betaHalf = Math.pow(beta, half);
        this.betaP1 = Math.pow(beta, p - 1);
    }

    @Override
    public double rho(double theta) {
        return Math.signum(theta) * (Math.pow(half * Math.abs(theta) + betaHalf, 1 / half) - beta);
    }

    @Override
    public double rhoDerivative(double theta) {
        return Math.pow(half * Math.abs(theta) + betaHalf, 1 / half - 1);
    }

    @Override
    public double regularizer(double w) {
        double a = Math.abs(w);
        return (Math.pow(beta + a, p) - Math.pow(beta, p)) / (p * (p - 1)) - betaP1 * a / (p - 1);
    }

    @Override
    public double link(double w) {
        return Math.signum(w) * (Math.pow(beta + Math.abs(w), p - 1) - betaP1) / (p - 1);
    }

    @Override
    public double inverseLink(double z) {
        return Math.signum(z) * (Math.pow((p - 1) * Math.abs(z) + betaP1, 1 / (p - 1)) - beta);
    }

    @Override
    public double inverseLinkDerivative(double z) {
        return Math.pow((p - 1) * Math.abs(z) + betaP1, 1 / (p - 1) - 1);
    }

    @Override
    public java.util.OptionalDouble targetExponent() {
        return java.util.OptionalDouble.of(p);
    }

    @Override
    public String toString() {
        return "lp(p = " + p + ", beta = " + beta + ")";
    }
}
