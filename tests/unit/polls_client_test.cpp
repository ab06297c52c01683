// The poll code the app runs before anything reaches the server: request checks, pseudonyms and
// the offline outbox that delivers every vote exactly once.
#include <doctest/doctest.h>

#include <array>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/polls/outbox.h"
#include "core/polls/pseudonym.h"
#include "core/polls/random.h"
#include "core/polls/text_checks.h"
#include "core/polls/vote_request.h"

using namespace stadsmijn::polls;

namespace {

const std::string kPoll = "grondstoffen-repareren-inleveren";
const std::string kParticipant = "abcdefghijklmnopqrstuvwxyz";

std::array<std::uint8_t, 16> bytes_from(std::uint64_t seed) {
    SplitMix64 random(seed);
    std::array<std::uint8_t, 16> bytes{};
    for (auto& b : bytes) b = static_cast<std::uint8_t>(random.next());
    return bytes;
}

std::string key_from(std::uint64_t seed) {
    return make_idempotency_key(bytes_from(seed)).value();
}

VoteRequest vote(StatementId statement, Vote value, std::uint64_t key_seed) {
    return {.poll = kPoll,
            .participant = kParticipant,
            .statement = statement,
            .vote = value,
            .key = key_from(key_seed),
            .municipality = "haarlem"};
}

// A stand-in for the server's half of exactly-once: a key is stored once, a later key on the
// same statement replaces the vote.
struct FakeServer {
    std::map<std::string, VoteRequest> by_key;
    std::map<StatementId, Vote> latest;
    int stored = 0;
    void receive(const VoteRequest& v) {
        if (by_key.count(v.key)) return;
        by_key[v.key] = v;
        latest[v.statement] = v.vote;
        ++stored;
    }
};

}  // namespace

TEST_CASE("a well-formed vote request is read with every field") {
    auto parsed = parse_vote_request(
        kPoll,
        R"({"participant":"abcdefghijklmnop","statement":4,"vote":"disagree","key":"key-0123456789abcdef","municipality":"haarlem"})");
    REQUIRE(parsed.ok());
    CHECK(parsed.value().poll == kPoll);
    CHECK(parsed.value().participant == "abcdefghijklmnop");
    CHECK(parsed.value().statement == 4);
    CHECK(parsed.value().vote == Vote::disagree);
    CHECK(parsed.value().key == "key-0123456789abcdef");
    CHECK(parsed.value().municipality == "haarlem");
}

TEST_CASE("a vote request without a municipality is accepted with none") {
    auto parsed = parse_vote_request(
        kPoll, R"({"participant":"abcdefghijklmnop","statement":1,"vote":"pass","key":"0123456789abcdef"})");
    REQUIRE(parsed.ok());
    CHECK(parsed.value().municipality.empty());
}

TEST_CASE("a malformed vote request is refused with the field and what it must be") {
    const std::string ok_participant = R"("participant":"abcdefghijklmnop")";
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"", "not valid JSON"},
        {"{", "not valid JSON"},
        {"[1,2]", "must be a JSON object, not a list"},
        {"\"agree\"", "must be a JSON object, not a string"},
        {R"({"statement":1,"vote":"agree","key":"0123456789abcdef"})", "participant: is missing"},
        {R"({"participant":42,"statement":1,"vote":"agree","key":"0123456789abcdef"})",
         "participant: must be a string, not a number"},
        {R"({"participant":"short","statement":1,"vote":"agree","key":"0123456789abcdef"})",
         "participant: must be 16 to 64"},
        {R"({"participant":"abcdefghijklmnop'; DROP TABLE votes;--","statement":1,"vote":"agree","key":"0123456789abcdef"})",
         "participant: must be 16 to 64"},
        {"{" + ok_participant + R"(,"statement":"1","vote":"agree","key":"0123456789abcdef"})",
         "statement: must be a whole number"},
        {"{" + ok_participant + R"(,"statement":1.5,"vote":"agree","key":"0123456789abcdef"})",
         "statement: must be a whole number (a statement id), not a fraction"},
        {"{" + ok_participant + R"(,"statement":-3,"vote":"agree","key":"0123456789abcdef"})",
         "statement: -3 is not a statement id"},
        {"{" + ok_participant + R"(,"statement":99999999999999999999,"vote":"agree","key":"0123456789abcdef"})",
         "statement: must be a whole number"},
        {"{" + ok_participant + R"(,"statement":1,"vote":"yes","key":"0123456789abcdef"})",
         "vote: must be \"agree\", \"disagree\" or \"pass\", not \"yes\""},
        {"{" + ok_participant + R"(,"statement":1,"vote":1,"key":"0123456789abcdef"})",
         "vote: must be a string, not a number"},
        {"{" + ok_participant + R"(,"statement":1,"vote":"agree"})", "key: is missing"},
        {"{" + ok_participant + R"(,"statement":1,"vote":"agree","key":"has spaces in it ok?"})",
         "key: must be 16 to 64"},
        {"{" + ok_participant +
             R"(,"statement":1,"vote":"agree","key":"0123456789abcdef","municipality":"Haarlem<script>"})",
         "municipality: must be a municipality id"},
        {"{" + ok_participant + R"(,"statement":1,"vote":"agree","key":"0123456789abcdef","ip":"1.2.3.4"})",
         "\"ip\" is not a field of this request"},
        {"{\"participant\":\"abcdefghijklmnop\xff\",\"statement\":1}", "not valid UTF-8"},
        {"{" + ok_participant + ",\"pad\":\"" + std::string(5000, 'x') + "\"}", "at most 4096 are accepted"},
    };
    for (const auto& [body, expected] : cases) {
        CAPTURE(body.substr(0, 120));
        auto parsed = parse_vote_request(kPoll, body);
        REQUIRE_FALSE(parsed.ok());
        CHECK(parsed.error().find(expected) != std::string::npos);
        CHECK(is_valid_utf8(parsed.error()));
    }
    CHECK_FALSE(parse_vote_request("../etc/passwd", R"({})").ok());
}

TEST_CASE("a vote on a statement the poll does not have, or from an unknown municipality, is named as such") {
    KnownTargets known{.statement = [](StatementId id) { return id >= 1 && id <= 17; },
                       .municipality = [](std::string_view id) { return id == "haarlem"; }};
    CHECK_FALSE(check_vote_targets(vote(3, Vote::agree, 1), known).has_value());
    auto unknown_statement = check_vote_targets(vote(18, Vote::agree, 1), known);
    REQUIRE(unknown_statement);
    CHECK(unknown_statement->find("statement: 18 is not a statement") == 0);
    VoteRequest elsewhere = vote(3, Vote::agree, 1);
    elsewhere.municipality = "utrecht";
    auto unknown_municipality = check_vote_targets(elsewhere, known);
    REQUIRE(unknown_municipality);
    CHECK(unknown_municipality->find("\"utrecht\" is not a municipality") != std::string::npos);
}

TEST_CASE(
    "a statement text is trimmed to single spaces and refused when too short, too long or hiding control characters") {
    auto parse = [](const std::string& text) {
        nlohmann::json body = {{"participant", kParticipant}, {"text", text}, {"key", key_from(9)}};
        return parse_statement_request(kPoll, body.dump());
    };
    auto tidy = parse("  Repair  cafés\n\tdeserve   a permanent home  ");
    REQUIRE(tidy.ok());
    CHECK(tidy.value().text == "Repair cafés deserve a permanent home");
    CHECK(tidy.value().language == "nl");
    CHECK(parse("too short").error().find("too short") != std::string::npos);
    CHECK(parse(std::string(241, 'a')).error().find("too long (241 characters)") != std::string::npos);
    CHECK(parse(std::string(240, 'a')).ok());
    // 240 characters of two bytes each are still 240 characters.
    std::string accented;
    for (int i = 0; i < 240; ++i) accented += "é";
    CHECK(parse(accented).ok());
    CHECK(parse("A right-to-left \u202Eoverride trick").error().find("U+202E") != std::string::npos);
    CHECK(parse(std::string("A null byte \0 inside it", 23)).error().find("U+0000") != std::string::npos);
    nlohmann::json wrong_language = {
        {"participant", kParticipant}, {"text", "Een prima stelling hier"}, {"key", key_from(9)}, {"language", "de"}};
    CHECK(parse_statement_request(kPoll, wrong_language.dump()).error().find("language: must be \"nl\" or \"en\"") ==
          0);
}

TEST_CASE("UTF-8 is checked strictly: overlong forms, surrogates and cut-off sequences are refused") {
    CHECK(is_valid_utf8("plain ascii"));
    CHECK(is_valid_utf8("stadsmijn € é 😀"));
    CHECK_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // a UTF-16 surrogate
    CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
    CHECK_FALSE(is_valid_utf8("\xE2\x82"));          // cut off
    CHECK_FALSE(is_valid_utf8("\x80"));              // a lone continuation byte
    CHECK(count_code_points("é€😀") == 3);
}

TEST_CASE("a pseudonym is 26 base32 characters from 16 random bytes, and a broken random source makes none") {
    auto a = make_pseudonym(bytes_from(1));
    auto b = make_pseudonym(bytes_from(2));
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(a.value().size() == 26);
    CHECK(a.value() != b.value());
    CHECK(is_valid_pseudonym(a.value()));
    CHECK(make_pseudonym(bytes_from(1)).value() == a.value());
    std::array<std::uint8_t, 16> zeros{};
    CHECK_FALSE(make_pseudonym(zeros).ok());
    std::array<std::uint8_t, 8> short_bytes{1, 2, 3, 4, 5, 6, 7, 8};
    CHECK(make_pseudonym(short_bytes).error().find("needs 16 random bytes, got 8") != std::string::npos);
}

TEST_CASE("each poll gets its own pseudonym, kept across restarts, and forgetting one starts afresh") {
    PseudonymBook book;
    auto first = book.for_poll(kPoll, bytes_from(1));
    auto again = book.for_poll(kPoll, bytes_from(2));
    auto other = book.for_poll("another-poll", bytes_from(3));
    REQUIRE(first.ok());
    CHECK(again.value() == first.value());
    CHECK(other.value() != first.value());
    auto restored = PseudonymBook::restore(book.to_json());
    CHECK(restored.problems.empty());
    REQUIRE(restored.book.find(kPoll));
    CHECK(*restored.book.find(kPoll) == first.value());
    restored.book.forget(kPoll);
    CHECK(restored.book.for_poll(kPoll, bytes_from(4)).value() != first.value());
    CHECK_FALSE(book.for_poll("Not A Poll", bytes_from(5)).ok());
}

TEST_CASE("unreadable stored pseudonyms are set aside, not trusted and not a crash") {
    for (const std::string stored : {"{broken", "[]", R"({"format":"other","version":1})",
                                     R"({"format":"stadsmijn-pseudonyms","version":2,"polls":{}})"}) {
        CAPTURE(stored);
        auto restored = PseudonymBook::restore(stored);
        CHECK(restored.book.size() == 0);
        CHECK(restored.keep_stored_text);
        CHECK_FALSE(restored.problems.empty());
    }
    auto partial = PseudonymBook::restore(
        R"({"format":"stadsmijn-pseudonyms","version":1,"polls":{"good-poll":"abcdefghijklmnopqrstuvwxyz","bad-poll":"x"}})");
    CHECK(partial.book.size() == 1);
    CHECK(partial.problems.size() == 1);
}

TEST_CASE("a vote cast offline is sent exactly once when the network returns") {
    Outbox outbox;
    FakeServer server;
    REQUIRE(outbox.add(vote(1, Vote::agree, 1), 0).ok());
    REQUIRE(outbox.add(vote(2, Vote::disagree, 2), 0).ok());

    // Offline: every attempt fails without an answer; the votes stay and wait longer each time.
    std::int64_t now = 0;
    for (int attempt = 0; attempt < 4; ++attempt) {
        for (const auto& due : outbox.take_due(now, 10)) outbox.settle(due.vote.key, 0, now);
        CHECK(outbox.pending().size() == 2);
        REQUIRE(outbox.next_due_ms());
        now = *outbox.next_due_ms();
    }
    CHECK(outbox.pending()[0].attempts == 4);
    CHECK(now == 1000 + 2000 + 4000 + 8000);

    // The network is back, but the first answer is lost on the way: the server stored the vote,
    // the app did not hear it and sends it again with the same key.
    outbox.wake(now);
    auto due = outbox.take_due(now, 10);
    REQUIRE(due.size() == 2);
    server.receive(due[0].vote);
    outbox.settle(due[0].vote.key, 0, now);
    server.receive(due[1].vote);
    outbox.settle(due[1].vote.key, 200, now);
    now += 60'000;
    for (const auto& again : outbox.take_due(now, 10)) {
        server.receive(again.vote);
        CHECK(outbox.settle(again.vote.key, 200, now) == DeliveryOutcome::delivered);
    }
    CHECK(outbox.empty());
    CHECK(server.stored == 2);
    CHECK(server.latest[1] == Vote::agree);
    CHECK(server.latest[2] == Vote::disagree);
}

TEST_CASE("a changed vote that was never sent replaces the queued one; one already sent goes after it") {
    Outbox outbox;
    REQUIRE(outbox.add(vote(5, Vote::agree, 1), 0).ok());
    REQUIRE(outbox.add(vote(5, Vote::disagree, 2), 1).ok());
    REQUIRE(outbox.pending().size() == 1);
    CHECK(outbox.pending()[0].vote.vote == Vote::disagree);

    auto sent = outbox.take_due(2, 10);
    REQUIRE(sent.size() == 1);
    REQUIRE(outbox.add(vote(5, Vote::pass, 3), 3).ok());
    CHECK(outbox.pending().size() == 2);
    CHECK(outbox.latest_vote(kPoll, 5) == Vote::pass);
    // The newer vote waits while the older one is in flight, so the server sees them in order.
    CHECK(outbox.take_due(4, 10).empty());
    outbox.settle(sent[0].vote.key, 200, 5);
    auto next = outbox.take_due(5, 10);
    REQUIRE(next.size() == 1);
    CHECK(next[0].vote.vote == Vote::pass);
}

TEST_CASE("a vote the server refuses leaves the outbox with the reason, and 429 waits for Retry-After") {
    Outbox outbox;
    REQUIRE(outbox.add(vote(1, Vote::agree, 1), 0).ok());
    REQUIRE(outbox.add(vote(2, Vote::agree, 2), 0).ok());
    auto due = outbox.take_due(0, 10);
    CHECK(outbox.settle(due[0].vote.key, 404, 0, std::nullopt, "statement: 1 is not a statement") ==
          DeliveryOutcome::rejected);
    CHECK(outbox.settle(due[1].vote.key, 429, 0, 30'000) == DeliveryOutcome::retry_later);
    REQUIRE(outbox.rejected().size() == 1);
    CHECK(outbox.rejected()[0].reason == "statement: 1 is not a statement");
    CHECK(outbox.rejected()[0].status == 404);
    CHECK(outbox.next_due_ms() == 30'000);
    CHECK_FALSE(outbox.settle("no-such-key-0000000", 200, 0).has_value());
    CHECK(classify_delivery(409) == DeliveryOutcome::rejected);
    CHECK(classify_delivery(503) == DeliveryOutcome::retry_later);
    CHECK(retry_delay_ms(30) == 5 * 60 * 1000);
}

TEST_CASE("the outbox refuses a malformed vote and a reused key before they reach storage") {
    Outbox outbox;
    VoteRequest bad = vote(1, Vote::agree, 1);
    bad.key = "short";
    CHECK(outbox.add(bad, 0).error().find("key:") == 0);
    REQUIRE(outbox.add(vote(1, Vote::agree, 1), 0).ok());
    VoteRequest reused = vote(2, Vote::agree, 1);
    CHECK(outbox.add(reused, 0).error().find("already in the outbox") != std::string::npos);
}

TEST_CASE("the stored outbox survives a restart: pending votes come back due, rejected notices stay") {
    Outbox outbox;
    REQUIRE(outbox.add(vote(1, Vote::agree, 1), 10).ok());
    REQUIRE(outbox.add(vote(2, Vote::pass, 2), 11).ok());
    REQUIRE(outbox.add(vote(3, Vote::disagree, 3), 12).ok());
    auto due = outbox.take_due(20, 1);
    outbox.settle(due[0].vote.key, 400, 21, std::nullopt, "refused");
    outbox.take_due(22, 1);  // in flight when the tab closes

    auto restored = Outbox::restore(outbox.to_json());
    CHECK(restored.problems.empty());
    CHECK(restored.recovered == 2);
    CHECK_FALSE(restored.keep_stored_text);
    REQUIRE(restored.outbox.pending().size() == 2);
    CHECK(restored.outbox.pending()[0].vote == outbox.pending()[0].vote);
    CHECK(restored.outbox.pending()[0].attempts == 1);
    CHECK_FALSE(restored.outbox.pending()[0].in_flight);
    CHECK(restored.outbox.rejected().size() == 1);
    CHECK(restored.outbox.take_due(23, 10).size() == 2);
}

TEST_CASE("a corrupt stored outbox is recovered entry by entry or set aside, never a crash") {
    Outbox outbox;
    REQUIRE(outbox.add(vote(1, Vote::agree, 1), 0).ok());
    REQUIRE(outbox.add(vote(2, Vote::agree, 2), 0).ok());
    const std::string good = outbox.to_json();

    SUBCASE("one damaged entry is dropped and named, the others are kept") {
        nlohmann::json document = nlohmann::json::parse(good);
        document["pending"][0]["vote"] = "maybe";
        auto restored = Outbox::restore(document.dump());
        CHECK(restored.recovered == 1);
        CHECK(restored.dropped == 1);
        CHECK(restored.keep_stored_text);
        REQUIRE(restored.problems.size() == 1);
        CHECK(restored.problems[0].find("stored vote 0 was dropped: vote: must be") == 0);
    }
    SUBCASE("a newer version is set aside whole") {
        nlohmann::json document = nlohmann::json::parse(good);
        document["version"] = 2;
        auto restored = Outbox::restore(document.dump());
        CHECK(restored.outbox.empty());
        CHECK(restored.keep_stored_text);
        CHECK(restored.problems[0].find("version 2") != std::string::npos);
    }
    SUBCASE("every truncation and every flipped byte is survived") {
        for (std::size_t cut = 0; cut < good.size(); ++cut) {
            auto restored = Outbox::restore(good.substr(0, cut));
            CHECK(restored.outbox.pending().size() <= 2);
        }
        SplitMix64 random(7);
        for (int round = 0; round < 2000; ++round) {
            std::string damaged = good;
            damaged[random.below(damaged.size())] = static_cast<char>(random.next());
            auto restored = Outbox::restore(damaged);
            for (const auto& pending : restored.outbox.pending())
                CHECK(parse_vote_request(pending.vote.poll, vote_request_body(pending.vote)).ok());
        }
    }
}
