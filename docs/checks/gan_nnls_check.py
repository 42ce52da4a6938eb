"""Independent check of gan-width's best-moment-gap (docs/science.md section 4).

    ./reconlab run examples/networks/gan-width.yaml --quick --save-arrays --out /tmp/gan
    python3 docs/checks/gan_nnls_check.py /tmp/gan

For each trial it recomputes min_{h >= 0} ||V h - y|| / ||y|| with scipy.optimize.nnls from final-V.npy and
observations.npy and prints the largest difference from reconlab's best-moment-gap, then the median smallest
singular value of V and the median iterations to a moment gap of 1e-6 per variant and width: GDA on the mean is
slow exactly where V is badly conditioned (k near m).
"""
import collections
import csv
import math
import pathlib
import statistics
import sys

import numpy as np
from scipy.optimize import nnls


def main(run):
    run = pathlib.Path(run)
    rows = list(csv.DictReader(open(run / "trials.csv")))
    worst = 0.0
    groups = collections.defaultdict(list)
    for row in rows:
        trial = run / "arrays" / f"trial-{row['trial']}"
        v = np.load(trial / "final-V.npy")
        y = np.load(trial / "observations.npy").ravel()
        h, residual = nnls(v, y, maxiter=50 * v.shape[1])
        best = residual / np.linalg.norm(y)
        reported = float(row["best-moment-gap"])
        worst = max(worst, abs(best - reported))
        sigma_min = np.linalg.svd(v, compute_uv=False)[-1]
        iterations = float(row["iterations-to-moment-gap"])
        groups[(row["variant"], int(row["model.width"]))].append((sigma_min, iterations, float(row["moment-gap"])))
    print(f"largest |scipy nnls - best-moment-gap| over {len(rows)} trials: {worst:.2e}")
    print("variant               width  median sigma_min(V)  solved  median iterations to 1e-6")
    for (variant, width), values in sorted(groups.items()):
        solved = [it for _, it, gap in values if gap <= 1e-6 and not math.isnan(it)]
        median_iterations = statistics.median(solved) if solved else float("nan")
        print(f"{variant:20s} {width:6d} {statistics.median(s for s, _, _ in values):20.3f} "
              f"{len(solved):3d}/{len(values):<3d} {median_iterations:10.0f}")


if __name__ == "__main__":
    main(sys.argv[1])
