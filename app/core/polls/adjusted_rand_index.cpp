#include "core/polls/adjusted_rand_index.h"

#include <algorithm>
#include <map>

namespace stadsmijn::polls {
namespace {

double pairs(double n) { return n * (n - 1) / 2; }

}  // namespace

double adjusted_rand_index(std::span<const int> a, std::span<const int> b) {
    const std::size_t n = std::min(a.size(), b.size());
    if (n < 2) return 1.0;
    // Relabel to 0..k-1 so the contingency table is dense and small.
    auto dense = [n](std::span<const int> labels) {
        std::map<int, int> ids;
        std::vector<int> out(n);
        for (std::size_t i = 0; i < n; ++i) out[i] = ids.emplace(labels[i], static_cast<int>(ids.size())).first->second;
        return std::make_pair(out, ids.size());
    };
    const auto [da, ka] = dense(a);
    const auto [db, kb] = dense(b);
    std::vector<double> table(ka * kb, 0.0), row(ka, 0.0), col(kb, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        const auto x = static_cast<std::size_t>(da[i]);
        const auto y = static_cast<std::size_t>(db[i]);
        table[x * kb + y] += 1;
        row[x] += 1;
        col[y] += 1;
    }
    double index = 0, sum_rows = 0, sum_cols = 0;
    for (double v : table) index += pairs(v);
    for (double v : row) sum_rows += pairs(v);
    for (double v : col) sum_cols += pairs(v);
    const double expected = sum_rows * sum_cols / pairs(static_cast<double>(n));
    const double maximum = (sum_rows + sum_cols) / 2;
    if (maximum == expected) return 1.0;
    return (index - expected) / (maximum - expected);
}

GroupingComparison compare_groupings(std::span<const std::pair<ParticipantId, int>> a,
                                     std::span<const std::pair<ParticipantId, int>> b) {
    std::map<ParticipantId, int> in_b;
    for (const auto& [p, g] : b)
        if (g >= 0) in_b[p] = g;
    GroupingComparison out;
    std::vector<int> la, lb;
    std::map<ParticipantId, int> in_a;
    for (const auto& [p, g] : a)
        if (g >= 0) in_a[p] = g;
    for (const auto& [p, g] : in_a) {
        const auto it = in_b.find(p);
        if (it == in_b.end()) {
            ++out.only_a;
            continue;
        }
        la.push_back(g);
        lb.push_back(it->second);
    }
    out.common = la.size();
    out.only_b = in_b.size() - out.common;
    out.adjusted_rand_index = adjusted_rand_index(la, lb);
    return out;
}

}  // namespace stadsmijn::polls
