// The debate screens, drawn headless against a pretend server: the test answers each request the
// screen makes (HeadlessApp::answer), with a status of 0 when "the network" is down.
#include <doctest/doctest.h>
#include <imgui.h>

#include <string>

#include "core/json_reader.h"
#include "core/polls/outbox.h"
#include "core/polls/vote_request.h"
#include "tests/ui/ui_harness.h"

using namespace stadsmijn;
using namespace stadsmijn::ui;
using stadsmijn::ui::testing::HeadlessApp;

namespace {

const std::string kPoll = "grondstoffen-repareren-inleveren";
const std::string kPollTag = "poll." + kPoll + ".definition";

// GET /api/polls/{poll} as the server writes it, made from the bundled poll definition.
std::string poll_body(const HeadlessApp& app) {
    const PollDefinition* definition = nullptr;
    for (const auto& poll : app.content.polls)
        if (poll.id == kPoll) definition = &poll;
    REQUIRE(definition != nullptr);
    Json statements = Json::array();
    for (const auto& statement : definition->statements)
        statements.push_back({{"id", statement.id},
                              {"origin", "content"},
                              {"text", {{"nl", statement.text.nl}, {"en", statement.text.en}}},
                              {"links", {{"sources", Json::array()}, {"devices", statement.devices}}}});
    return Json{{"id", kPoll},
                {"title", {{"nl", definition->title.nl}, {"en", definition->title.en}}},
                {"question", {{"nl", definition->question.nl}, {"en", definition->question.en}}},
                {"open", true},
                {"origin", "content"},
                {"statements", statements}}
        .dump();
}

std::size_t statement_count(const HeadlessApp& app) {
    for (const auto& poll : app.content.polls)
        if (poll.id == kPoll) return poll.statements.size();
    return 0;
}

bool shows_text(const HeadlessApp& app, const std::string& part) {
    for (const auto& node : app.semantics.nodes())
        if (node.name.find(part) != std::string::npos) return true;
    return false;
}

const HttpRequest* last_request_to(const HeadlessApp& app, const std::string& url_part) {
    for (auto it = app.sent_requests.rbegin(); it != app.sent_requests.rend(); ++it)
        if (it->url.find(url_part) != std::string::npos) return &*it;
    return nullptr;
}

std::size_t requests_to(const HeadlessApp& app, const std::string& url_part) {
    std::size_t n = 0;
    for (const auto& request : app.sent_requests)
        if (request.url.find(url_part) != std::string::npos) ++n;
    return n;
}

// Opens the poll in English for Haarlem (as an embedding campaign would) with the server's poll.
void open_poll(HeadlessApp& app, const std::string& extra = "&municipality=haarlem") {
    app.go("#/poll/" + kPoll + "?lang=en" + extra);
    app.frame();
    REQUIRE(last_request_to(app, "/api/polls/" + kPoll) != nullptr);
    app.answer(kPollTag, 200, poll_body(app));
    app.frame();
}

}  // namespace

TEST_CASE("the polls list comes from the server; offline it says so and offers to try again") {
    HeadlessApp app(360, 740);
    app.go("#/debate?lang=en");
    app.frame();
    REQUIRE(last_request_to(app, "/api/polls") != nullptr);
    CHECK(app.sent_requests.back().method == "GET");
    app.answer("debate.polls", 0, "");
    app.frame();
    CHECK(shows_text(app, "No connection"));
    UiActions retry = app.activate(Role::button, "Try again");
    REQUIRE(retry.requests.size() == 1);
    CHECK(retry.requests[0].url == "/api/polls");

    app.answer("debate.polls", 200,
               R"({"polls":[{"id":"grondstoffen-repareren-inleveren","title":{"nl":"Titel","en":"Raw materials"},)"
               R"("question":{"nl":"Vraag","en":"What should we do?"},"open":true,"origin":"content","statements":17}]})");
    app.frame();
    const SemanticNode* card = app.semantics.find(Role::link, "Raw materials (17 statements)");
    REQUIRE(card != nullptr);
    CHECK(card->value == "#/poll/grondstoffen-repareren-inleveren?lang=en");

    app.answer("debate.polls", 500, R"({"error":"broken"})");
    app.frame();
    CHECK(shows_text(app, "code 500"));
    CHECK(app.semantics.find(Role::button, "Try again") != nullptr);
}

TEST_CASE("a vote is sent with its own idempotency key and shown as counted only after the server's 200") {
    HeadlessApp app(360, 740);
    open_poll(app);
    CHECK(shows_text(app, "Statement 1 of " + std::to_string(statement_count(app))));
    CHECK(shows_text(app, "Your municipality: Haarlem"));

    app.activate(Role::button, "Agree");
    const HttpRequest* sent = last_request_to(app, "/votes");
    REQUIRE(sent != nullptr);
    CHECK(sent->method == "POST");
    CHECK(sent->url == "/api/polls/" + kPoll + "/votes");
    auto vote = polls::parse_vote_request(kPoll, sent->body);
    REQUIRE(vote.ok());
    CHECK(vote.value().statement == 1);
    CHECK(vote.value().vote == polls::Vote::agree);
    CHECK(vote.value().municipality == "haarlem");
    CHECK(polls::is_valid_idempotency_key(vote.value().key));
    // The pseudonym and the outbox are in storage before the vote counts as anything.
    CHECK(app.state.stored.at("poll." + kPoll + ".participant") == vote.value().participant);
    CHECK(app.state.stored.at("poll." + kPoll + ".outbox").find(vote.value().key) != std::string::npos);

    app.frame();
    CHECK(shows_text(app, "Statement 2 of"));
    CHECK(shows_text(app, "Sending your vote"));
    CHECK_FALSE(shows_text(app, "counted"));
    CHECK(app.announcements.empty());

    app.answer(sent->tag, 200, R"({"status":"stored"})");
    app.frame();
    app.frame();
    CHECK(shows_text(app, "Your vote has been counted."));
    REQUIRE(app.announcements.size() == 1);
    CHECK(app.announcements[0] == "Vote counted");
    auto outbox = polls::Outbox::restore(app.state.stored.at("poll." + kPoll + ".outbox"));
    CHECK(outbox.outbox.empty());

    // The next vote gets a new key, from the same participant (after a moment to read it: a tap
    // right after a vote is the same tap again).
    ImGui::GetIO().DeltaTime = 1.0f;
    app.frame();
    ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
    app.activate(Role::button, "Disagree");
    auto second = polls::parse_vote_request(kPoll, last_request_to(app, "/votes")->body);
    REQUIRE(second.ok());
    CHECK(second.value().statement == 2);
    CHECK(second.value().participant == vote.value().participant);
    CHECK(second.value().key != vote.value().key);
}

TEST_CASE("a vote cast offline stays in the stored outbox and is sent again with the same key") {
    HeadlessApp app(360, 740);
    open_poll(app);
    app.activate(Role::button, "Pass");
    const HttpRequest first = *last_request_to(app, "/votes");
    app.answer(first.tag, 0, "");
    app.frame();
    app.frame();
    CHECK(shows_text(app, "Not sent yet"));
    CHECK_FALSE(shows_text(app, "counted"));
    auto stored = polls::Outbox::restore(app.state.stored.at("poll." + kPoll + ".outbox"));
    REQUIRE(stored.outbox.pending().size() == 1);
    CHECK(stored.outbox.pending()[0].vote.key == polls::parse_vote_request(kPoll, first.body).value().key);

    // Not at once (a pause before the next try)...
    CHECK(requests_to(app, "/votes") == 1);
    // ...but on the first frame after the pause.
    ImGui::GetIO().DeltaTime = 1.5f;
    app.frame();
    ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
    REQUIRE(requests_to(app, "/votes") == 2);
    const HttpRequest second = *last_request_to(app, "/votes");
    CHECK(second.body == first.body);
    CHECK(second.tag == first.tag);

    // Still offline: "Send now" tries again without waiting.
    app.answer(second.tag, 0, "");
    app.frame();
    app.activate(Role::button, "Send now");
    REQUIRE(requests_to(app, "/votes") == 3);
    CHECK(last_request_to(app, "/votes")->body == first.body);

    app.answer(first.tag, 200, R"({"status":"duplicate"})");
    app.frame();
    app.frame();
    CHECK(shows_text(app, "Your vote has been counted."));
    CHECK_FALSE(shows_text(app, "Not sent yet"));
}

TEST_CASE("a vote kept in storage is sent with its key when the app starts again") {
    std::map<std::string, std::string> storage;
    std::string body;
    {
        HeadlessApp app(360, 740);
        open_poll(app);
        app.activate(Role::button, "Agree");
        body = last_request_to(app, "/votes")->body;
        storage = app.state.stored;  // the tab closes before any answer
    }
    HeadlessApp again(360, 740);
    again.state.stored = storage;
    open_poll(again);
    REQUIRE(requests_to(again, "/votes") == 1);
    CHECK(last_request_to(again, "/votes")->body == body);
    CHECK(again.state.stored.at("poll." + kPoll + ".participant") == storage.at("poll." + kPoll + ".participant"));
    CHECK(shows_text(again, "Statement 2 of"));
}

TEST_CASE("a refused vote is not shown as counted, and the server's reason is") {
    HeadlessApp app(360, 740);
    open_poll(app);
    app.activate(Role::button, "Agree");
    app.answer(last_request_to(app, "/votes")->tag, 403, R"({"error":"the poll is closed"})");
    app.frame();
    app.frame();
    CHECK(shows_text(app, "the poll is closed"));
    CHECK_FALSE(shows_text(app, "Your vote has been counted."));
}

TEST_CASE("the municipality is chosen from content, remembered in storage and sent with the vote") {
    HeadlessApp app(360, 740);
    open_poll(app, "");
    app.type("Find your municipality", "haarl");
    app.frame();
    UiActions chose = app.activate(Role::button, "Haarlemmermeer");
    app.frame();
    CHECK(app.state.stored.at("municipality") == "haarlemmermeer");
    CHECK(shows_text(app, "Your municipality: Haarlemmermeer"));
    app.activate(Role::button, "Agree");
    CHECK(polls::parse_vote_request(kPoll, last_request_to(app, "/votes")->body).value().municipality ==
          "haarlemmermeer");
}

TEST_CASE("results show the municipality chosen on the page first, the region when asked") {
    HeadlessApp app(360, 740);
    open_poll(app, "");  // no municipality yet: the results would be the region's
    app.frame();
    app.type("Find your municipality", "haarl");
    app.frame();
    app.activate(Role::button, "Haarlemmermeer");
    app.frame();
    app.activate(Role::button, "See the results");
    app.frame();
    CHECK(last_request_to(app, "/results")->url == "/api/polls/" + kPoll + "/results?municipality=haarlemmermeer");
    const SemanticNode* own = app.semantics.find(Role::radio, "Haarlemmermeer");
    REQUIRE(own != nullptr);
    CHECK(own->checked);
    app.activate(Role::radio, "Whole region");
    app.frame();
    CHECK(last_request_to(app, "/results")->url == "/api/polls/" + kPoll + "/results");
}

TEST_CASE("a statement of your own is checked before sending and goes into moderation") {
    HeadlessApp app(360, 740);
    open_poll(app);
    app.type("Your statement", "Too short");
    app.activate(Role::button, "Send statement");
    CHECK(requests_to(app, "/statements") == 0);
    CHECK(shows_text(app, "Not yet:"));

    app.type("Your statement", "  Every   neighbourhood deserves a repair café. ");
    app.activate(Role::button, "Send statement");
    const HttpRequest* sent = last_request_to(app, "/statements");
    REQUIRE(sent != nullptr);
    auto statement = polls::parse_statement_request(kPoll, sent->body);
    REQUIRE(statement.ok());
    CHECK(statement.value().text == "Every neighbourhood deserves a repair café.");
    CHECK(statement.value().language == "en");
    app.answer(sent->tag, 202, R"({"statement":10000,"status":"pending","duplicate":false})");
    app.frame();
    app.frame();
    CHECK(shows_text(app, "waiting for moderation"));
    CHECK(std::find(app.announcements.begin(), app.announcements.end(),
                    app.translator.text("debate.own.waiting")) != app.announcements.end());
}

TEST_CASE("results from the server are drawn as tables and a bar chart with its text equivalent") {
    HeadlessApp app(360, 740);
    open_poll(app);
    app.activate(Role::button, "See the results");
    const HttpRequest* asked = last_request_to(app, "/results");
    REQUIRE(asked != nullptr);
    CHECK(asked->url == "/api/polls/" + kPoll + "/results?municipality=haarlem");
    app.answer(asked->tag, 200, R"({"poll":"grondstoffen-repareren-inleveren","municipality":"haarlem","status":"grouped",
      "counts":{"participants":24,"votes":1384,"statements":17,"in_conversation":24,"grouped":24},
      "groups":[{"id":0,"label":"A","size":13,"representative":[{"statement":1,"agree":true,"successes":12,"trials":13}]},
                {"id":1,"label":"B","size":11,"representative":[{"statement":2,"agree":false,"successes":9,"trials":11}]}],
      "consensus":{"agree":[{"statement":3,"successes":20,"trials":24}],"disagree":[]},
      "statements":[{"statement":1,"votes":{"agree":15,"disagree":7,"pass":2,"seen":24}},
                    {"statement":2,"votes":{"agree":10,"disagree":13,"pass":1,"seen":24}}]})");
    app.frame();
    CHECK(shows_text(app, "24 participants, 1,384 votes"));
    const SemanticNode* groups = app.semantics.find(Role::table, app.translator.text("debate.results.groups_caption"));
    REQUIRE(groups != nullptr);
    CHECK(app.semantics.find(Role::cell, "A") != nullptr);
    CHECK(app.semantics.find(Role::cell, "13") != nullptr);
    CHECK(shows_text(app, "(12 of 13)"));
    CHECK(shows_text(app, "(20 of 24 people)"));
    CHECK(app.semantics.find(Role::table, "Number of votes per statement") != nullptr);
    CHECK(app.semantics.find(Role::cell, "15") != nullptr);
    bool chart = false;
    for (const auto& node : app.semantics.nodes())
        if (node.role == Role::image && node.name.find("Statement 2: 10 agree, 13 disagree, 1 passed.") != std::string::npos)
            chart = true;
    CHECK(chart);

    app.activate(Role::radio, "Whole region");
    app.frame();
    CHECK(last_request_to(app, "/results")->url == "/api/polls/" + kPoll + "/results");
}

TEST_CASE("the opinion map has its groups, their shapes and where you stand in words") {
    {  // one HeadlessApp at a time: each owns the ImGui context
        HeadlessApp app(360, 740);
        open_poll(app);
        app.activate(Role::button, "Agree");  // statement 1, counted after the server's 200
        app.answer(last_request_to(app, "/votes")->tag, 200, R"({"status":"stored"})");
        app.frame();
        app.activate(Role::button, "See the results");
        const HttpRequest* asked = last_request_to(app, "/results");
        REQUIRE(asked != nullptr);
        // Two statements; component 1 is statement 1, component 2 statement 2. Agreeing with statement
        // 1 alone puts you at (sqrt 2, 0): nearest to group B's centre, not A's.
        app.answer(asked->tag, 200, R"({"status":"grouped",
      "counts":{"participants":5,"votes":9,"statements":2,"in_conversation":5,"grouped":4},
      "groups":[{"id":0,"label":"A","size":1,"center":[-1.0,0.0],"stability":0.95,"representative":[]},
                {"id":1,"label":"B","size":3,"center":[1.2,0.1],"stability":0.875,"representative":[]}],
      "stability":{"runs":10,"fraction":0.8,"mean_adjusted_rand":0.912,"min_adjusted_rand":0.7,"same_k_share":0.9},
      "map":[[-1.0,0.0,0],[1.0,0.0,1],[1.3,0.2,1],[1.3,0.1,1],[0.0,1.0,-1]],
      "projection":{"statements":[1,2],"center":[0.0,0.0],"components":[[1.0,0.0],[0.0,1.0]]},
      "consensus":{"agree":[],"disagree":[]},"statements":[]})");
        app.frame();
        const SemanticNode* map = nullptr;
        for (const auto& node : app.semantics.nodes())
            if (node.role == Role::image && node.name.rfind("Map of the opinions.", 0) == 0) map = &node;
        REQUIRE(map != nullptr);
        CHECK(map->name.find("Group A (circles): 1 person.") != std::string::npos);
        CHECK(map->name.find("Group B (squares): 3 people.") != std::string::npos);
        CHECK(map->name.find("1 participant is not in a group (yet)") != std::string::npos);
        CHECK(map->name.find("closest to group B.") != std::string::npos);
        CHECK(map->x + map->width <= 360.5f);
        // How firm the groups are, from the server's reruns on subsets of the participants.
        CHECK(shows_text(
            app, "computed again 10 times, each time from a random 80 % of the participants. 9 of the 10 times"));
        CHECK(shows_text(app, "on a scale from 0 (chance) to 1 (exactly the same): 0.91 on average"));
        CHECK(shows_text(app, "Group B: 88 % of its members"));
    }

    // A map without any of your votes says nothing about you; a broken map draws nothing.
    HeadlessApp other(360, 740);
    open_poll(other);
    other.activate(Role::button, "See the results");
    other.answer(last_request_to(other, "/results")->tag, 200, R"({"status":"grouped","counts":{},
      "groups":[{"id":0,"label":"A","size":2,"center":"left","representative":[]}],
      "map":[[0.5,0.5,0],"x",[1,2]],"projection":{"statements":[1],"center":[0.0,0.0]},"statements":[]})");
    other.frame();
    bool described = false;
    for (const auto& node : other.semantics.nodes())
        if (node.role == Role::image && node.name.rfind("Map of the opinions.", 0) == 0) {
            described = true;
            CHECK(node.name.find("You are") == std::string::npos);
            CHECK(node.name.find("Group A") == std::string::npos);
        }
    CHECK(described);
}

TEST_CASE("the poll screen fits a 360 px wide phone, also with text at 200 %") {
    for (float scale : {1.0f, 2.0f}) {
        HeadlessApp app(360, 740, scale);
        open_poll(app);
        app.activate(Role::button, "See the results");
        app.frame();
        CAPTURE(scale);
        for (const auto& node : app.semantics.nodes()) {
            if (node.role == Role::table || node.role == Role::row || node.role == Role::radiogroup) continue;
            CAPTURE(node.name);
            CHECK(node.x + node.width <= 360.5f);
        }
    }
}
