"""Nuclear norm recovery of blind deconvolution re-solved with cvxpy (Clarabel, SCS) from reconlab's exported arrays.

usage: python3 deconvolution_cvxpy.py RUN_DIR [TRIAL...]     (a run made with `reconlab run ... --save-arrays`)

For each trial: min ||X||_* s.t. ||A vec(X) - y||_2 <= ||e|| with A = operator.npy (L x KN, vec row-major),
y = observations.npy, e = noise.npy (the oracle bound of the nuclear-norm optimizer's `noise-norm` constraint). Prints
||X_reconlab - X_solver||_F relative to ||X_solver||_F and to the recovery error ||X_solver - X*||_F. Trials of the
gradient-descent variant are skipped: their estimate is not the nuclear norm minimizer.
"""
import csv
import sys

import cvxpy as cp
import numpy as np


def solve(a, y, eta, shape, solver):
    x = cp.Variable(shape)
    constraints = [cp.norm(a @ cp.vec(x, order="C") - y, 2) <= eta] if eta > 0 else [a @ cp.vec(x, order="C") == y]
    problem = cp.Problem(cp.Minimize(cp.normNuc(x)), constraints)
    if solver == "CLARABEL":
        problem.solve(solver=cp.CLARABEL, tol_gap_abs=1e-12, tol_gap_rel=1e-12, tol_feas=1e-12, max_iter=500)
    else:
        problem.solve(solver=cp.SCS, eps_abs=1e-10, eps_rel=1e-10, max_iters=200000)
    return x.value


def main(run, trials):
    rows = {row["trial"]: row for row in csv.DictReader(open(f"{run}/trials.csv"))}
    for trial in trials or sorted(rows, key=int):
        folder = f"{run}/arrays/trial-{trial}"
        a = np.load(f"{folder}/operator.npy")
        truth = np.load(f"{folder}/truth.npy")
        y = np.load(f"{folder}/observations.npy")
        e = np.load(f"{folder}/noise.npy")
        estimate = np.load(f"{folder}/estimate.npy")
        row = rows[trial]
        if row.get("variant", "").startswith("gradient-descent"):
            continue
        assert np.allclose(a @ truth.ravel() + e, y, atol=1e-12), "observations = A vec(truth) + noise"
        report = [f"trial {trial} {row.get('variant', '')} L={row.get('measurement.length')}"
                  f" level={row.get('measurement.noise-level')} ||e||={np.linalg.norm(e):.3g}"
                  f" reconlab error {np.linalg.norm(estimate - truth):.3g}"]
        for solver in ("CLARABEL", "SCS"):
            x = solve(a, y, np.linalg.norm(e), truth.shape, solver)
            difference = np.linalg.norm(estimate - x)
            report.append(f"{solver}: rel {difference / np.linalg.norm(x):.2e}, "
                          f"/error {difference / max(np.linalg.norm(x - truth), 1e-300):.2e}")
        print("; ".join(report), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
