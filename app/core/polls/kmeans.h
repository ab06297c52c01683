// Weighted k-means in the plane, and the silhouette Pol.is uses to choose the number of groups.
//
// Two ways to start:
//   first_distinct_points  Pol.is's `init-clusters`: the first k distinct points in the order given,
//                          then Pol.is's `kmeans` exactly: a point equally close to two centres
//                          joins the later one; stop after max_iterations + 1 steps or when
//                          `same-clustering?` holds (centres sorted by x then y, paired, each pair
//                          closer than `convergence`, 0.01); the result is that last step's
//                          clusters: members as assigned to the step's old centres, centres their
//                          means. Our default, as in Pol.is; depends on the order of the points.
//   kmeans_plus_plus       seeded greedy k-means++ with restarts: the result does not depend on the
//                          order of the points, only on the seed. Stops when every centre moves less
//                          than `convergence`; members are re-assigned to the final centres.
// Clusters that lose all points are dropped.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/polls/pca.h"

namespace stadsmijn::polls {

enum class ClusterStart { kmeans_plus_plus, first_distinct_points };

struct KMeansDesc {
    int k = 2;
    int max_iterations = 20;
    double convergence = 0.01;
    ClusterStart start = ClusterStart::first_distinct_points;
    int restarts = 1;       // kmeans_plus_plus only: best of this many (lowest weighted inertia)
    int local_trials = 0;   // candidates per k-means++ step; 0 means 2 + ln(k)
    std::uint64_t seed = 0;
};

struct Clustering {
    std::vector<int> assignment;  // per point, index into centers
    std::vector<Point> centers;
    std::vector<double> weights;  // total weight per cluster
    double inertia = 0;           // weighted sum of squared distances to the assigned centre
    int iterations = 0;
};

// weights may be empty (every point weighs 1). Points must be finite.
Clustering kmeans(std::span<const Point> points, std::span<const double> weights, const KMeansDesc& desc);

// Mean over points of (b - a) / max(a, b), a point alone in its cluster counting 0: Pol.is's
// `silhouette` on base-cluster centres, unweighted.
double silhouette(std::span<const Point> points, std::span<const int> assignment);

// How many distinct points there are (exact equality), the most clusters k-means can form.
std::size_t distinct_point_count(std::span<const Point> points);

}  // namespace stadsmijn::polls
