"""Replays reconlab's double sketches in numpy from the arrays of `reconlab run ... --save-arrays`.

Usage: python3 sketch_replay.py RUN_DIR [RUN_DIR ...]

For every trial folder under RUN_DIR/arrays it rebuilds the sketches from the exported truth and test matrices
(operator-Omega.npy, operator-Psi.npy) plus the exported noise, compares them with the exported observations, and
recomputes the reconstruction independently: X_hat = Y (Psi Y)^+ W for a matrix sketch, and for a t-product sketch the
same formula on every Fourier slice (numpy.fft along the third axis). Prints the largest relative differences. Trials of the randomized-svd baseline (two passes) are skipped.
"""
import csv
import pathlib
import sys

import numpy as np


def tensor_from_unfolding(u, n2):
    n1, columns = u.shape
    n3 = columns // n2
    return u.reshape(n1, n3, n2).transpose(0, 2, 1)


def tprod(a, b):
    ah, bh = np.fft.fft(a, axis=2), np.fft.fft(b, axis=2)
    return np.real(np.fft.ifft(np.einsum('ijt,jkt->ikt', ah, bh), axis=2))


def unfold(t):
    n1, n2, n3 = t.shape
    return t.transpose(0, 2, 1).reshape(n1, n2 * n3)


def rel(a, b):
    return np.linalg.norm(a - b) / np.linalg.norm(b)


def replay(trial):
    x = np.load(trial / 'truth.npy')
    obs = np.load(trial / 'observations.npy')
    noise = np.load(trial / 'noise.npy')
    estimate = np.load(trial / 'estimate.npy')
    omega = np.load(trial / 'operator-Omega.npy')
    psi = np.load(trial / 'operator-Psi.npy')
    folded_n2 = None
    if x.ndim == 3 and omega.shape[0] == x.shape[1] * x.shape[2]:
        folded_n2 = x.shape[1]
        x = unfold(x)  # a matrix sketch of the tensor's mode-1 unfolding
    if x.ndim == 2:
        n1, n2 = x.shape
        k, l = omega.shape[1], psi.shape[0]
        y = obs[:n1 * k].reshape(n1, k)
        w = obs[n1 * k:].reshape(l, n2)
        sketch_gap = max(rel(y, x @ omega + noise[:n1 * k].reshape(n1, k)),
                         rel(w, psi @ x + noise[n1 * k:].reshape(l, n2)))
        x_hat = y @ np.linalg.pinv(psi @ y) @ w
        if folded_n2 is not None:
            x_hat = tensor_from_unfolding(x_hat, folded_n2)
    else:
        n1, n2, n3 = x.shape
        om = tensor_from_unfolding(omega, omega.shape[1] // n3)
        ps = tensor_from_unfolding(psi, n1)
        k, l = om.shape[1], ps.shape[0]
        y = tensor_from_unfolding(obs[:n1 * k * n3].reshape(n1, k * n3), k)
        w = tensor_from_unfolding(obs[n1 * k * n3:].reshape(l, n2 * n3), n2)
        e1 = tensor_from_unfolding(noise[:n1 * k * n3].reshape(n1, k * n3), k)
        e2 = tensor_from_unfolding(noise[n1 * k * n3:].reshape(l, n2 * n3), n2)
        sketch_gap = max(rel(y, tprod(x, om) + e1), rel(w, tprod(ps, x) + e2))
        yh, wh, ph = (np.fft.fft(t, axis=2) for t in (y, w, ps))
        xh = np.stack([yh[:, :, t] @ np.linalg.pinv(ph[:, :, t] @ yh[:, :, t]) @ wh[:, :, t] for t in range(n3)],
                      axis=2)
        x_hat = np.real(np.fft.ifft(xh, axis=2))
    return sketch_gap, rel(estimate, x_hat)


# Variants whose estimate is not the double sketch of the exported sketches (a second pass over X).
NOT_ONE_PASS = {'randomized-svd'}


def main(runs):
    for run in runs:
        worst_sketch = worst_estimate = 0.0
        with open(pathlib.Path(run) / 'trials.csv') as table:
            variant = {row['trial']: row.get('variant', '') for row in csv.DictReader(table)}
        trials = [t for t in sorted((pathlib.Path(run) / 'arrays').glob('trial-*'))
                  if variant[t.name[len('trial-'):]] not in NOT_ONE_PASS]
        for trial in trials:
            sketch_gap, estimate_gap = replay(trial)
            worst_sketch, worst_estimate = max(worst_sketch, sketch_gap), max(worst_estimate, estimate_gap)
        print(f'{run}: {len(trials)} trials; sketches vs X Omega + E1, Psi X + E2: {worst_sketch:.2e}; '
              f'reconlab estimate vs numpy Y (Psi Y)^+ W: {worst_estimate:.2e}')


if __name__ == '__main__':
    main(sys.argv[1:])
