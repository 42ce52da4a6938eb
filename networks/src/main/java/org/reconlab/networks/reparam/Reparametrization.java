package org.reconlab.networks.reparam;

/**
 * An entrywise reparametrization {@code w = rho(theta)} and the regularizer it induces.
 *
 * <p>Gradient flow on {@code theta} for a loss {@code L(w)} moves {@code w} by
 * {@code dw/dt = -rho'(theta)^2 grad L(w)}, which is mirror flow {@code d/dt R'(w) = -grad L(w)} for the separable
 * potential with {@code R''(w) = 1 / rho'(rho^{-1}(w))^2} (Gunasekar et al. 2018; Li, Wang, Lee and Arora,
 * "Implicit bias of gradient descent on reparametrized models", 2022). {@code R'} is the mirror map, the link
 * function of mirror descent. From {@code theta0 = 0} ({@code w0 = 0}, {@code R'(0) = 0}) and square loss, the flow
 * therefore ends at {@code argmin sum_i R(w_i) subject to A w = y}, the implicit bias this module compares with.
 *
 * <p>Each reparametrization here has closed forms for {@code rho}, {@code rho'}, {@code R}, the link {@code R'} and its
 * inverse, and {@code rho'(0) > 0} so that entries can change sign.
 */
public interface Reparametrization {

    /** {@code w = rho(theta)}. */
    double rho(double theta);

    /** {@code rho'(theta)}. */
    double rhoDerivative(double theta);

    /** The induced regularizer {@code R(w)}, with {@code R(0) = R'(0) = 0}. */
    double regularizer(double w);

    /** The link {@code R'(w)}. */
    double link(double w);

    /** {@code (R')^{-1}(z)}, defined for {@code |z| < }{@link #linkBound()}. */
    double inverseLink(double z);

    /** {@code d/dz (R')^{-1}(z) = 1 / R''(w)} at {@code w = (R')^{-1}(z)}. */
    double inverseLinkDerivative(double z);

    /** The range of the link is {@code (-linkBound, linkBound)}; infinite when the link is onto. */
    default double linkBound() {
        return Double.POSITIVE_INFINITY;
    }

    /** The p of the l^p norm this reparametrization is designed to induce, if it is one (2 for the identity). */
    default java.util.OptionalDouble targetExponent() {
        return java.util.OptionalDouble.empty();
    }

    /** {@code w = theta}: {@code R(w) = w^2 / 2}; from zero the flow ends at the minimum-norm interpolant. */
    static Reparametrization identity() {
        return new Reparametrization() {
            @Override
            public double rho(double theta) {
                return theta;
            }

            @Override
            public double rhoDerivative(double theta) {
                return 1;
            }

            @Override
            public double regularizer(double w) {
                return w * w / 2;
            }

            @Override
            public double link(double w) {
                return w;
            }

            @Override
            public double inverseLink(double z) {
                return z;
            }

            @Override
            public double inverseLinkDerivative(double z) {
                return 1;
            }

            @Override
            public java.util.OptionalDouble targetExponent() {
                return java.util.OptionalDouble.of(2);
            }

            @Override
            public String toString() {
                return "identity";
            }
        };
    }

    /**
     * An l^p reparametrization smoothed at scale {@code beta}: {@code R''(w) = (beta + |w|)^{p-2}}, so
     * {@code R(w) = ((beta + |w|)^p - beta^p) / (p (p-1)) - beta^{p-1} |w| / (p-1)}, which tends to
     * {@code |w|^p / (p (p-1))} as {@code beta -> 0}. Then
     * {@code rho(theta) = sign(theta) (((p/2)|theta| + beta^{p/2})^{2/p} - beta)},
     * {@code R'(w) = sign(w) ((beta + |w|)^{p-1} - beta^{p-1}) / (p-1)} and
     * {@code (R')^{-1}(z) = sign(z) (((p-1)|z| + beta^{p-1})^{1/(p-1)} - beta)}. For {@code 1 < p < 2} the implicit
     * bias is an l^p norm between l1 and l2; {@code p = 2} is the identity.
     */
    static LpReparametrization lp(double p, double beta) {
        return new LpReparametrization(p, beta);
    }

    /**
     * {@code rho(theta) = beta sinh(theta / beta)}: {@code rho'^2 = 1 + (w/beta)^2}, so the link is trigonometric,
     * {@code R'(w) = beta atan(w / beta)}, with inverse {@code beta tan(z / beta)} on {@code |z| < beta pi / 2}, and
     * {@code R(w) = beta w atan(w / beta) - (beta^2 / 2) log(1 + (w / beta)^2)}: quadratic for {@code |w| << beta},
     * like {@code (pi/2) beta |w|} (l1) for {@code |w| >> beta}.
     */
    static Reparametrization sinh(double beta) {
        if (!(beta > 0)) {
            throw new IllegalArgumentException("need beta > 0, got " + beta);
        }
        return new Reparametrization() {
            @Override
            public double rho(double theta) {
                return beta * Math.sinh(theta / beta);
            }

            @Override
            public double rhoDerivative(double theta) {
                return Math.cosh(theta / beta);
            }

            @Override
            public double regularizer(double w) {
                double r = w / beta;
                return beta * w * Math.atan(r) - beta * beta / 2 * Math.log1p(r * r);
            }

            @Override
            public double link(double w) {
                return beta * Math.atan(w / beta);
            }

            @Override
            public double inverseLink(double z) {
                return beta * Math.tan(z / beta);
            }

            @Override
            public double inverseLinkDerivative(double z) {
                double c = Math.cos(z / beta);
                return 1 / (c * c);
            }

            @Override
            public double linkBound() {
                return beta * Math.PI / 2;
            }

            @Override
            public String toString() {
                return "sinh(beta = " + beta + ")";
            }
        };
    }
}
