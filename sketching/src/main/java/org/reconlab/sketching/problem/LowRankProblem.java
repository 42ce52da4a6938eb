package org.reconlab.sketching.problem;

import org.reconlab.core.spi.Problem;

/**
 * A problem whose ground truth is (near) rank {@code r}, matrix rank or tubal rank; metrics that compare with the
 * best rank-r approximation take their default {@code r} from it.
 */
public interface LowRankProblem extends Problem {

    /** The rank {@code r} of the planted low-rank part. */
    int rank();
}
