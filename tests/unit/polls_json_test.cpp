// Opinion groups as JSON: results for screens, state kept between updates, the export manifest.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/polls/opinion_groups_json.h"
#include "core/polls/random.h"

using namespace stadsmijn;
using namespace stadsmijn::polls;

namespace {

VoteMatrix camps() {
    SplitMix64 random(5);
    std::vector<VoteRecord> records;
    for (ParticipantId p = 0; p < 40; ++p)
        for (StatementId s = 0; s < 10; ++s) {
            const bool agree = (s < 5) == (p < 20);
            records.push_back({p, s, (random.uniform() < 0.9) == agree ? Vote::agree : Vote::disagree, 0});
        }
    return VoteMatrix::from_records(records).value();
}

OpinionGroupsDesc quick() {
    OpinionGroupsDesc d;
    d.stability_runs = 2;
    return d;
}

}  // namespace

TEST_CASE("a stored state reads back bit for bit and the next update gives the same groups") {
    const VoteMatrix m = camps();
    const auto first = compute_opinion_groups(m, {}, quick()).value();
    const std::string stored = to_json(first.state).dump();
    const auto restored = state_from_json(stored);
    REQUIRE(restored.ok());
    CHECK(restored.value().in_conversation == first.state.in_conversation);
    CHECK(restored.value().groups == first.state.groups);
    CHECK(restored.value().components[0] == first.state.components[0]);  // exact doubles
    CHECK(restored.value().smoothed_k == first.state.smoothed_k);
    const auto a = compute_opinion_groups(m, {}, quick(), first.state).value();
    const auto b = compute_opinion_groups(m, {}, quick(), restored.value()).value();
    for (std::size_t i = 0; i < a.participants.size(); ++i) {
        CHECK(a.participants[i].group == b.participants[i].group);
        CHECK(a.participants[i].place.x == b.participants[i].place.x);
    }
}

TEST_CASE("a damaged state is refused with the JSON path of the problem") {
    const auto bad = state_from_json(
        R"({"version": 1, "in_conversation": [1, "x"], "k_smoother": {"last_k": 2, "last_k_count": 1, "smoothed_k": 2},)"
        R"( "groups": [], "components": {"statements": [1], "first": [0.5], "second": []}})");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().find("in_conversation[1]") != std::string::npos);
    CHECK(bad.error().find("expected a whole number") != std::string::npos);
    const auto broken = state_from_json("{\"version\": 1,");
    REQUIRE_FALSE(broken.ok());
    const auto short_components = state_from_json(
        R"({"version": 1, "in_conversation": [], "k_smoother": {"last_k": 0, "last_k_count": 0, "smoothed_k": 0},)"
        R"( "groups": [[4, 0]], "components": {"statements": [1, 2], "first": [0.5], "second": []}})");
    REQUIRE_FALSE(short_components.ok());
    CHECK(short_components.error().find("components.first") != std::string::npos);
}

TEST_CASE("results JSON labels groups A and B and keeps participant ids out unless asked") {
    const auto g = compute_opinion_groups(camps(), {}, quick()).value();
    const Json plain = to_json(g, {});
    CHECK(plain["status"] == "grouped");
    REQUIRE(plain["groups"].size() == 2);
    CHECK(plain["groups"][0]["label"] == "A");
    CHECK(plain["groups"][1]["label"] == "B");
    CHECK(plain["groups"][0]["size"].get<int>() + plain["groups"][1]["size"].get<int>() == 40);
    CHECK(plain["map"][0].size() == 3);
    CHECK(plain["stability"]["runs"] == 2);
    const Json with_ids = to_json(g, {.participant_ids = true});
    CHECK(with_ids["map"][0].size() == 4);
    CHECK(plain["statements"][0]["votes"]["seen"] == 40);
}

TEST_CASE("the manifest states the vote sign and every default it used") {
    const Json manifest = opinion_groups_manifest({});
    CHECK(manifest["vote_sign"].get<std::string>().find("agree = +1") == 0);
    CHECK(manifest["min_votes"] == 7);
    CHECK(manifest["base_clusters"] == 100);
    CHECK(manifest["max_groups"] == 5);
    CHECK(manifest["k_buffer"] == 4);
    CHECK(manifest["group_iterations"] == 20);
    OpinionGroupsDesc d;
    d.seed = 99;
    d.stability_runs = -1;
    CHECK(opinion_groups_manifest(d)["seed"] == 99);
    CHECK(opinion_groups_manifest(d)["stability_runs"] == -1);
}
