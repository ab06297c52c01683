// The poll client (core/polls/poll_client.h) against a pretend platform and server: the platform
// keeps storage and carries requests, the server stores each idempotency key once and can be
// cut off from the network.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "core/content/content.h"
#include "core/polls/poll_client.h"
#include "core/polls/poll_definition.h"
#include "core/polls/poll_wire.h"
#include "core/polls/vote_request.h"

using namespace stadsmijn;
using namespace stadsmijn::polls;

namespace {

const std::string kPoll = "grondstoffen-repareren-inleveren";
const std::vector<StatementId> kOrder = {1, 2, 3, 4};

struct FakeServer {
    std::map<std::string, VoteRequest> by_key;  // at most once: a key is stored once
    std::map<StatementId, Vote> latest;
    int requests = 0;
    int status(const HttpRequest& request) {
        ++requests;
        auto vote = parse_vote_request(kPoll, request.body);
        if (!vote) return 400;
        if (!by_key.count(vote.value().key)) {
            by_key[vote.value().key] = vote.value();
            latest[vote.value().statement] = vote.value().vote;
        }
        return 200;
    }
};

// What the browser does with the client's effects: storage first, then the requests, whose
// answers arrive in AppState::responses (status 0 while offline).
struct FakeHost {
    AppState state;
    FakeServer server;
    PollClient client{kPoll};
    std::vector<HttpRequest> in_flight;
    bool online = true;
    std::int64_t now = 1'000'000;
    std::uint32_t next_random = 7;
    unsigned announced = 0;

    CastContext context() {
        return {"haarlem", [this] { return next_random++ * 2654435761u; }};
    }
    void apply(ClientEffects& effects) {
        for (auto& [key, value] : effects.store) state.stored[key] = value;
        for (auto& tag : effects.forget_responses) state.responses.erase(tag);
        for (auto& request : effects.requests) {
            state.pending_requests.insert(request.tag);
            in_flight.push_back(request);
        }
        announced += effects.votes_counted;
        effects = {};
    }
    void frame() {
        ClientEffects effects;
        client.update(state, now, effects);
        apply(effects);
    }
    CastOutcome tap(StatementId statement, Vote vote) {
        ClientEffects effects;
        auto outcome = client.cast(statement, vote, context(), state, now, effects);
        apply(effects);
        return outcome;
    }
    // The network answers every request in flight.
    void answer_all() {
        for (const auto& request : in_flight) {
            state.pending_requests.erase(request.tag);
            state.responses[request.tag] = {online ? server.status(request) : 0, online ? "{}" : ""};
        }
        in_flight.clear();
        frame();
    }
    // The screen draws what the client says is current, as debate.cpp does.
    void show() {
        if (auto current = client.current(kOrder)) client.showing(*current);
    }
};

}  // namespace

TEST_CASE("a double tap on agree casts one vote on the statement shown") {
    FakeHost host;
    host.frame();
    host.show();
    CHECK(host.client.current(kOrder) == 1);
    CHECK(host.tap(1, Vote::agree) == CastOutcome::queued);
    host.show();  // the next frame shows statement 2 under the same finger
    CHECK(host.client.current(kOrder) == 2);
    host.now += 90;
    CHECK(host.tap(2, Vote::agree) == CastOutcome::ignored);
    host.now += 160;  // 250 ms after the first tap
    CHECK(host.tap(2, Vote::agree) == CastOutcome::ignored);
    CHECK(host.client.outbox().pending().size() == 1);
    CHECK(host.client.outbox().pending()[0].vote.statement == 1);
    CHECK_FALSE(host.client.own_vote(2).has_value());

    // A statement that is not on screen never takes a vote, however late.
    host.now += 5000;
    CHECK(host.tap(3, Vote::agree) == CastOutcome::ignored);
    // Statement 2, once it could be read, does.
    CHECK(host.tap(2, Vote::disagree) == CastOutcome::queued);
    CHECK(host.client.own_vote(2) == Vote::disagree);
}

TEST_CASE("a vote cast offline is sent exactly once when the network returns") {
    FakeHost host;
    host.online = false;
    host.frame();
    for (StatementId statement : {1, 2, 3}) {
        host.show();
        host.now += 2000;
        REQUIRE(host.tap(statement, Vote::agree) == CastOutcome::queued);
        host.answer_all();  // no network: status 0, a pause before the next try
    }
    CHECK(host.client.waiting() == 3);
    CHECK(host.server.by_key.empty());
    // Their pauses differ (1 s, 2 s, 4 s after each failure); none is due right now.
    host.frame();
    CHECK(host.in_flight.empty());
    REQUIRE(host.client.next_due_ms().has_value());
    CHECK(*host.client.next_due_ms() > host.now);

    // The browser says `online`: all three go at once, without waiting for their pauses.
    host.online = true;
    host.state.network_returns += 1;
    host.now += 10;
    host.frame();
    CHECK(host.in_flight.size() == 3);
    host.answer_all();
    CHECK(host.server.by_key.size() == 3);
    CHECK(host.client.counted().size() == 3);
    CHECK(host.client.waiting() == 0);
    CHECK(host.announced == 3);

    // Nothing is sent again, however long the app keeps running.
    int requests = host.server.requests;
    for (int i = 0; i < 10; ++i) {
        host.now += 60'000;
        host.frame();
        host.answer_all();
    }
    CHECK(host.server.requests == requests);
    CHECK_FALSE(host.client.next_due_ms().has_value());
}

TEST_CASE("a retry is due one second after the first failure, so the app can set a timer for it") {
    FakeHost host;
    host.online = false;
    host.frame();
    host.show();
    host.tap(1, Vote::pass);
    host.answer_all();
    REQUIRE(host.client.next_due_ms().has_value());
    CHECK(*host.client.next_due_ms() == host.now + 1000);
    host.online = true;
    host.now += 1000;
    host.frame();  // the timer fired: the vote goes without any input
    CHECK(host.in_flight.size() == 1);
    host.answer_all();
    CHECK(host.server.latest.at(1) == Vote::pass);
}

TEST_CASE("the last vote can be changed") {
    FakeHost host;
    host.frame();
    host.show();
    host.tap(1, Vote::agree);
    host.answer_all();
    CHECK(host.client.counted().at(1) == Vote::agree);
    host.show();
    CHECK(host.client.current(kOrder) == 2);
    REQUIRE(host.client.can_go_back(kOrder));

    host.now += 1000;
    host.client.go_back(kOrder, host.now);
    host.show();
    CHECK(host.client.current(kOrder) == 1);
    CHECK(host.client.own_vote(1) == Vote::agree);
    CHECK_FALSE(host.client.can_go_back(kOrder));  // the first statement has none before it
    host.now += 1000;
    CHECK(host.tap(1, Vote::disagree) == CastOutcome::queued);
    host.answer_all();
    CHECK(host.server.latest.at(1) == Vote::disagree);
    CHECK(host.client.counted().at(1) == Vote::disagree);
    CHECK(host.server.by_key.size() == 2);  // a changed vote is a new vote with its own key
    host.show();
    CHECK(host.client.current(kOrder) == 2);  // and on to where the participant was
}

TEST_CASE("going back and forward again returns to the first statement without a vote") {
    FakeHost host;
    host.frame();
    for (StatementId statement : {1, 2}) {
        host.show();
        host.now += 1000;
        host.tap(statement, Vote::agree);
    }
    host.client.go_back(kOrder, host.now);
    host.client.go_back(kOrder, host.now);
    CHECK(host.client.current(kOrder) == 1);
    host.client.go_forward(host.now);
    CHECK(host.client.current(kOrder) == 3);
    CHECK_FALSE(host.client.reviewing());
}

TEST_CASE("votes and the pseudonym are restored from storage when the app starts again") {
    std::map<std::string, std::string> storage;
    std::string participant;
    {
        FakeHost host;
        host.frame();
        host.show();
        host.tap(1, Vote::agree);
        participant = host.state.stored.at("poll." + kPoll + ".participant");
        storage = host.state.stored;  // the tab closes before any answer
    }
    FakeHost again;
    again.state.stored = storage;
    again.frame();
    REQUIRE(again.in_flight.size() == 1);  // sent again at once, with its key
    CHECK(parse_vote_request(kPoll, again.in_flight[0].body).value().participant == participant);
    again.answer_all();
    CHECK(again.client.counted().at(1) == Vote::agree);
    again.show();
    CHECK(again.client.current(kOrder) == 2);
}

TEST_CASE("two poll clients made in one process do not share a pseudonym") {
    FakeHost one, two;
    one.next_random = 1;
    two.next_random = 1000;
    one.frame();
    two.frame();
    ClientEffects effects;
    auto first = one.client.participant(one.state, one.context().random32, effects);
    auto second = two.client.participant(two.state, two.context().random32, effects);
    REQUIRE(first);
    REQUIRE(second);
    CHECK(*first != *second);
}

TEST_CASE("the poll the server writes is the poll the app reads") {
    PollDefinition definition;
    definition.id = kPoll;
    definition.title = {"Grondstoffen", "Raw materials"};
    definition.question = {"Wat doen we?", "What do we do?"};
    definition.open = true;
    PollStatement seed;
    seed.id = 4;
    seed.text = {"Repareren moet goedkoper", "Repair must be cheaper"};
    seed.context = {"Context", ""};
    seed.devices = {"smartphone"};
    seed.sources = {"not-a-source"};
    definition.statements.push_back(seed);
    Content content;
    WirePoll written = wire_poll_from_content(definition, content);
    WireStatement participant;
    participant.id = 10000;
    participant.origin = "participant";
    participant.text = {"", "Every street a repair cafe"};
    participant.language = "en";
    written.statements.push_back(participant);

    auto read = read_wire_poll(to_json(written).dump());
    REQUIRE(read.ok());
    const WirePoll& poll = read.value();
    CHECK(poll.id == kPoll);
    CHECK(poll.open);
    CHECK(poll.title.in("en") == "Raw materials");
    CHECK(poll.question.in("nl") == "Wat doen we?");
    REQUIRE(poll.statements.size() == 2);
    CHECK(poll.statements[0].text.in("nl") == "Repareren moet goedkoper");
    CHECK(poll.statements[0].context.in("en") == "Context");
    CHECK(poll.statements[0].devices == std::vector<std::string>{"smartphone"});
    REQUIRE(poll.statements[0].sources.size() == 1);
    CHECK(poll.statements[0].sources[0].id == "not-a-source");
    // A participant's English statement: Dutch readers see it as written.
    CHECK(poll.statements[1].text.in("nl") == "Every street a repair cafe");
    CHECK(poll.statements[1].language == "en");
    CHECK(poll.find(10000) == &poll.statements[1]);
}

TEST_CASE("broken answers from the server are refused or read in part, never thrown") {
    CHECK_FALSE(read_wire_poll("not json").ok());
    CHECK_FALSE(read_wire_results("[1,2]").ok());
    CHECK_FALSE(read_poll_list("").ok());
    auto poll =
        read_wire_poll(R"({"id":"x","statements":[{"id":"one","text":{"nl":"a"}},{"id":2,"text":{"nl":"b"}}]})");
    REQUIRE(poll.ok());
    REQUIRE(poll.value().statements.size() == 1);  // the statement without a numeric id is left out
    CHECK(poll.value().statements[0].id == 2);
    auto results = read_wire_results(R"({"status":"grouped","groups":[{"id":0,"label":"A","size":2,"center":"left"}],
      "map":[[0.5,0.5,0],"x",[1,2]],"projection":{"statements":[1],"center":[0.0,0.0]}})");
    REQUIRE(results.ok());
    CHECK_FALSE(results.value().groups[0].center.has_value());
    CHECK(results.value().map.size() == 1);
    CHECK(results.value().projection_statements.empty());  // one statement, two centres: not used
    CHECK(wire_error(R"({"error":"the poll is closed"})") == "the poll is closed");
    CHECK(wire_error("<html>") == "");
}
