// The opinion-group pipeline end to end: who is grouped, determinism, state between updates,
// stability, and agreement with Pol.is on a real conversation.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/polls/adjusted_rand_index.h"
#include "core/polls/opinion_groups.h"
#include "core/polls/polis_csv.h"
#include "core/polls/random.h"

using namespace stadsmijn::polls;

namespace {

// Two camps with opposite views on 20 statements, a little noise, everyone voting on `votes_each`.
// Camp 0 is participants 0..n/2-1.
std::vector<VoteRecord> two_camps(int participants, int votes_each, std::uint64_t seed = 7) {
    SplitMix64 random(seed);
    std::vector<VoteRecord> records;
    for (int p = 0; p < participants; ++p) {
        const bool camp_a = p < participants / 2;
        std::vector<int> statements(20);
        for (int s = 0; s < 20; ++s) statements[static_cast<std::size_t>(s)] = s;
        for (int i = 0; i < votes_each; ++i) {
            const auto j = static_cast<std::size_t>(i) + random.below(static_cast<std::uint64_t>(20 - i));
            std::swap(statements[static_cast<std::size_t>(i)], statements[j]);
            const int s = statements[static_cast<std::size_t>(i)];
            const bool likes = (s < 10) == camp_a;
            const double u = random.uniform();
            const Vote v = u < 0.85 ? (likes ? Vote::agree : Vote::disagree) : u < 0.93 ? Vote::pass
                                                                                : (likes ? Vote::disagree : Vote::agree);
            records.push_back({p, s, v, 0});
        }
    }
    return records;
}

std::vector<int> camp_of(const OpinionGroups& g, int participants) {
    std::vector<int> camps;
    for (const auto& p : g.participants)
        if (p.group >= 0) camps.push_back(p.participant < participants / 2 ? 0 : 1);
    return camps;
}

std::vector<int> groups_of(const OpinionGroups& g) {
    std::vector<int> out;
    for (const auto& p : g.participants)
        if (p.group >= 0) out.push_back(p.group);
    return out;
}

OpinionGroupsDesc quick() {
    OpinionGroupsDesc d;
    d.stability_runs = -1;
    return d;
}

}  // namespace

TEST_CASE("two camps with opposite views become two groups that match the camps") {
    const auto m = VoteMatrix::from_records(two_camps(60, 12)).value();
    const auto g = compute_opinion_groups(m, {}, quick());
    REQUIRE(g.ok());
    CHECK(g.value().status == GroupingStatus::grouped);
    REQUIRE(g.value().groups.size() == 2);
    CHECK(adjusted_rand_index(groups_of(g.value()), camp_of(g.value(), 60)) == doctest::Approx(1.0));
    // What each group stands for: its first representative statement is one its camp agrees with.
    for (const OpinionGroup& group : g.value().groups) {
        REQUIRE_FALSE(group.representative.empty());
        const bool camp_a = group.members.front() < 30;
        const auto& first = group.representative.front();
        CHECK(first.agree);
        CHECK((first.statement < 10) == camp_a);
    }
}

TEST_CASE("participants with fewer than seven votes stay out of the groups but are placed on the map") {
    auto records = two_camps(40, 12);
    records.push_back({1000, 0, Vote::agree, 0});
    records.push_back({1000, 1, Vote::agree, 0});
    const auto m = VoteMatrix::from_records(records).value();
    const auto g = compute_opinion_groups(m, {}, quick());
    REQUIRE(g.ok());
    const auto& last = g.value().participants.back();
    CHECK(last.participant == 1000);
    CHECK(last.votes == 2);
    CHECK_FALSE(last.in_conversation);
    CHECK(last.group == -1);
    CHECK(last.place.x != 0.0);
    for (const auto& p : g.value().participants)
        if (p.participant < 40) CHECK(p.in_conversation);
}

TEST_CASE("while fewer than fifteen qualify, the most active voters are added") {
    std::vector<VoteRecord> records;
    for (ParticipantId p = 0; p < 20; ++p)
        for (StatementId s = 0; s <= p % 6; ++s)  // 1..6 votes each: nobody reaches seven
            records.push_back({p, s, (p + s) % 2 ? Vote::agree : Vote::disagree, 0});
    for (StatementId s = 0; s < 8; ++s) records.push_back({99, s, Vote::agree, 0});  // one who does
    const auto m = VoteMatrix::from_records(records).value();
    const auto g = compute_opinion_groups(m, {}, quick());
    REQUIRE(g.ok());
    std::size_t in = 0;
    int fewest_in = 100, most_out = 0;
    for (const auto& p : g.value().participants) {
        if (p.in_conversation) {
            ++in;
            fewest_in = std::min(fewest_in, p.votes);
        } else {
            most_out = std::max(most_out, p.votes);
        }
    }
    CHECK(in == 15);
    CHECK(fewest_in >= most_out);
    OpinionGroupsDesc none = quick();
    none.greedy_fill = -1;
    const auto without_fill = compute_opinion_groups(m, {}, none);
    REQUIRE(without_fill.ok());
    std::size_t in_without_fill = 0;
    for (const auto& p : without_fill.value().participants) in_without_fill += p.in_conversation;
    CHECK(in_without_fill == 1);
}

TEST_CASE("someone once in the conversation stays in") {
    auto records = two_camps(40, 12);
    records.push_back({500, 0, Vote::agree, 0});
    const auto m = VoteMatrix::from_records(records).value();
    OpinionGroupsState previous;
    previous.in_conversation = {500};
    const auto g = compute_opinion_groups(m, {}, quick(), previous).value();
    CHECK(g.participants.back().participant == 500);
    CHECK(g.participants.back().in_conversation);
    CHECK(g.participants.back().group >= 0);
    CHECK(std::count(g.state.in_conversation.begin(), g.state.in_conversation.end(), 500) == 1);
}

TEST_CASE("the same votes and seed give the same groups and places, bit for bit") {
    const auto m = VoteMatrix::from_records(two_camps(80, 10)).value();
    OpinionGroupsDesc d;
    d.seed = 12345;
    d.stability_runs = 3;
    const auto a = compute_opinion_groups(m, {}, d).value();
    const auto b = compute_opinion_groups(m, {}, d).value();
    REQUIRE(a.participants.size() == b.participants.size());
    for (std::size_t i = 0; i < a.participants.size(); ++i) {
        CHECK(a.participants[i].group == b.participants[i].group);
        CHECK(a.participants[i].place.x == b.participants[i].place.x);  // exact, not approximate
        CHECK(a.participants[i].place.y == b.participants[i].place.y);
    }
    for (std::size_t s = 0; s < a.statements.size(); ++s)
        CHECK(a.statements[s].group_informed_consensus == b.statements[s].group_informed_consensus);
    CHECK(a.stability.mean_adjusted_rand == b.stability.mean_adjusted_rand);
}

TEST_CASE("reordering the votes gives the same partition") {
    auto records = two_camps(80, 10);
    const auto a = compute_opinion_groups(VoteMatrix::from_records(records).value(), {}, quick()).value();
    SplitMix64 random(3);
    for (std::size_t i = 0; i + 1 < records.size(); ++i) std::swap(records[i], records[i + random.below(records.size() - i)]);
    const auto b = compute_opinion_groups(VoteMatrix::from_records(records).value(), {}, quick()).value();
    CHECK(groups_of(a) == groups_of(b));
    CHECK(a.participants.front().place.x == b.participants.front().place.x);
}

TEST_CASE("the number of groups changes only after a new k has won four updates in a row") {
    const auto m = VoteMatrix::from_records(two_camps(60, 12)).value();
    OpinionGroupsState previous;
    previous.smoothed_k = 3;
    previous.last_k = 3;
    previous.last_k_count = 10;
    const auto first = compute_opinion_groups(m, {}, quick(), previous).value();
    REQUIRE(first.best_silhouette_k == 2);  // two camps
    CHECK(first.groups.size() == 3);        // the smoother still holds 3
    OpinionGroupsState state = first.state;
    std::size_t groups = 0;
    for (int update = 2; update <= 4; ++update) {
        const auto next = compute_opinion_groups(m, {}, quick(), state).value();
        groups = next.groups.size();
        CHECK(next.state.last_k_count == update);
        state = next.state;
        if (update < 4) CHECK(groups == 3);
    }
    CHECK(groups == 2);
}

TEST_CASE("group numbers follow the previous run's groups") {
    const auto m = VoteMatrix::from_records(two_camps(60, 12)).value();
    const auto first = compute_opinion_groups(m, {}, quick()).value();
    OpinionGroupsState swapped = first.state;
    for (auto& [participant, group] : swapped.groups) group = 1 - group;
    const auto second = compute_opinion_groups(m, {}, quick(), swapped).value();
    for (std::size_t i = 0; i < first.participants.size(); ++i)
        if (first.participants[i].group >= 0) CHECK(second.participants[i].group == 1 - first.participants[i].group);
}

TEST_CASE("well-separated camps are stable under resampling, and each group reports its stability") {
    const auto m = VoteMatrix::from_records(two_camps(100, 12)).value();
    OpinionGroupsDesc d;
    d.stability_runs = 8;
    const auto g = compute_opinion_groups(m, {}, d).value();
    CHECK(g.stability.runs == 8);
    CHECK(g.stability.fraction == doctest::Approx(0.8));
    CHECK(g.stability.mean_adjusted_rand > 0.95);
    CHECK(g.stability.same_k_share == doctest::Approx(1.0));
    for (const auto& group : g.groups) CHECK(group.stability > 0.95);
}

TEST_CASE("random votes without camps are less stable than camps") {
    SplitMix64 random(11);
    std::vector<VoteRecord> records;
    for (ParticipantId p = 0; p < 100; ++p)
        for (StatementId s = 0; s < 12; ++s)
            records.push_back({p, s, random.uniform() < 0.5 ? Vote::agree : Vote::disagree, 0});
    OpinionGroupsDesc d;
    d.stability_runs = 8;
    const auto noise = compute_opinion_groups(VoteMatrix::from_records(records).value(), {}, d).value();
    const auto camps = compute_opinion_groups(VoteMatrix::from_records(two_camps(100, 12)).value(), {}, d).value();
    CHECK(noise.stability.mean_adjusted_rand < camps.stability.mean_adjusted_rand);
}

TEST_CASE("too few participants give places but no groups") {
    const std::vector<VoteRecord> records = {{1, 1, Vote::agree, 0}, {2, 1, Vote::agree, 0}, {2, 2, Vote::disagree, 0}};
    const auto g = compute_opinion_groups(VoteMatrix::from_records(records).value(), {}, quick());
    REQUIRE(g.ok());
    CHECK(g.value().groups.empty());
    CHECK(g.value().participants.size() == 2);
    CHECK(g.value().status != GroupingStatus::grouped);
}

TEST_CASE("a poll without votes is an error a person can act on") {
    const auto g = compute_opinion_groups(VoteMatrix{}, {}, quick());
    REQUIRE_FALSE(g.ok());
    CHECK(g.error().find("no votes yet") != std::string::npos);
}

TEST_CASE("consensus and group-informed consensus favour what both camps agree on") {
    auto records = two_camps(60, 12);
    for (ParticipantId p = 0; p < 60; ++p) records.push_back({p, 50, p % 10 ? Vote::agree : Vote::pass, 0});
    const auto g = compute_opinion_groups(VoteMatrix::from_records(records).value(), {}, quick()).value();
    REQUIRE_FALSE(g.consensus.agree.empty());
    CHECK(g.consensus.agree.front().statement == 50);
    const auto best = std::max_element(g.statements.begin(), g.statements.end(), [](const auto& a, const auto& b) {
        return a.group_informed_consensus < b.group_informed_consensus;
    });
    CHECK(best->statement == 50);
}

TEST_CASE("moderated-out statements shape neither the map nor the lists") {
    auto records = two_camps(60, 12);
    for (ParticipantId p = 0; p < 60; ++p) records.push_back({p, 77, Vote::agree, 0});
    const auto m = VoteMatrix::from_records(records).value();
    const std::vector<StatementId> moderated = {77};
    const auto g = compute_opinion_groups(m, moderated, quick()).value();
    const auto s = m.statement_index(77).value();
    CHECK(g.statements[s].moderated_out);
    CHECK(g.pca.components[0][s] == 0.0);
    for (const auto& c : g.consensus.agree) CHECK(c.statement != 77);
    for (const auto& group : g.groups)
        for (const auto& r : group.representative) CHECK(r.statement != 77);
}

#ifdef STADSMIJN_SOURCE_DIR
TEST_CASE("a real Pol.is conversation is grouped much as Pol.is grouped it") {
    // brexit-consensus, copied with its licence into tests/fixtures/polis. Pol.is's own groups are
    // the reference. Pol.is held k = 2 by its smoother (a new k must win 4 updates in a row), so
    // the run carries that state; the default pipeline is Pol.is's own procedure, which rerun in
    // shuffled orders agrees with the export at 0.80 on average (notes/opinion-groups.md), so 0.8
    // holds in participant order and still fails if a step of the pipeline goes wrong.
    const std::string dir = std::string(STADSMIJN_SOURCE_DIR) + "/tests/fixtures/polis/brexit-consensus/";
    auto read = [&](const char* name) {
        std::ifstream in(dir + name, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        return text.str();
    };
    const auto table = parse_participants_votes_csv(read("participants-votes.csv"));
    const auto comments = parse_comments_csv(read("comments.csv"));
    REQUIRE(table.ok());
    REQUIRE(comments.ok());
    const auto m = VoteMatrix::from_records(table.value().votes).value();
    OpinionGroupsState held;
    held.last_k = held.smoothed_k = 2;
    held.last_k_count = 100;
    const auto g = compute_opinion_groups(m, moderated_out_statements(comments.value()), quick(), held);
    REQUIRE(g.ok());
    std::vector<std::pair<ParticipantId, int>> polis;
    for (const auto& p : table.value().participants)
        if (p.group) polis.emplace_back(p.participant, *p.group);
    const auto c = compare_groupings(group_assignments(g.value()), polis);
    CHECK(g.value().groups.size() == 2);  // summary.csv: groups 2
    CHECK(c.common > 180);
    CHECK(c.adjusted_rand_index > 0.8);
}
#endif
