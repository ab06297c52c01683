// PCA on vote matrices whose components are known exactly.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "core/polls/pca.h"

using namespace stadsmijn::polls;

namespace {

void add_row(std::vector<VoteRecord>& records, ParticipantId p, std::vector<int> votes) {
    for (std::size_t s = 0; s < votes.size(); ++s)
        if (votes[s] != 9) records.push_back({p, static_cast<StatementId>(s), static_cast<Vote>(votes[s]), 0});
}

double dot(const std::vector<double>& a, const std::vector<double>& b) {
    double s = 0;
    for (std::size_t i = 0; i < a.size(); ++i) s += a[i] * b[i];
    return s;
}

// Statements 0 and 1 move together for six people, 2 and 3 for two: column means are zero and
// X^T X = [[6 6 0 0] [6 6 0 0] [0 0 2 2] [0 0 2 2]], so the components are (1,1,0,0)/sqrt2 with
// eigenvalue 12 and (0,0,1,1)/sqrt2 with eigenvalue 4.
VoteMatrix two_axes() {
    std::vector<VoteRecord> r;
    ParticipantId p = 0;
    for (int i = 0; i < 3; ++i) add_row(r, p++, {1, 1, 0, 0});
    for (int i = 0; i < 3; ++i) add_row(r, p++, {-1, -1, 0, 0});
    add_row(r, p++, {0, 0, 1, 1});
    add_row(r, p++, {0, 0, -1, -1});
    return VoteMatrix::from_records(r).value();
}

}  // namespace

TEST_CASE("PCA finds the known principal axes and their variance") {
    const VoteMatrix m = two_axes();
    const std::vector<char> none(4, 0);
    const Pca pca = principal_components(m, none, {});
    const double h = 1 / std::sqrt(2.0);
    CHECK(std::fabs(dot(pca.components[0], {h, h, 0, 0})) == doctest::Approx(1.0).epsilon(1e-9));
    CHECK(std::fabs(dot(pca.components[1], {0, 0, h, h})) == doctest::Approx(1.0).epsilon(1e-9));
    CHECK(pca.eigenvalues[0] == doctest::Approx(12.0));
    CHECK(pca.eigenvalues[1] == doctest::Approx(4.0));
    for (double c : pca.center) CHECK(c == doctest::Approx(0.0));
}

TEST_CASE("PCA is Pol.is's power iteration: max_iterations + 1 products from the start vector") {
    // From (1, 0, 1, 0), two products with X^T X give (72, 72, 8, 8): not yet the axis (1, 1, 0, 0).
    const VoteMatrix m = two_axes();
    const std::vector<char> none(4, 0);
    PcaDesc d;
    d.max_iterations = 1;
    d.previous[0] = {1, 0, 1, 0};
    const Pca pca = principal_components(m, none, d);
    const double length = std::sqrt(2 * 81.0 + 2 * 1.0);
    CHECK(pca.iterations[0] == 2);
    CHECK(pca.components[0][0] == doctest::Approx(9 / length).epsilon(1e-12));
    CHECK(pca.components[0][2] == doctest::Approx(1 / length).epsilon(1e-12));
    // The second component is found on the data with the first factored out.
    CHECK(std::fabs(dot(pca.components[0], pca.components[1])) < 1e-12);
}

TEST_CASE("PCA stops early once the length of X^T X v repeats exactly") {
    // X^T X = diag(4, 2): from (1, 0) every product is (4, 0), so the second product repeats the
    // first one's length exactly and Pol.is's loop stops there, far below its 101-product cap.
    std::vector<VoteRecord> r;
    add_row(r, 0, {1, 9});
    add_row(r, 1, {1, 9});
    add_row(r, 2, {-1, 9});
    add_row(r, 3, {-1, 9});
    add_row(r, 4, {9, 1});
    add_row(r, 5, {9, -1});
    const VoteMatrix m = VoteMatrix::from_records(r).value();
    const std::vector<char> none(2, 0);
    PcaDesc d;
    d.previous[0] = {1, 0};
    const Pca pca = principal_components(m, none, d);
    CHECK(pca.iterations[0] == 2);
    CHECK(pca.components[0] == std::vector<double>{1, 0});
    CHECK(pca.eigenvalues[0] == 4.0);
}

TEST_CASE("PCA gives the same components whatever the seed") {
    const VoteMatrix m = two_axes();
    const std::vector<char> none(4, 0);
    PcaDesc a, b;
    a.seed = 1;
    b.seed = 99;
    const Pca x = principal_components(m, none, a);
    const Pca y = principal_components(m, none, b);
    for (std::size_t c = 0; c < 2; ++c)
        for (std::size_t s = 0; s < 4; ++s) CHECK(x.components[c][s] == doctest::Approx(y.components[c][s]).epsilon(1e-9));
}

TEST_CASE("a participant is projected from the votes they cast, scaled by statements over statements seen") {
    std::vector<VoteRecord> r;
    add_row(r, 0, {1, 1, 0, 0});
    add_row(r, 1, {-1, -1, 0, 0});
    add_row(r, 2, {0, 0, 1, 1});
    add_row(r, 3, {0, 0, -1, -1});
    add_row(r, 4, {1, 9, 9, 9});  // one vote: missing cells are the mean, so they add nothing
    const VoteMatrix m = VoteMatrix::from_records(r).value();
    const std::vector<char> none(4, 0);
    const Pca pca = principal_components(m, none, {});
    const auto places = project_participants(m, none, pca, true);
    const double expected_x = (1 - pca.center[0]) * pca.components[0][0] * std::sqrt(4.0 / 1.0);
    const double expected_y = (1 - pca.center[0]) * pca.components[1][0] * std::sqrt(4.0 / 1.0);
    CHECK(places[4].x == doctest::Approx(expected_x));
    CHECK(places[4].y == doctest::Approx(expected_y));
}

TEST_CASE("one participant's own votes land where the projection of everyone puts them") {
    std::vector<VoteRecord> r;
    add_row(r, 0, {1, 1, 0, 0});
    add_row(r, 1, {-1, -1, 1, 0});
    add_row(r, 2, {0, 0, 1, 1});
    add_row(r, 3, {0, -1, -1, -1});
    add_row(r, 4, {1, 9, -1, 9});
    const VoteMatrix m = VoteMatrix::from_records(r).value();
    const std::vector<char> none(4, 0);
    const Pca pca = principal_components(m, none, {});
    const auto places = project_participants(m, none, pca, true);
    for (std::size_t p = 0; p < m.participant_count(); ++p) {
        std::vector<std::pair<std::size_t, Vote>> own;
        for (const VoteCell& cell : m.row(p)) own.push_back({cell.statement, cell.vote});
        own.push_back({17, Vote::agree});  // a statement the map does not know: ignored
        const auto place = project_votes(pca, own);
        REQUIRE(place.has_value());
        CHECK(place->x == doctest::Approx(places[p].x));
        CHECK(place->y == doctest::Approx(places[p].y));
    }
    CHECK_FALSE(project_votes(pca, {}).has_value());
    Pca broken = pca;
    broken.components[1].pop_back();
    std::vector<std::pair<std::size_t, Vote>> one{{0, Vote::agree}};
    CHECK_FALSE(project_votes(broken, one).has_value());
}

TEST_CASE("moderated-out statements carry no weight but count as seen, as in Pol.is") {
    std::vector<VoteRecord> r;
    ParticipantId p = 0;
    for (int i = 0; i < 3; ++i) add_row(r, p++, {1, 1, 1, 9});
    for (int i = 0; i < 3; ++i) add_row(r, p++, {-1, -1, -1, 9});
    add_row(r, p++, {1, 9, 9, 1});  // the only vote on statement 3
    const VoteMatrix m = VoteMatrix::from_records(r).value();
    const std::vector<char> moderated = {0, 0, 1, 1};
    const Pca pca = principal_components(m, moderated, {});
    CHECK(pca.components[0][2] == 0.0);
    CHECK(pca.components[0][3] == 0.0);
    const auto seen_all = project_participants(m, moderated, pca, true);
    const auto seen_own = project_participants(m, moderated, pca, false);
    // Participant 6 voted on statement 0 only among active ones: 4 statements over 1 + 2 moderated
    // seen (Pol.is), or 2 active statements over 1 seen.
    const double dot0 = (1 - pca.center[0]) * pca.components[0][0];
    CHECK(seen_all[6].x == doctest::Approx(dot0 * std::sqrt(4.0 / 3.0)));
    CHECK(seen_own[6].x == doctest::Approx(dot0 * std::sqrt(2.0 / 1.0)));
}

TEST_CASE("when everyone votes alike there is no component and no one moves") {
    std::vector<VoteRecord> r;
    for (ParticipantId p = 0; p < 5; ++p) add_row(r, p, {1, -1, 0});
    const VoteMatrix m = VoteMatrix::from_records(r).value();
    const std::vector<char> none(3, 0);
    const Pca pca = principal_components(m, none, {});
    CHECK(pca.eigenvalues[0] == 0.0);
    const auto places = project_participants(m, none, pca, true);
    for (const Point& p : places) {
        CHECK(p.x == 0.0);
        CHECK(p.y == 0.0);
    }
}
