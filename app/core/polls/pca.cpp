#include "core/polls/pca.h"

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

// out = (X - (X d) d^T)^T (X - (X d) d^T) v, where d is an earlier unit component (or empty).
// Deflating this way is Pol.is's Gram-Schmidt `factor-matrix` without forming the dense matrix.
void gram_times(const CentredMatrix& m, const std::vector<double>& v, const std::vector<double>* deflate,
                const std::vector<double>& x_deflate, std::vector<double>& row_buffer, std::vector<double>& out) {
    double d_dot_v = 0.0;
    if (deflate)
        for (std::size_t s = 0; s < m.cols; ++s) d_dot_v += (*deflate)[s] * v[s];
    for (std::size_t p = 0; p < m.rows; ++p) {
        double acc = 0.0;
        for (std::size_t k = m.row_start[p]; k < m.row_start[p + 1]; ++k) acc += m.value[k] * v[m.col[k]];
        if (deflate) acc -= x_deflate[p] * d_dot_v;
        row_buffer[p] = acc;
    }
    out.assign(m.cols, 0.0);
    double xd_dot_u = 0.0;
    for (std::size_t p = 0; p < m.rows; ++p) {
        const double u = row_buffer[p];
        if (deflate) xd_dot_u += x_deflate[p] * u;
        if (u == 0.0) continue;
        for (std::size_t k = m.row_start[p]; k < m.row_start[p + 1]; ++k) out[m.col[k]] += m.value[k] * u;
    }
    if (deflate)
        for (std::size_t s = 0; s < m.cols; ++s) out[s] -= (*deflate)[s] * xd_dot_u;
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

}  // namespace

Pca principal_components(const VoteMatrix& votes, std::span<const char> moderated_out, const PcaDesc& desc) {
    const int max_iterations = desc.max_iterations > 0 ? desc.max_iterations : 200;
    const double tolerance = desc.tolerance > 0 ? desc.tolerance : 1e-11;
    Pca pca;
    const CentredMatrix m = centre(votes, moderated_out, pca.center);
    std::vector<double> row_buffer(m.rows, 0.0);
    std::vector<double> x_deflate;
    SplitMix64 random(desc.seed ^ 0x5ca1ab1eULL);

    for (int component = 0; component < 2; ++component) {
        const std::vector<double>* deflate = component == 1 ? &pca.components[0] : nullptr;
        std::vector<double> v(m.cols, 0.0);
        const std::vector<double>& warm = desc.previous[static_cast<std::size_t>(component)];
        bool warm_started = warm.size() == m.cols && norm(warm) > 0;
        for (std::size_t s = 0; s < m.cols; ++s) {
            // A random start, unlike Pol.is's vector of ones, is never orthogonal to the answer
            // by construction; it is seeded so every run draws the same one.
            const double draw = 0.5 + random.uniform();
            v[s] = warm_started ? warm[s] : draw;
            if (moderated_out[s]) v[s] = 0.0;
        }
        double length = norm(v);
        if (length == 0.0) {
            pca.components[static_cast<std::size_t>(component)] = v;
            continue;
        }
        for (double& x : v) x /= length;

        std::vector<double> next;
        double eigenvalue = 0.0;
        int iteration = 0;
        while (iteration < max_iterations) {
            ++iteration;
            gram_times(m, v, deflate, x_deflate, row_buffer, next);
            eigenvalue = norm(next);
            if (eigenvalue == 0.0) {
                v.assign(m.cols, 0.0);
                break;
            }
            double moved = 0.0;
            for (std::size_t s = 0; s < m.cols; ++s) {
                next[s] /= eigenvalue;
                moved = std::fmax(moved, std::fabs(next[s] - v[s]));
            }
            v.swap(next);
            if (moved < tolerance) break;
        }
        orient(v, warm);
        pca.components[static_cast<std::size_t>(component)] = v;
        pca.eigenvalues[static_cast<std::size_t>(component)] = eigenvalue;
        pca.iterations[static_cast<std::size_t>(component)] = iteration;

        if (component == 0) {
            x_deflate.assign(m.rows, 0.0);
            for (std::size_t p = 0; p < m.rows; ++p) {
                double acc = 0.0;
                for (std::size_t k = m.row_start[p]; k < m.row_start[p + 1]; ++k) acc += m.value[k] * v[m.col[k]];
                x_deflate[p] = acc;
            }
            if (norm(v) == 0.0) x_deflate.assign(m.rows, 0.0);
        }
    }
    if (norm(pca.components[0]) == 0.0) pca.components[1].assign(m.cols, 0.0);
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
