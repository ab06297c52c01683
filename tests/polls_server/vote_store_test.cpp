// The store below the API: numbering, replacement and what a failed group commit leaves behind.
#include <doctest/doctest.h>

#include <atomic>
#include <map>
#include <set>
#include <thread>

#include "tests/polls_server/poll_test_server.h"

using namespace stadsmijn;
using namespace stadsmijn::testing;
using stadsmijn::polls::ParticipantId;
using stadsmijn::polls::StatementId;

namespace {
server::VoteToStore vote(const std::string& poll, const std::string& participant, long statement,
                         const std::string& key) {
    return {.poll = poll,
            .participant = participant,
            .statement = statement,
            .vote = polls::Vote::agree,
            .key = key,
            .municipality = "haarlem",
            .time_ms = 1};
}
}  // namespace

TEST_CASE("a batch that fails on one vote still stores the others, and participant numbers stay unique") {
    const auto scratch = scratch_dir("store");
    auto store = server::VoteStore::open(fresh_database(scratch));
    REQUIRE_MESSAGE(store.ok(), store.error());
    REQUIRE(store.value()
                ->ensure_poll({.id = "real-poll", .origin = "content"}, std::vector<StatementId>{1, 2, 3}, 0)
                .ok());

    // Votes for a poll the store does not have fail inside the same group commits as good votes.
    constexpr int kThreads = 16, kRounds = 20;
    std::vector<std::thread> threads;
    std::atomic<int> stored{0}, failed{0};
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&, t] {
            for (int r = 0; r < kRounds; ++r) {
                const bool bad = t % 4 == 0;
                auto outcome = store.value()->record_vote(vote(bad ? "missing-poll" : "real-poll",
                                                               token("p" + std::to_string(t), r / 3), 1 + r % 3,
                                                               token("k" + std::to_string(t), r)));
                (outcome.ok() ? stored : failed) += 1;
            }
        });
    for (auto& thread : threads) thread.join();
    CHECK(failed == kThreads / 4 * kRounds);
    CHECK(stored == (kThreads - kThreads / 4) * kRounds);

    auto participants = store.value()->participants("real-poll");
    REQUIRE(participants.ok());
    std::set<ParticipantId> ids;
    for (const auto& p : participants.value()) ids.insert(p.id);
    CHECK(ids.size() == participants.value().size());
    CHECK(participants.value().size() == (kThreads - kThreads / 4) * ((kRounds + 2) / 3));
    // Every participant's three votes landed on one participant number.
    auto history = store.value()->vote_history("real-poll");
    REQUIRE(history.ok());
    CHECK(history.value().size() == (kThreads - kThreads / 4) * kRounds);
    std::map<ParticipantId, int> votes_per_participant;
    for (const auto& v : history.value()) votes_per_participant[v.participant] += 1;
    for (const auto& [id, count] : votes_per_participant) CHECK(count <= 3);
    CHECK(votes_per_participant.size() == participants.value().size());
    std::filesystem::remove_all(scratch);
}

TEST_CASE("participants and statements are numbered per poll, from 0 and from 10000") {
    const auto scratch = scratch_dir("numbers");
    auto store = server::VoteStore::open(fresh_database(scratch));
    REQUIRE(store.ok());
    for (const char* poll : {"poll-a", "poll-b"})
        REQUIRE(store.value()->ensure_poll({.id = poll, .origin = "content"}, std::vector<StatementId>{1}, 0).ok());
    REQUIRE(store.value()->record_vote(vote("poll-a", token("x", 1), 1, token("k", 1))).ok());
    REQUIRE(store.value()->record_vote(vote("poll-a", token("x", 2), 1, token("k", 2))).ok());
    REQUIRE(store.value()->record_vote(vote("poll-b", token("x", 2), 1, token("k", 2))).ok());  // same key, other poll
    CHECK(store.value()->participants("poll-a").value().back().id == 1);
    CHECK(store.value()->participants("poll-b").value().front().id == 0);
    auto added = store.value()->add_statement({.poll = "poll-b",
                                               .participant = token("x", 2),
                                               .text = "Een nieuwe stelling hier.",
                                               .language = "nl",
                                               .key = token("s", 1),
                                               .municipality = "",
                                               .time_ms = 2});
    REQUIRE(added.ok());
    CHECK(added.value().id == 10000);
    CHECK(store.value()->participants("poll-b").value().size() == 1);  // the author was known already
    std::filesystem::remove_all(scratch);
}
