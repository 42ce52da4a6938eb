#!/usr/bin/env python3
"""The peers' side of compare-peers.sh: writes an instance, and solves it as a researcher would without reconlab.

  peer_reference.py make PROBLEM DIR SIZE SEED   writes the instance's .npy files (SIZE: see below)
  peer_reference.py run PROBLEM DIR PEER REPEATS solves it REPEATS times with PEER, prints key=value lines
                                                 (median and fastest time, each solve from scratch, problem
                                                 construction included), writes DIR/x_PEER.npy
  peer_reference.py check PROBLEM DIR PEER...    prints the relative error of each answer (x_reconlab and x_PEER)
                                                 against the truth, or against the exact formula

Problems, sizes and peers:
  nuclear-norm   d:r:m  X* = F F^T (F: d x r Gaussian), A: m x d^2 with N(0, 1/m) entries, y = A vec(X*);
                        min ||X||_* s.t. A vec(X) = y with cvxpy (peers clarabel, scs)
  basis-pursuit  n:d:s  A: n x d Gaussian, w* s-sparse, y = A w*; min ||w||_1 s.t. A w = y as the linear program
                        of w = p - q, p, q >= 0, with scipy's HiGHS (peer highs)
  double-sketch  n:r:k  X = F G^T (n x n, rank r), Omega: n x k, Psi: (2k+1) x n Gaussian;
                        Y = X Omega, W = Psi X, X_hat = Y pinv(Psi Y) W in NumPy (peer numpy)
"""
import os
import statistics
import sys
import time

import numpy as np


def make(problem, directory, size, seed):
    rng = np.random.default_rng(seed)
    os.makedirs(directory, exist_ok=True)
    save = lambda name, array: np.save(os.path.join(directory, name + ".npy"), array)
    a, b, c = (int(v) for v in size.split(":"))
    if problem == "nuclear-norm":
        d, r, m = a, b, c
        factor = rng.standard_normal((d, r))
        truth = factor @ factor.T
        A = rng.standard_normal((m, d * d)) / np.sqrt(m)
        save("truth", truth)
        save("A", A)
        save("y", A @ truth.ravel())
    elif problem == "basis-pursuit":
        n, d, s = a, b, c
        truth = np.zeros(d)
        truth[rng.choice(d, s, replace=False)] = rng.standard_normal(s)
        A = rng.standard_normal((n, d)) / np.sqrt(n)
        save("truth", truth)
        save("A", A)
        save("y", A @ truth)
    elif problem == "double-sketch":
        n, r, k = a, b, c
        X = rng.standard_normal((n, r)) @ rng.standard_normal((r, n))
        save("X", X)
        save("Omega", rng.standard_normal((n, k)))
        save("Psi", rng.standard_normal((2 * k + 1, n)))
        save("truth", X)
    else:
        raise SystemExit("unknown problem " + problem)


def load(directory, name):
    return np.load(os.path.join(directory, name + ".npy"))


def solver(problem, directory, peer):
    """A function that solves the instance once, from scratch, and returns the answer."""
    if problem == "nuclear-norm":
        import cvxpy as cp
        A, y = load(directory, "A"), load(directory, "y")
        d = int(round(np.sqrt(A.shape[1])))

        def solve():
            X = cp.Variable((d, d))
            # vec in C order, as A's rows are: cvxpy's vec is column-major, so vectorize the transpose.
            constraint = A @ cp.vec(X.T, order="F") == y
            cp.Problem(cp.Minimize(cp.normNuc(X)), [constraint]).solve(
                solver=peer.upper(), **({"eps": 1e-9} if peer == "scs" else {}))
            return X.value
        return solve
    if problem == "basis-pursuit":
        from scipy.optimize import linprog
        A, y = load(directory, "A"), load(directory, "y")
        d = A.shape[1]

        def solve():
            result = linprog(np.ones(2 * d), A_eq=np.hstack([A, -A]), b_eq=y, bounds=(0, None), method="highs")
            return result.x[:d] - result.x[d:]
        return solve
    if problem == "double-sketch":
        X, Omega, Psi = load(directory, "X"), load(directory, "Omega"), load(directory, "Psi")

        def solve():
            Y = X @ Omega
            W = Psi @ X
            return Y @ (np.linalg.pinv(Psi @ Y) @ W)
        return solve
    raise SystemExit("unknown problem " + problem)


def run(problem, directory, peer, repeats):
    solve = solver(problem, directory, peer)
    solve()  # imports, caches and first-call costs, which a script pays once
    seconds = []
    for _ in range(repeats):
        start = time.perf_counter()
        answer = solve()
        seconds.append(time.perf_counter() - start)
    np.save(os.path.join(directory, "x_" + peer + ".npy"), answer)
    print(f"{peer}.ms_median={1e3 * statistics.median(seconds):.6g}")
    print(f"{peer}.ms_min={1e3 * min(seconds):.6g}")


def check(problem, directory, peers):
    truth = load(directory, "truth")
    for peer in peers:
        answer = load(directory, "x_" + peer)
        error = np.linalg.norm(answer - truth) / np.linalg.norm(truth)
        print(f"{peer}.relative_error={error:.3e}")


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "make":
        make(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))
    elif command == "run":
        run(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))
    elif command == "check":
        check(sys.argv[2], sys.argv[3], sys.argv[4:])
    else:
        raise SystemExit(__doc__)
