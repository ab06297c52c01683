// k-means and the silhouette on clusters whose answer is plain to see.
#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

#include "core/polls/adjusted_rand_index.h"
#include "core/polls/kmeans.h"
#include "core/polls/random.h"

using namespace stadsmijn::polls;

namespace {

// Three tight blobs far apart; truth[i] is the blob of point i.
std::vector<Point> blobs(std::vector<int>& truth, int per_blob = 30) {
    const Point centres[] = {{0, 0}, {20, 0}, {10, 15}};
    SplitMix64 random(42);
    std::vector<Point> points;
    for (int b = 0; b < 3; ++b)
        for (int i = 0; i < per_blob; ++i) {
            points.push_back({centres[b].x + random.uniform() - 0.5, centres[b].y + random.uniform() - 0.5});
            truth.push_back(b);
        }
    return points;
}

}  // namespace

TEST_CASE("k-means separates three well-separated blobs") {
    std::vector<int> truth;
    const auto points = blobs(truth);
    KMeansDesc d;
    d.k = 3;
    d.restarts = 4;
    const Clustering c = kmeans(points, {}, d);
    REQUIRE(c.centers.size() == 3);
    CHECK(adjusted_rand_index(c.assignment, truth) == doctest::Approx(1.0));
}

TEST_CASE("the silhouette is highest at the true number of clusters") {
    std::vector<int> truth;
    const auto points = blobs(truth);
    double best = -2;
    int best_k = 0;
    for (int k = 2; k <= 5; ++k) {
        KMeansDesc d;
        d.k = k;
        d.restarts = 8;
        const double s = silhouette(points, kmeans(points, {}, d).assignment);
        if (s > best) {
            best = s;
            best_k = k;
        }
    }
    CHECK(best_k == 3);
    CHECK(best > 0.8);
}

TEST_CASE("well-separated blobs give the same partition whatever the order of the points") {
    std::vector<int> truth;
    auto points = blobs(truth);
    std::vector<std::size_t> order(points.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::reverse(order.begin(), order.end());
    std::vector<Point> reversed;
    std::vector<int> reversed_truth;
    for (std::size_t i : order) {
        reversed.push_back(points[i]);
        reversed_truth.push_back(truth[i]);
    }
    KMeansDesc d;
    d.k = 3;
    d.start = ClusterStart::kmeans_plus_plus;
    d.restarts = 4;
    CHECK(adjusted_rand_index(kmeans(reversed, {}, d).assignment, reversed_truth) == doctest::Approx(1.0));
}

TEST_CASE("Pol.is's start takes the first k distinct points in the order given") {
    const std::vector<Point> points = {{0, 0}, {0, 0}, {10, 0}, {10, 1}, {0, 1}};
    KMeansDesc d;
    d.k = 2;
    d.start = ClusterStart::first_distinct_points;
    const Clustering c = kmeans(points, {}, d);
    REQUIRE(c.centers.size() == 2);
    CHECK(c.assignment == std::vector<int>{0, 0, 1, 1, 0});
    CHECK(c.centers[1].x == doctest::Approx(10.0));
}

TEST_CASE("Pol.is's k-means returns the last step's members, assigned to the centres before that step") {
    // Start at 0 and 1; one step (max_iterations 0) puts 10 with 1 and moves that centre to 5.5.
    // Pol.is's kmeans returns those clusters as they are: 1 stays with 10 although it is now
    // nearer the centre at 0.
    const std::vector<Point> points = {{0, 0}, {1, 0}, {10, 0}};
    KMeansDesc d;
    d.k = 2;
    d.max_iterations = 0;
    d.start = ClusterStart::first_distinct_points;
    const Clustering c = kmeans(points, {}, d);
    REQUIRE(c.centers.size() == 2);
    CHECK(c.assignment == std::vector<int>{0, 1, 1});
    CHECK(c.centers[1].x == doctest::Approx(5.5));
    CHECK(c.iterations == 1);
}

TEST_CASE("Pol.is's k-means stops when the sorted centres before and after a step are within 0.01") {
    // From 0 and 1 the centres settle at 0.5 and 10 after two steps; the third step finds them
    // unchanged, so three steps run although max_iterations allows 21.
    const std::vector<Point> points = {{0, 0}, {1, 0}, {10, 0}};
    KMeansDesc d;
    d.k = 2;
    d.start = ClusterStart::first_distinct_points;
    const Clustering c = kmeans(points, {}, d);
    CHECK(c.assignment == std::vector<int>{0, 0, 1});
    CHECK(c.iterations == 3);
}

TEST_CASE("weights pull a centre towards the heavier points") {
    const std::vector<Point> points = {{0, 0}, {4, 0}};
    const std::vector<double> weights = {3, 1};
    KMeansDesc d;
    d.k = 1;
    const Clustering c = kmeans(points, weights, d);
    REQUIRE(c.centers.size() == 1);
    CHECK(c.centers[0].x == doctest::Approx(1.0));
    CHECK(c.weights[0] == doctest::Approx(4.0));
}

TEST_CASE("asking for more clusters than distinct points gives no more clusters than points") {
    const std::vector<Point> points = {{1, 1}, {1, 1}, {2, 2}};
    CHECK(distinct_point_count(points) == 2);
    KMeansDesc d;
    d.k = 3;
    const Clustering c = kmeans(points, {}, d);
    CHECK(c.centers.size() == 2);
}

TEST_CASE("a point alone in its cluster counts zero in the silhouette, as in Pol.is") {
    // Two points together and one alone: a = 0 and b = 10 for the pair (s = 1 each), 0 for the single.
    const std::vector<Point> points = {{0, 0}, {0, 0}, {10, 0}};
    const std::vector<int> assignment = {0, 0, 1};
    CHECK(silhouette(points, assignment) == doctest::Approx(2.0 / 3.0));
}
