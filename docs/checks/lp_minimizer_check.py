"""Independent check of reconlab's exact l^p minimizer and its lp-gap metric (docs/science.md section 3).

Run an example with exported arrays, then point this script at the run directory:

    ./reconlab run examples/networks/reparametrized-lp-bias.yaml --quick --save-arrays --out /tmp/lp
    python3 docs/checks/lp_minimizer_check.py /tmp/lp

For each trial it solves min ||w||_p^p s.t. A w = y from operator.npy and observations.npy twice, with cvxpy
(Clarabel, a conic interior-point method, when cvxpy is installed) and with scipy (trust-constr on the primal with
the exact constraint), and recomputes ||w_flow - w_p|| / ||w_p|| from estimate.npy. It prints the distance between
the references and the lp-gap reconlab reported beside the recomputed ones.
"""
import csv
import pathlib
import sys

import numpy as np
from scipy.optimize import minimize


def lp_minimizer_scipy(a, y, p):
    """Primal: minimize sum |w|^p subject to A w = y (SLSQP from the least-norm interpolant)."""
    w0 = np.linalg.lstsq(a, y, rcond=None)[0]
    scale = np.sum(np.abs(w0) ** p)
    result = minimize(lambda w: np.sum(np.abs(w) ** p) / scale, w0,
                      jac=lambda w: p * np.sign(w) * np.abs(w) ** (p - 1) / scale,
                      constraints=[{"type": "eq", "fun": lambda w: a @ w - y, "jac": lambda w: a}],
                      method="SLSQP", options={"ftol": 1e-15, "maxiter": 2000})
    return result.x


def lp_minimizer_cvxpy(a, y, p):
    import cvxpy as cp
    w = cp.Variable(a.shape[1])
    problem = cp.Problem(cp.Minimize(cp.pnorm(w, p)), [a @ w == y])
    problem.solve(solver=cp.CLARABEL, tol_gap_abs=1e-12, tol_gap_rel=1e-12, tol_feas=1e-12)
    return w.value


def relative(u, v):
    return np.linalg.norm(u - v) / np.linalg.norm(v)


def main(run):
    run = pathlib.Path(run)
    try:
        import cvxpy  # noqa: F401
        have_cvxpy = True
    except ImportError:
        have_cvxpy = False
        print("cvxpy not installed: scipy reference only")
    rows = list(csv.DictReader(open(run / "trials.csv")))
    worst = 0.0
    for row in rows:
        trial = run / "arrays" / f"trial-{row['trial']}"
        if not trial.exists():
            trial = run / f"trial-{row['trial']}"
        a = np.load(trial / "operator.npy")
        y = np.load(trial / "observations.npy")
        w_flow = np.load(trial / "estimate.npy").ravel()
        p = float(row["model.p"])
        reported = float(row["lp-gap"])
        scipy_reference = lp_minimizer_scipy(a, y, p)
        line = f"trial {row['trial']:>3} p={p:<5} beta={row.get('model.beta', ''):<7} lp-gap {reported:.4e}"
        line += f" | scipy {relative(w_flow, scipy_reference):.4e}"
        if have_cvxpy:
            cvx_reference = lp_minimizer_cvxpy(a, y, p)
            recomputed = relative(w_flow, cvx_reference)
            line += f" cvxpy {recomputed:.4e} (cvxpy vs scipy {relative(cvx_reference, scipy_reference):.1e})"
            worst = max(worst, abs(recomputed - reported) / reported)
        print(line)
    if have_cvxpy:
        print(f"largest relative difference between reconlab's lp-gap and cvxpy's: {worst:.2e}")


if __name__ == "__main__":
    main(sys.argv[1])
