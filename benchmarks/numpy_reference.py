#!/usr/bin/env python3
"""NumPy's side of compare-numpy.sh: writes the instance, and runs the gradient step a researcher would write.

  numpy_reference.py make DIR D R M SEED    writes DIR/A.npy (m x d^2), y.npy, U0.npy (d x d)
  numpy_reference.py run DIR ETA WARMUP_SECONDS ITERATIONS
                                            warms up, times ITERATIONS steps from U0, prints key=value lines,
                                            writes DIR/U_numpy.npy
  numpy_reference.py check DIR              prints the relative difference of U_numpy and U_reconlab

The instance is over-parameterized PSD sensing (Li, Ma and Zhang 2018): X* = U* U*^T of rank r, A_i with
i.i.d. N(0, 1/m) entries, y_i = <A_i, X*>, loss 1/4 ||A(U U^T) - y||^2 with U d x d.
"""
import ctypes
import glob
import os
import sys
import time

import numpy as np


MIN_WARMUP_STEPS = 5


def gradient_step(A, y, U, eta):
    """One step of gradient descent on 1/4 ||A(U U^T) - y||^2, written as in a research script."""
    d = U.shape[0]
    X = U @ U.T
    r = A @ X.ravel() - y
    G = (A.T @ r).reshape(d, d)
    return U - eta * 0.5 * (G + G.T) @ U


def make(directory, d, r, m, seed):
    rng = np.random.default_rng(seed)
    factor, _ = np.linalg.qr(rng.standard_normal((d, r)))
    truth = factor @ factor.T
    A = rng.standard_normal((m, d * d))
    A /= np.sqrt(m)
    y = A @ truth.ravel()
    U0 = 1e-3 / np.sqrt(d) * rng.standard_normal((d, d))
    os.makedirs(directory, exist_ok=True)
    np.save(os.path.join(directory, "A.npy"), A)
    np.save(os.path.join(directory, "y.npy"), y)
    np.save(os.path.join(directory, "U0.npy"), U0)


def openblas():
    """(core name, threads) of the OpenBLAS NumPy runs on, when it can be asked."""
    here = os.path.dirname(np.__file__)
    for library in glob.glob(os.path.join(here, "..", "numpy.libs", "*openblas*")):
        try:
            lib = ctypes.CDLL(library)
            for prefix in ("scipy_openblas_", "openblas_"):
                for suffix in ("64_", ""):
                    core = getattr(lib, prefix + "get_corename" + suffix, None)
                    threads = getattr(lib, prefix + "get_num_threads" + suffix, None)
                    if core is not None and threads is not None:
                        core.restype = ctypes.c_char_p
                        threads.restype = ctypes.c_int
                        return core().decode(), threads()
        except OSError:
            pass
    return "unknown", 0


def run(directory, eta, warmup_seconds, iterations):
    A = np.load(os.path.join(directory, "A.npy"))
    y = np.load(os.path.join(directory, "y.npy"))
    U0 = np.load(os.path.join(directory, "U0.npy"))
    # untimed steps from U0, thrown away, as on reconlab's side (see compare-numpy.sh)
    U = U0
    warmup_steps = 0
    start = time.perf_counter()
    while warmup_steps < MIN_WARMUP_STEPS or time.perf_counter() - start < warmup_seconds:
        U = gradient_step(A, y, U, eta)
        warmup_steps += 1
    U = U0
    times = []
    for _ in range(iterations):
        start = time.perf_counter()
        U = gradient_step(A, y, U, eta)
        times.append(time.perf_counter() - start)
    np.save(os.path.join(directory, "U_numpy.npy"), U)
    times.sort()
    # copy bandwidth, STREAM convention (bytes read + written per second), best of 10
    source = np.arange(max(A.size, 1 << 25), dtype=np.float64)
    target = np.empty_like(source)
    best = 0.0
    for _ in range(10):
        start = time.perf_counter()
        np.copyto(target, source)
        best = max(best, 2 * source.nbytes / (time.perf_counter() - start))
    core, threads = openblas()
    print(f"numpy.version={np.__version__}")
    print(f"numpy.openblas_core={core}")
    print(f"numpy.openblas_threads={threads}")
    print(f"numpy.operator_bytes={A.nbytes}")
    print(f"numpy.warmup_steps={warmup_steps}")
    print(f"numpy.step_ms_median={1e3 * times[len(times) // 2]:.6g}")
    print(f"numpy.step_ms_min={1e3 * times[0]:.6g}")
    print(f"numpy.copy_bandwidth_bytes_per_s={best:.6g}")


def check(directory):
    a = np.load(os.path.join(directory, "U_numpy.npy"))
    b = np.load(os.path.join(directory, "U_reconlab.npy"))
    print(f"check.relative_difference={np.linalg.norm(a - b) / np.linalg.norm(a):.3g}")


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "make":
        make(args[0], int(args[1]), int(args[2]), int(args[3]), int(args[4]))
    elif command == "run":
        run(args[0], float(args[1]), float(args[2]), int(args[3]))
    elif command == "check":
        check(args[0])
    else:
        sys.exit(f"unknown command {command}")
