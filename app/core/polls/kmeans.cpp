#include "core/polls/kmeans.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "core/polls/random.h"

namespace stadsmijn::polls {
namespace {

double squared_distance(Point a, Point b) {
    const double dx = a.x - b.x;
    const double dy = a.y - b.y;
    return dx * dx + dy * dy;
}

bool same_point(Point a, Point b) { return a.x == b.x && a.y == b.y; }

double weight_of(std::span<const double> weights, std::size_t i) { return weights.empty() ? 1.0 : weights[i]; }

std::vector<Point> first_distinct(std::span<const Point> points, int k) {
    std::vector<Point> centers;
    std::vector<Point> sorted;  // kept sorted for the distinctness test
    for (const Point& p : points) {
        if (static_cast<int>(centers.size()) == k) break;
        auto less = [](Point a, Point b) { return a.x < b.x || (a.x == b.x && a.y < b.y); };
        const auto it = std::lower_bound(sorted.begin(), sorted.end(), p, less);
        if (it != sorted.end() && same_point(*it, p)) continue;
        sorted.insert(it, p);
        centers.push_back(p);
    }
    return centers;
}

// Pol.is's `same-clustering?`: both centre lists sorted (by x, then y), paired in that order (the
// shorter list decides how many pairs), and every pair closer than the threshold.
bool same_clustering(const std::vector<Point>& a, const std::vector<Point>& b, double threshold) {
    auto less = [](Point p, Point q) { return p.x < q.x || (p.x == q.x && p.y < q.y); };
    std::vector<Point> sa = a, sb = b;
    std::sort(sa.begin(), sa.end(), less);
    std::sort(sb.begin(), sb.end(), less);
    for (std::size_t i = 0; i < std::min(sa.size(), sb.size()); ++i)
        if (!(std::sqrt(squared_distance(sa[i], sb[i])) < threshold)) return false;
    return true;
}

// Greedy k-means++ (Arthur and Vassilvitskii, with the local trials scikit-learn uses), weighted.
std::vector<Point> plus_plus(std::span<const Point> points, std::span<const double> weights, int k, int trials,
                             SplitMix64& random) {
    const std::size_t n = points.size();
    std::vector<Point> centers;
    auto draw = [&](const std::vector<double>& mass, double total) -> std::size_t {
        const double target = random.uniform() * total;
        double running = 0.0;
        std::size_t last_positive = 0;
        for (std::size_t i = 0; i < n; ++i) {
            if (mass[i] <= 0) continue;
            running += mass[i];
            last_positive = i;
            if (running > target) return i;
        }
        return last_positive;
    };
    std::vector<double> mass(n);
    double total = 0.0;
    for (std::size_t i = 0; i < n; ++i) total += (mass[i] = weight_of(weights, i));
    if (n == 0 || total <= 0) return centers;
    centers.push_back(points[draw(mass, total)]);

    std::vector<double> closest(n);
    for (std::size_t i = 0; i < n; ++i) closest[i] = squared_distance(points[i], centers[0]);
    std::vector<double> candidate_closest(n);
    std::vector<double> best_closest(n);
    while (static_cast<int>(centers.size()) < k) {
        total = 0.0;
        for (std::size_t i = 0; i < n; ++i) total += (mass[i] = weight_of(weights, i) * closest[i]);
        if (total <= 0) break;  // every point already sits on a centre
        double best_potential = std::numeric_limits<double>::infinity();
        std::size_t best = 0;
        for (int t = 0; t < trials; ++t) {
            const std::size_t c = draw(mass, total);
            double potential = 0.0;
            for (std::size_t i = 0; i < n; ++i) {
                candidate_closest[i] = std::min(closest[i], squared_distance(points[i], points[c]));
                potential += weight_of(weights, i) * candidate_closest[i];
            }
            if (potential < best_potential) {
                best_potential = potential;
                best = c;
                best_closest.swap(candidate_closest);
            }
        }
        centers.push_back(points[best]);
        closest.swap(best_closest);
    }
    return centers;
}

// Lloyd's iterations, sped up with Hamerly's bounds: a point whose distance to its centre is
// below half the gap to the nearest other centre, or below its bound to the second-closest,
// cannot change cluster and is skipped.
Clustering lloyd(std::span<const Point> points, std::span<const double> weights, std::vector<Point> centers,
                 const KMeansDesc& desc) {
    const std::size_t n = points.size();
    // Pol.is's `kmeans` (first_distinct_points): a tie goes to the last centre (`min-key`); it stops
    // when `same-clustering?` holds between the centres before and after a step, and returns that
    // step's clusters as they are: members assigned to the old centres, centres their means.
    const bool polis = desc.start == ClusterStart::first_distinct_points;
    const bool last_wins = polis;
    std::vector<int> assignment(n, 0);
    std::vector<double> upper(n, 0.0), lower(n, 0.0);
    bool bounds_valid = false;
    int iterations = 0;

    auto full_scan = [&](std::size_t i) {
        double best = std::numeric_limits<double>::infinity();
        double second = std::numeric_limits<double>::infinity();
        int best_index = 0;
        for (std::size_t j = 0; j < centers.size(); ++j) {
            const double d = squared_distance(points[i], centers[j]);
            if (d < best || (last_wins && d == best)) {
                second = best;
                best = d;
                best_index = static_cast<int>(j);
            } else if (d < second) {
                second = d;
            }
        }
        assignment[i] = best_index;
        upper[i] = std::sqrt(best);
        lower[i] = std::sqrt(second);
    };

    for (int step = 0; step <= desc.max_iterations; ++step) {
        iterations = step + 1;
        const std::size_t k = centers.size();
        // Half the distance from each centre to its nearest neighbour centre.
        std::vector<double> half_gap(k, std::numeric_limits<double>::infinity());
        for (std::size_t a = 0; a < k; ++a)
            for (std::size_t b = a + 1; b < k; ++b) {
                const double d = 0.5 * std::sqrt(squared_distance(centers[a], centers[b]));
                half_gap[a] = std::min(half_gap[a], d);
                half_gap[b] = std::min(half_gap[b], d);
            }
        for (std::size_t i = 0; i < n; ++i) {
            // A skipped point is strictly closer to its own centre than to any other, so the
            // bounds never decide a tie and are exact for Pol.is's last-wins rule too.
            if (bounds_valid) {
                const auto a = static_cast<std::size_t>(assignment[i]);
                const double limit = std::max(half_gap[a], lower[i]);
                if (upper[i] < limit) continue;
                upper[i] = std::sqrt(squared_distance(points[i], centers[a]));
                if (upper[i] < limit) continue;
            }
            full_scan(i);
        }

        // New centres: weighted means; empty clusters are dropped, as Pol.is's cluster-step does.
        std::vector<double> sx(k, 0.0), sy(k, 0.0), sw(k, 0.0);
        for (std::size_t i = 0; i < n; ++i) {
            const auto a = static_cast<std::size_t>(assignment[i]);
            const double w = weight_of(weights, i);
            sx[a] += w * points[i].x;
            sy[a] += w * points[i].y;
            sw[a] += w;
        }
        std::vector<int> remap(k, -1);
        std::vector<Point> next;
        std::vector<double> moved;
        bool members_everywhere = true;
        for (std::size_t j = 0; j < k; ++j) {
            bool has_members = sw[j] > 0;
            if (!has_members) {
                // A cluster whose points all weigh zero still exists if it has points.
                for (std::size_t i = 0; i < n && !has_members; ++i) has_members = assignment[i] == static_cast<int>(j);
            }
            if (!has_members) {
                members_everywhere = false;
                continue;
            }
            remap[j] = static_cast<int>(next.size());
            const Point c = sw[j] > 0 ? Point{sx[j] / sw[j], sy[j] / sw[j]} : centers[j];
            moved.push_back(std::sqrt(squared_distance(c, centers[j])));
            next.push_back(c);
        }
        bool converged = members_everywhere;
        for (double m : moved)
            if (!(m < desc.convergence)) converged = false;
        if (polis) converged = same_clustering(centers, next, desc.convergence);
        for (std::size_t i = 0; i < n; ++i) assignment[i] = remap[static_cast<std::size_t>(assignment[i])];

        if (members_everywhere) {
            // Keep the bounds honest for the moved centres.
            double largest = 0.0, second_largest = 0.0;
            std::size_t largest_index = 0;
            for (std::size_t j = 0; j < moved.size(); ++j) {
                if (moved[j] > largest) {
                    second_largest = largest;
                    largest = moved[j];
                    largest_index = j;
                } else if (moved[j] > second_largest) {
                    second_largest = moved[j];
                }
            }
            for (std::size_t i = 0; i < n; ++i) {
                const auto a = static_cast<std::size_t>(assignment[i]);
                upper[i] += moved[a];
                lower[i] -= a == largest_index ? second_largest : largest;
            }
            bounds_valid = true;
        } else {
            bounds_valid = false;
        }
        centers.swap(next);
        if (converged) break;
    }

    Clustering result;
    result.iterations = iterations;
    // Final assignment against the final centres, so members and centres agree (not in Pol.is's
    // kmeans, which keeps the last step's members).
    if (!polis)
        for (std::size_t i = 0; i < n; ++i) full_scan(i);
    result.centers = centers;
    result.weights.assign(centers.size(), 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        const auto a = static_cast<std::size_t>(assignment[i]);
        result.weights[a] += weight_of(weights, i);
        result.inertia += weight_of(weights, i) * squared_distance(points[i], centers[a]);
    }
    // Drop centres the final assignment left empty, renumbering in order.
    std::vector<int> remap(centers.size(), -1);
    std::vector<char> used(centers.size(), 0);
    for (int a : assignment) used[static_cast<std::size_t>(a)] = 1;
    std::vector<Point> kept_centers;
    std::vector<double> kept_weights;
    for (std::size_t j = 0; j < centers.size(); ++j) {
        if (!used[j]) continue;
        remap[j] = static_cast<int>(kept_centers.size());
        kept_centers.push_back(centers[j]);
        kept_weights.push_back(result.weights[j]);
    }
    for (int& a : assignment) a = remap[static_cast<std::size_t>(a)];
    result.centers = std::move(kept_centers);
    result.weights = std::move(kept_weights);
    result.assignment = std::move(assignment);
    return result;
}

}  // namespace

std::size_t distinct_point_count(std::span<const Point> points) {
    std::vector<Point> sorted(points.begin(), points.end());
    std::sort(sorted.begin(), sorted.end(), [](Point a, Point b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
    const auto end = std::unique(sorted.begin(), sorted.end(), same_point);
    return static_cast<std::size_t>(end - sorted.begin());
}

Clustering kmeans(std::span<const Point> points, std::span<const double> weights, const KMeansDesc& desc) {
    if (points.empty() || desc.k <= 0) return {};
    if (desc.start == ClusterStart::first_distinct_points) {
        return lloyd(points, weights, first_distinct(points, desc.k), desc);
    }
    // 2 + floor(ln k) without std::log, whose last bit may differ between C libraries.
    int trials = desc.local_trials;
    if (trials <= 0) {
        trials = 2;
        for (double e = 2.718281828459045; e <= desc.k; e *= 2.718281828459045) ++trials;
    }
    const SplitMix64 root(desc.seed);
    Clustering best;
    bool have_best = false;
    for (int r = 0; r < std::max(1, desc.restarts); ++r) {
        SplitMix64 random = root.fork(static_cast<std::uint64_t>(r));
        Clustering c = lloyd(points, weights, plus_plus(points, weights, desc.k, trials, random), desc);
        if (!have_best || c.inertia < best.inertia) {
            best = std::move(c);
            have_best = true;
        }
    }
    return best;
}

double silhouette(std::span<const Point> points, std::span<const int> assignment) {
    const std::size_t n = points.size();
    if (n == 0) return 0.0;
    int clusters = 0;
    for (int a : assignment) clusters = std::max(clusters, a + 1);
    if (clusters < 2) return 0.0;
    std::vector<double> sum(static_cast<std::size_t>(clusters));
    std::vector<std::size_t> size(static_cast<std::size_t>(clusters), 0);
    for (int a : assignment) ++size[static_cast<std::size_t>(a)];
    double total = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const auto own = static_cast<std::size_t>(assignment[i]);
        if (size[own] <= 1) continue;  // alone in its cluster: counts 0
        std::fill(sum.begin(), sum.end(), 0.0);
        for (std::size_t j = 0; j < n; ++j) {
            if (j == i) continue;
            sum[static_cast<std::size_t>(assignment[j])] += std::sqrt(squared_distance(points[i], points[j]));
        }
        const double a = sum[own] / static_cast<double>(size[own] - 1);
        double b = std::numeric_limits<double>::infinity();
        for (std::size_t c = 0; c < sum.size(); ++c)
            if (c != own && size[c] > 0) b = std::fmin(b, sum[c] / static_cast<double>(size[c]));
        const double largest = std::fmax(a, b);
        if (largest > 0 && std::isfinite(b)) total += (b - a) / largest;
    }
    return total / static_cast<double>(n);
}

}  // namespace stadsmijn::polls
