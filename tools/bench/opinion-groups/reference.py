#!/usr/bin/env python3
"""Reference timings for the opinion-group pipeline, on the data opinion-groups-bench wrote.

1. A NumPy version of the same pipeline (dense matrix, Pol.is's steps: impute, centre, power
   iteration with deflation, sparsity-aware projection, in-conversation rule, 100 base clusters,
   weighted group k-means for k = 2..5 with silhouette, per-group vote counts and consensus).
2. scikit-learn's PCA + KMeans on the same imputed matrix (KMeans n_init=10, as its docs advise).

Usage: reference.py DATA.csv [RUNS]   (Debian: python3-numpy, python3-sklearn)
Prints the median wall time of RUNS runs of each, and how well their groups agree with ours.
"""
import sys
import time

import numpy as np


def load(path):
    data = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.int64)
    participants, statements = data[:, 0].max() + 1, data[:, 1].max() + 1
    matrix = np.full((participants, statements), np.nan)
    matrix[data[:, 0], data[:, 1]] = data[:, 2]
    try:
        moderated = np.loadtxt(path + ".moderated", dtype=np.int64, ndmin=1)
    except OSError:
        moderated = np.zeros(0, dtype=np.int64)
    return matrix, moderated


def first_distinct(points, k):
    _, first = np.unique(points, axis=0, return_index=True)
    return points[np.sort(first)[:k]].copy()


def lloyd(points, centers, weights, iterations):
    for _ in range(iterations + 1):
        d = ((points[:, None, :] - centers[None, :, :]) ** 2).sum(2)
        labels = d.argmin(1)
        keep = np.unique(labels)
        w = np.bincount(labels, weights=weights, minlength=len(centers))[keep]
        new = np.stack([np.bincount(labels, weights=weights * points[:, a], minlength=len(centers))[keep] / w
                        for a in range(2)], 1)
        done = len(keep) == len(centers) and np.all(np.sqrt(((new - centers) ** 2).sum(1)) < 0.01)
        centers = new
        if done:
            break
    labels = ((points[:, None, :] - centers[None, :, :]) ** 2).sum(2).argmin(1)
    return centers, labels


def silhouette(points, labels):
    d = np.sqrt(((points[:, None, :] - points[None, :, :]) ** 2).sum(2))
    k = labels.max() + 1
    size = np.bincount(labels, minlength=k)
    sums = np.stack([d[:, labels == c].sum(1) for c in range(k)], 1)
    own = labels
    a = sums[np.arange(len(points)), own] / np.maximum(size[own] - 1, 1)
    other = np.where(np.arange(k)[None, :] == own[:, None], np.inf, sums / np.maximum(size, 1)[None, :])
    b = other.min(1)
    s = np.where(size[own] > 1, (b - a) / np.maximum(np.maximum(a, b), 1e-300), 0.0)
    return s.mean()


def numpy_pipeline(matrix, moderated):
    rating = matrix.copy()
    rating[:, moderated] = 0.0
    voted = ~np.isnan(rating)
    column_mean = np.nanmean(rating, 0)
    x = np.where(voted, rating, column_mean)
    center = x.mean(0)
    data = x - center
    rng = np.random.default_rng(0)
    components = []
    for _ in range(2):
        v = 0.5 + rng.random(data.shape[1])
        v /= np.linalg.norm(v)
        for _ in range(200):
            w = data.T @ (data @ v)
            w /= np.linalg.norm(w)
            moved = np.abs(w - v).max()
            v = w
            if moved < 1e-11:
                break
        components.append(v)
        data = data - np.outer(data @ v, v)
    comps = np.array(components)
    seen = voted.sum(1)
    places = (np.where(voted, rating - center, 0.0) @ comps.T) * np.sqrt(matrix.shape[1] / np.maximum(seen, 1))[:, None]
    in_conv = (~np.isnan(matrix)).sum(1) >= min(7, matrix.shape[1])
    points = places[in_conv]
    base_centers, base_labels = lloyd(points, first_distinct(points, 100), np.ones(len(points)), 100)
    weights = np.bincount(base_labels, minlength=len(base_centers)).astype(float)
    best = None
    for k in range(2, min(5, 2 + len(base_centers) // 12) + 1):
        _, group_labels = lloyd(base_centers, first_distinct(base_centers, k), weights, 20)
        s = silhouette(base_centers, group_labels)
        if best is None or s > best[0]:
            best = (s, k, group_labels)
    groups = best[2][base_labels]
    for g in range(best[1]):  # per-group vote counts, as repness needs them
        member = matrix[in_conv][groups == g]
        _ = ((member == 1).sum(0), (member == -1).sum(0), (~np.isnan(member)).sum(0))
    everyone = ((matrix == 1).sum(0), (matrix == -1).sum(0), (~np.isnan(matrix)).sum(0))
    return in_conv, groups, everyone


def sklearn_pipeline(matrix, moderated):
    from sklearn.cluster import KMeans
    from sklearn.decomposition import PCA
    from sklearn.metrics import silhouette_score
    rating = matrix.copy()
    rating[:, moderated] = 0.0
    x = np.where(np.isnan(rating), np.nanmean(rating, 0), rating)
    places = PCA(n_components=2, random_state=0).fit_transform(x)
    in_conv = (~np.isnan(matrix)).sum(1) >= min(7, matrix.shape[1])
    base = KMeans(n_clusters=100, n_init=10, random_state=0).fit(places[in_conv])
    weights = np.bincount(base.labels_, minlength=100)
    best = None
    for k in range(2, 6):
        group = KMeans(n_clusters=k, n_init=10, random_state=0).fit(base.cluster_centers_, sample_weight=weights)
        s = silhouette_score(base.cluster_centers_, group.labels_)
        if best is None or s > best[0]:
            best = (s, k, group.labels_)
    return in_conv, best[2][base.labels_]


def adjusted_rand(a, b):
    from sklearn.metrics import adjusted_rand_score
    return adjusted_rand_score(a, b)


def timed(runs, f, *args):
    seconds, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = f(*args)
        seconds.append(time.perf_counter() - start)
    return float(np.median(seconds)), min(seconds), max(seconds), result


def main():
    path = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    import warnings
    warnings.filterwarnings("ignore")
    import sklearn
    matrix, moderated = load(path)
    print(f"reference (numpy {np.__version__}, scikit-learn {sklearn.__version__}), {runs} runs each:")
    med, lo, hi, (in_conv, groups, _) = timed(runs, numpy_pipeline, matrix, moderated)
    print(f"{'numpy: same pipeline, dense':44s} median {1000 * med:8.1f} ms  (min {1000 * lo:.1f}, max {1000 * hi:.1f})")
    print(f"    {in_conv.sum()} in the conversation, {groups.max() + 1} groups")
    med, lo, hi, (sk_in, sk_groups) = timed(runs, sklearn_pipeline, matrix, moderated)
    print(f"{'scikit-learn: PCA + KMeans (n_init=10)':44s} median {1000 * med:8.1f} ms  (min {1000 * lo:.1f}, max {1000 * hi:.1f})")
    print(f"    {sk_groups.max() + 1} groups; ARI with the numpy version: {adjusted_rand(groups, sk_groups):.3f}")
    try:
        ours = np.loadtxt(path + ".groups", delimiter=",", dtype=np.int64, ndmin=2)
        mapping = dict(zip(ours[:, 0], ours[:, 1]))
        ids = np.flatnonzero(in_conv)
        common = [i for i in ids if i in mapping]
        np_labels = dict(zip(ids, groups))
        print(f"    ARI ours vs numpy version: {adjusted_rand([mapping[i] for i in common], [np_labels[i] for i in common]):.3f}")
    except OSError:
        pass


if __name__ == "__main__":
    main()
