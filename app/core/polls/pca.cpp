#include "core/polls/pca.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

#include "core/polls/random.h"

namespace stadsmijn::polls {
namespace {

// The centred, imputed matrix: only voted cells are non-zero.
struct CentredMatrix {
    std::size_t rows = 0;
    std::size_t cols = 0;
    std::vector<std::size_t> row_start;
    std::vector<std::uint32_t> col;
    std::vector<double> value;
};

CentredMatrix centre(const VoteMatrix& votes, std::span<const char> moderated_out, std::vector<double>& center) {
    const std::size_t c = votes.statement_count();
    std::vector<double> sum(c, 0.0);
    std::vector<std::size_t> count(c, 0);
    for (std::size_t p = 0; p < votes.participant_count(); ++p) {
        for (const VoteCell& cell : votes.row(p)) {
            sum[cell.statement] += static_cast<double>(static_cast<int>(cell.vote));
            ++count[cell.statement];
        }
    }
    center.assign(c, 0.0);
    for (std::size_t s = 0; s < c; ++s)
        if (!moderated_out[s] && count[s] > 0) center[s] = sum[s] / static_cast<double>(count[s]);

    CentredMatrix m;
    m.rows = votes.participant_count();
    m.cols = c;
    m.row_start.reserve(m.rows + 1);
    m.row_start.push_back(0);
    m.col.reserve(votes.vote_count());
    m.value.reserve(votes.vote_count());
    for (std::size_t p = 0; p < m.rows; ++p) {
        for (const VoteCell& cell : votes.row(p)) {
            if (moderated_out[cell.statement]) continue;
            const double v = static_cast<double>(static_cast<int>(cell.vote)) - center[cell.statement];
            if (v == 0.0) continue;
            m.col.push_back(cell.statement);
            m.value.push_back(v);
        }
        m.row_start.push_back(m.col.size());
    }
    return m;
}

// y = X v and z = X^T y for two vectors at once: one pass over the votes for each product.
void gram_times_pair(const CentredMatrix& m, const std::vector<double>& v1, const std::vector<double>& v2,
                     std::vector<double>& z1, std::vector<double>& z2) {
    z1.assign(m.cols, 0.0);
    z2.assign(m.cols, 0.0);
    for (std::size_t p = 0; p < m.rows; ++p) {
        double a = 0.0, b = 0.0;
        const std::size_t end = m.row_start[p + 1];
        for (std::size_t k = m.row_start[p]; k < end; ++k) {
            a += m.value[k] * v1[m.col[k]];
            b += m.value[k] * v2[m.col[k]];
        }
        for (std::size_t k = m.row_start[p]; k < end; ++k) {
            z1[m.col[k]] += m.value[k] * a;
            z2[m.col[k]] += m.value[k] * b;
        }
    }
}

double norm(const std::vector<double>& v) {
    double s = 0.0;
    for (double x : v) s += x * x;
    return std::sqrt(s);
}

// Without an earlier map to follow, point the component so its largest entry is positive.
void orient(std::vector<double>& v, const std::vector<double>& previous) {
    double sign_hint = 0.0;
    if (previous.size() == v.size()) {
        for (std::size_t s = 0; s < v.size(); ++s) sign_hint += v[s] * previous[s];
    }
    if (sign_hint == 0.0) {
        std::size_t best = 0;
        for (std::size_t s = 1; s < v.size(); ++s)
            if (std::fabs(v[s]) > std::fabs(v[best])) best = s;
        sign_hint = v.empty() ? 1.0 : v[best];
    }
    if (sign_hint < 0)
        for (double& x : v) x = -x;
}

double dot(const std::vector<double>& a, const std::vector<double>& b) {
    double s = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) s += a[i] * b[i];
    return s;
}

// Gram-Schmidt on (a, b); a vector too small to carry a direction becomes zero.
void orthonormalise(std::vector<double>& a, std::vector<double>& b) {
    const double la = norm(a);
    if (la > 0)
        for (double& x : a) x /= la;
    const double along = dot(a, b);
    for (std::size_t i = 0; i < b.size(); ++i) b[i] -= along * a[i];
    const double lb = norm(b);
    if (lb > 1e-12 * std::fmax(la, 1.0))
        for (double& x : b) x /= lb;
    else
        std::fill(b.begin(), b.end(), 0.0);
}

// X^T X applied to a vector: over the votes, or with X^T X formed once as a dense symmetric
// matrix when that costs less for this matrix and step count (the choice depends only on the
// matrix's shape, so every build makes the same one).
class GramOperator {
public:
    GramOperator(const CentredMatrix& m, long long steps) : m_(m) {
        long long pairs = 0;
        for (std::size_t p = 0; p < m.rows; ++p) {
            const auto n = static_cast<long long>(m.row_start[p + 1] - m.row_start[p]);
            pairs += n * (n + 1) / 2;
        }
        const auto cols = static_cast<long long>(m.cols);
        const auto votes = static_cast<long long>(m.value.size());
        dense_ = m.cols <= 2000 && pairs + steps * cols * cols < steps * 2 * votes;
        if (!dense_) return;
        gram_.assign(m.cols * m.cols, 0.0);
        for (std::size_t p = 0; p < m.rows; ++p) {
            const std::size_t end = m.row_start[p + 1];
            for (std::size_t a = m.row_start[p]; a < end; ++a) {
                double* row = &gram_[static_cast<std::size_t>(m.col[a]) * m.cols];
                const double va = m.value[a];
                for (std::size_t b = a; b < end; ++b) row[m.col[b]] += va * m.value[b];
            }
        }
        // Cells within a row are in ascending statement order, so only the upper triangle was filled.
        for (std::size_t i = 0; i < m.cols; ++i)
            for (std::size_t j = 0; j < i; ++j) gram_[i * m.cols + j] = gram_[j * m.cols + i];
    }

    void apply(const std::vector<double>& v, std::vector<double>& out) const {
        out.assign(m_.cols, 0.0);
        if (dense_) {
            // Four running sums in a fixed order: the compiler may vectorise them without
            // reordering anything, so every build still adds in the same order.
            const std::size_t n = m_.cols, blocked = n - n % 4;
            for (std::size_t i = 0; i < n; ++i) {
                const double* row = &gram_[i * n];
                double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
                for (std::size_t j = 0; j < blocked; j += 4) {
                    s0 += row[j] * v[j];
                    s1 += row[j + 1] * v[j + 1];
                    s2 += row[j + 2] * v[j + 2];
                    s3 += row[j + 3] * v[j + 3];
                }
                for (std::size_t j = blocked; j < n; ++j) s0 += row[j] * v[j];
                out[i] = (s0 + s1) + (s2 + s3);
            }
            return;
        }
        for (std::size_t p = 0; p < m_.rows; ++p) {
            double a = 0.0;
            const std::size_t end = m_.row_start[p + 1];
            for (std::size_t k = m_.row_start[p]; k < end; ++k) a += m_.value[k] * v[m_.col[k]];
            for (std::size_t k = m_.row_start[p]; k < end; ++k) out[m_.col[k]] += m_.value[k] * a;
        }
    }

private:
    const CentredMatrix& m_;
    bool dense_ = false;
    std::vector<double> gram_;
};

// v minus its projection on `along` (Pol.is's `factor-matrix`, applied to a vector).
void factor_out(std::vector<double>& v, const std::vector<double>& along) {
    const double length2 = dot(along, along);
    if (along.empty() || length2 == 0.0) return;
    const double coefficient = dot(along, v) / length2;
    for (std::size_t i = 0; i < v.size(); ++i) v[i] -= coefficient * along[i];
}

// Pol.is's `power-iteration`: iterations + 1 products at most, stopping early only when the
// length of the product equals the previous one exactly. `factored` is the component already
// found (empty for the first): the data has it factored out, so X'^T X' v = P X^T X P v.
std::vector<double> power_iteration(const GramOperator& gram, std::vector<double> v, int iterations,
                                    const std::vector<double>& factored, int& used) {
    double last = 0.0;
    std::vector<double> u, w;
    used = 0;
    for (int left = iterations;; --left) {
        u = v;
        factor_out(u, factored);
        gram.apply(u, w);
        factor_out(w, factored);
        ++used;
        const double length = norm(w);
        if (length > 0)
            for (double& x : w) x /= length;
        if (left <= 0 || length == last || length == 0.0) return w;
        v = std::move(w);
        last = length;
    }
}

Pca polis_components(const VoteMatrix& votes, std::span<const char> moderated_out, const PcaDesc& desc) {
    const int iterations = desc.max_iterations > 0 ? desc.max_iterations : 100;
    Pca pca;
    const CentredMatrix m = centre(votes, moderated_out, pca.center);
    const GramOperator gram(m, 2LL * (iterations + 1));
    SplitMix64 random(desc.seed ^ 0x5ca1ab1eULL);
    std::array<std::vector<double>, 2> v;
    // Pol.is finds min(2, rows, columns) components.
    const std::size_t wanted = std::min<std::size_t>(2, std::min(m.rows, m.cols));
    for (std::size_t c = 0; c < 2; ++c) {
        std::vector<double> start(m.cols);
        // Pol.is's `rand-starting-vec`: uniform in [0, 1), unless the previous component is there
        // and not all zero (`wrapped-pca`).
        for (double& x : start) x = random.uniform();
        const std::vector<double>& warm = desc.previous[c];
        if (warm.size() == m.cols && norm(warm) > 0) start = warm;
        if (c >= wanted) {
            v[c].assign(m.cols, 0.0);
            continue;
        }
        v[c] = power_iteration(gram, std::move(start), iterations, c == 0 ? std::vector<double>{} : v[0],
                               pca.iterations[c]);
    }
    std::vector<double> w;
    for (std::size_t c = 0; c < 2; ++c) {
        gram.apply(v[c], w);
        pca.eigenvalues[c] = dot(v[c], w);
        if (!(pca.eigenvalues[c] > 1e-12)) {
            pca.eigenvalues[c] = 0.0;
            std::fill(v[c].begin(), v[c].end(), 0.0);
        }
        orient(v[c], desc.previous[c]);
        pca.components[c] = std::move(v[c]);
    }
    return pca;
}

}  // namespace

Pca principal_components(const VoteMatrix& votes, std::span<const char> moderated_out, const PcaDesc& desc) {
    if (desc.method == PcaMethod::polis_power_iteration) return polis_components(votes, moderated_out, desc);
    const int max_iterations = desc.max_iterations > 0 ? desc.max_iterations : 200;
    const double tolerance = desc.tolerance > 0 ? desc.tolerance : 1e-11;
    Pca pca;
    const CentredMatrix m = centre(votes, moderated_out, pca.center);
    SplitMix64 random(desc.seed ^ 0x5ca1ab1eULL);

    // Start: the previous components when they fit, else a seeded random vector (never
    // orthogonal to the answer by construction, unlike Pol.is's vector of ones).
    std::array<std::vector<double>, 2> v;
    for (std::size_t c = 0; c < 2; ++c) {
        v[c].assign(m.cols, 0.0);
        const std::vector<double>& warm = desc.previous[c];
        const bool warm_started = warm.size() == m.cols && norm(warm) > 0;
        for (std::size_t s = 0; s < m.cols; ++s) {
            const double draw = random.uniform() - 0.5;
            v[c][s] = moderated_out[s] ? 0.0 : warm_started ? warm[s] + 1e-3 * draw : draw;
        }
    }
    orthonormalise(v[0], v[1]);

    // Power iteration on the two-dimensional subspace at once, with a Rayleigh-Ritz rotation each
    // step: the same components Pol.is's power iteration with deflation converges to, but it
    // converges at the rate of the third eigenvalue to the second, not the second to the first,
    // which matters when two opinion axes are nearly as strong (three camps, say).
    std::array<std::vector<double>, 2> w;
    double h11 = 0, h12 = 0, h22 = 0;
    int iteration = 0;
    while (iteration < max_iterations) {
        ++iteration;
        gram_times_pair(m, v[0], v[1], w[0], w[1]);
        h11 = dot(v[0], w[0]);
        h12 = dot(v[0], w[1]);
        h22 = dot(v[1], w[1]);
        // Top eigenvector (cs, sn) of the symmetric 2x2 [[h11 h12] [h12 h22]], with square roots
        // only: sin/cos/atan2 differ between C libraries, and native and WebAssembly must agree.
        double cs = 1.0, sn = 0.0;
        if (h12 != 0.0) {
            const double t = 0.5 * (h11 - h22);
            const double r = std::sqrt(t * t + h12 * h12);
            double x = t >= 0 ? r + t : h12;
            double y = t >= 0 ? h12 : r - t;
            const double length = std::sqrt(x * x + y * y);
            cs = x / length;
            sn = y / length;
        } else if (h22 > h11) {
            cs = 0.0;
            sn = 1.0;
        }
        std::array<std::vector<double>, 2> next = {std::vector<double>(m.cols), std::vector<double>(m.cols)};
        for (std::size_t s = 0; s < m.cols; ++s) {
            next[0][s] = cs * w[0][s] + sn * w[1][s];
            next[1][s] = -sn * w[0][s] + cs * w[1][s];
        }
        orthonormalise(next[0], next[1]);
        double moved = 0.0;
        for (std::size_t c = 0; c < 2; ++c) {
            // Compare up to sign: an eigenvector may come back negated.
            const double sign = dot(next[c], v[c]) < 0 ? -1.0 : 1.0;
            for (std::size_t s = 0; s < m.cols; ++s) {
                next[c][s] *= sign;
                moved = std::fmax(moved, std::fabs(next[c][s] - v[c][s]));
            }
        }
        v = std::move(next);
        if (moved < tolerance) break;
    }
    // Variance carried by each component: ||X v||^2, computed once more on the final vectors.
    gram_times_pair(m, v[0], v[1], w[0], w[1]);
    for (std::size_t c = 0; c < 2; ++c) {
        pca.eigenvalues[c] = dot(v[c], w[c]);
        if (!(pca.eigenvalues[c] > 1e-12)) {
            pca.eigenvalues[c] = 0.0;
            std::fill(v[c].begin(), v[c].end(), 0.0);
        }
    }
    if (pca.eigenvalues[1] > pca.eigenvalues[0]) {
        std::swap(v[0], v[1]);
        std::swap(pca.eigenvalues[0], pca.eigenvalues[1]);
    }
    for (std::size_t c = 0; c < 2; ++c) {
        orient(v[c], desc.previous[c]);
        pca.components[c] = std::move(v[c]);
        pca.iterations[c] = iteration;
    }
    return pca;
}

std::vector<Point> project_participants(const VoteMatrix& votes, std::span<const char> moderated_out,
                                        const Pca& pca, bool count_moderated_as_seen) {
    std::size_t moderated = 0;
    for (std::size_t s = 0; s < votes.statement_count(); ++s) moderated += moderated_out[s] ? 1 : 0;
    const std::size_t statements =
        count_moderated_as_seen ? votes.statement_count() : votes.statement_count() - moderated;
    const auto& pc1 = pca.components[0];
    const auto& pc2 = pca.components[1];

    std::vector<Point> points(votes.participant_count());
    for (std::size_t p = 0; p < votes.participant_count(); ++p) {
        double x = 0.0, y = 0.0;
        std::size_t seen = count_moderated_as_seen ? moderated : 0;
        for (const VoteCell& cell : votes.row(p)) {
            if (moderated_out[cell.statement]) continue;
            ++seen;
            const double centred = static_cast<double>(static_cast<int>(cell.vote)) - pca.center[cell.statement];
            x += centred * pc1[cell.statement];
            y += centred * pc2[cell.statement];
        }
        const double scale =
            std::sqrt(static_cast<double>(statements) / static_cast<double>(seen > 0 ? seen : 1));
        points[p] = {x * scale, y * scale};
    }
    return points;
}

std::optional<Point> project_votes(const Pca& pca, std::span<const std::pair<std::size_t, Vote>> votes) {
    const std::size_t statements = pca.center.size();
    if (pca.components[0].size() != statements || pca.components[1].size() != statements) return std::nullopt;
    double x = 0.0, y = 0.0;
    std::size_t seen = 0;
    for (const auto& [statement, vote] : votes) {
        if (statement >= statements) continue;
        ++seen;
        const double centred = static_cast<double>(static_cast<int>(vote)) - pca.center[statement];
        x += centred * pca.components[0][statement];
        y += centred * pca.components[1][statement];
    }
    if (seen == 0) return std::nullopt;
    const double scale = std::sqrt(static_cast<double>(statements) / static_cast<double>(seen));
    return Point{x * scale, y * scale};
}

std::vector<Point> project_statements(const Pca& pca) {
    const std::size_t c = pca.center.size();
    const double scale = std::sqrt(static_cast<double>(c));
    std::vector<Point> points(c);
    for (std::size_t s = 0; s < c; ++s) {
        const double centred = 1.0 - pca.center[s];
        points[s] = {centred * pca.components[0][s] * scale, centred * pca.components[1][s] * scale};
    }
    return points;
}

}  // namespace stadsmijn::polls
