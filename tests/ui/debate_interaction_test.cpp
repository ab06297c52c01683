// The poll screen as a resident uses it on a phone: taps that come twice, a way back to change a
// vote, results read without statistics jargon. Drawn headless against a pretend server.
#include <doctest/doctest.h>
#include <imgui.h>

#include <string>

#include "core/polls/vote_request.h"
#include "tests/ui/ui_harness.h"

using namespace stadsmijn;
using namespace stadsmijn::ui;
using stadsmijn::ui::testing::HeadlessApp;

namespace {

const std::string kPoll = "grondstoffen-repareren-inleveren";

std::string poll_body(const HeadlessApp& app) {
    const PollDefinition* definition = app.content.find_poll(kPoll);
    REQUIRE(definition != nullptr);
    Json statements = Json::array();
    for (const auto& statement : definition->statements)
        statements.push_back({{"id", statement.id},
                              {"origin", "content"},
                              {"text", {{"nl", statement.text.nl}, {"en", statement.text.en}}}});
    return Json{{"id", kPoll},
                {"title", {{"nl", definition->title.nl}, {"en", definition->title.en}}},
                {"question", {{"nl", definition->question.nl}, {"en", definition->question.en}}},
                {"open", true},
                {"statements", statements}}
        .dump();
}

std::string statement_text(const HeadlessApp& app, std::size_t index) {
    return app.content.find_poll(kPoll)->statements.at(index).text.en;
}

bool shows_text(const HeadlessApp& app, const std::string& part) {
    for (const auto& node : app.semantics.nodes())
        if (node.name.find(part) != std::string::npos) return true;
    return false;
}

std::vector<polls::VoteRequest> votes_sent(const HeadlessApp& app) {
    std::vector<polls::VoteRequest> votes;
    for (const auto& request : app.sent_requests)
        if (request.url.find("/votes") != std::string::npos)
            if (auto vote = polls::parse_vote_request(kPoll, request.body)) votes.push_back(vote.value());
    return votes;
}

void open_poll(HeadlessApp& app) {
    app.go("#/poll/" + kPoll + "?lang=en&municipality=haarlem");
    app.frame();
    app.answer("poll." + kPoll + ".definition", 200, poll_body(app));
    app.frame();
}

// Lets time pass without input, as a resident reading the statement.
void wait_seconds(HeadlessApp& app, float seconds) {
    ImGui::GetIO().DeltaTime = seconds;
    app.frame();
    ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
}

// A finger down and up on a widget in one frame each, as a quick tap on a phone.
void tap(HeadlessApp& app, Role role, const std::string& name) {
    const SemanticNode* node = app.semantics.find(role, name);
    REQUIRE(node != nullptr);
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(node->x + node->width / 2, node->y + node->height / 2);
    io.MouseDown[0] = true;
    app.frame();
    io.MouseDown[0] = false;
    app.frame();
}

}  // namespace

TEST_CASE("a double tap on agree casts one vote, on the statement shown") {
    HeadlessApp app(390, 844);
    open_poll(app);
    REQUIRE(shows_text(app, statement_text(app, 0)));
    tap(app, Role::button, "Agree");  // two frames: about 33 ms
    app.frame();                      // the next statement is drawn where the finger is
    CHECK(shows_text(app, statement_text(app, 1)));
    tap(app, Role::button, "Agree");  // the same finger again, 50 ms after the first tap
    tap(app, Role::button, "Agree");  // and once more, 83 ms after
    auto votes = votes_sent(app);
    REQUIRE(votes.size() == 1);
    CHECK(votes[0].statement == 1);
    CHECK(shows_text(app, statement_text(app, 1)));  // statement 2 is still waiting for its vote

    wait_seconds(app, 1.0f);  // read it, then vote
    tap(app, Role::button, "Disagree");
    votes = votes_sent(app);
    REQUIRE(votes.size() == 2);
    CHECK(votes[1].statement == 2);
    CHECK(votes[1].vote == polls::Vote::disagree);
}

TEST_CASE("the previous statement can be shown again and its vote changed") {
    HeadlessApp app(390, 844);
    open_poll(app);
    app.activate(Role::button, "Agree");
    app.answer(app.sent_requests.back().tag, 200, R"({"status":"stored"})");
    wait_seconds(app, 1.0f);
    CHECK(shows_text(app, statement_text(app, 1)));
    app.activate(Role::button, "Previous statement");
    wait_seconds(app, 1.0f);
    CHECK(shows_text(app, statement_text(app, 0)));
    CHECK(shows_text(app, "Statement 1 of"));
    CHECK(shows_text(app, "Your vote here: agree"));
    app.activate(Role::button, "Disagree");
    auto votes = votes_sent(app);
    REQUIRE(votes.size() == 2);
    CHECK(votes[1].statement == 1);
    CHECK(votes[1].vote == polls::Vote::disagree);
    CHECK(votes[1].key != votes[0].key);
    app.frame();
    CHECK(shows_text(app, statement_text(app, 1)));  // back where the resident was
}

TEST_CASE("results with a single participant do not claim that everyone agrees") {
    HeadlessApp app(390, 844);
    open_poll(app);
    app.activate(Role::button, "See the results");
    app.answer("poll." + kPoll + ".results.haarlem", 200,
               R"({"status":"no_disagreement","counts":{"participants":1,"votes":3},"groups":[],
                   "consensus":{"agree":[],"disagree":[]},"statements":[],"map":[]})");
    app.frame();
    CHECK_FALSE(shows_text(app, app.translator.text("debate.results.no_disagreement")));
    CHECK(shows_text(app, app.translator.text("debate.results.too_few")));
}

TEST_CASE("how firm the groups are is told without statistics jargon, in every language") {
    for (const char* language : {"nl", "en", "tr", "pl"}) {
        HeadlessApp app(390, 844);
        app.translator.set_language(language);
        std::string text = app.translator.text("debate.results.stability");
        CAPTURE(language);
        CHECK(text.find("Rand") == std::string::npos);
    }
}

TEST_CASE("a vote waiting offline is sent when the network returns, without any input") {
    HeadlessApp app(390, 844);
    open_poll(app);
    app.activate(Role::button, "Agree");
    const HttpRequest first = app.sent_requests.back();
    app.answer(first.tag, 0, "");  // offline
    UiActions idle = app.frame();
    // The app asks to be woken when the retry is due, so it need not draw until then.
    REQUIRE(idle.wake_in_ms.has_value());
    CHECK(*idle.wake_in_ms > 900);
    CHECK(*idle.wake_in_ms <= 1000);
    CHECK(votes_sent(app).size() == 1);

    app.state.network_returns += 1;  // the browser's `online` event
    app.frame();
    auto votes = votes_sent(app);
    REQUIRE(votes.size() == 2);
    CHECK(votes[1].key == votes[0].key);  // the same vote, with its key: stored once
    app.answer(app.sent_requests.back().tag, 200, R"({"status":"stored"})");
    app.frame();
    app.frame();
    CHECK(shows_text(app, "Your vote has been counted."));
}

TEST_CASE("votes are delivered while the resident reads another screen") {
    HeadlessApp app(390, 844);
    open_poll(app);
    app.activate(Role::button, "Agree");
    app.answer(app.sent_requests.back().tag, 0, "");
    app.frame();
    app.go("#/about?lang=en");
    app.frame();
    wait_seconds(app, 1.5f);  // the retry is due
    CHECK(votes_sent(app).size() == 2);
}
