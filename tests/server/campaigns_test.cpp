// Campaign embeds over real HTTP: frame-ancestors per campaign, refusal pages, anonymous event
// counts (and nothing else), the organisers' admin counts and CSV.
#include <doctest/doctest.h>

#include <httplib.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "server/campaign_api.h"
#include "server/http_server.h"
#include "tests/server/listening_server.h"

using namespace stadsmijn;
using namespace stadsmijn::server;
namespace fs = std::filesystem;

namespace {

const std::string kToken = "campaign-test-token-0123456789";

Campaign campaign(std::string id, std::vector<std::string> origins) {
    Campaign c;
    c.id = std::move(id);
    c.municipality = "haarlem";
    c.part = EmbedPart::poll;
    c.poll = "p";
    c.allowed_origins = std::move(origins);
    return c;
}

struct CampaignServer {
    fs::path dir;
    EmbedPolicy policy;
    std::unique_ptr<CampaignEventStore> store;
    std::unique_ptr<CampaignApi> api;
    ListeningServer listening;
    int port = 0;

    explicit CampaignServer(CampaignApiConfig config = {})
        : dir(fs::temp_directory_path() / ("stadsmijn-campaigns-" + std::to_string(std::rand()))),
          policy({campaign("praat-mee-haarlem", {"https://haarlem.nl", "https://www.haarlem.nl"}),
                  campaign("ruim-je-la-op-amsterdam", {"https://www.amsterdam.nl"})},
                 {"http://localhost:4321"}) {
        fs::create_directories(dir / "web");
        std::ofstream(dir / "web/index.html") << "<!doctype html><title>app</title>";
        std::ofstream(dir / "web/embed.js") << "'use strict';";
        auto opened = CampaignEventStore::open((dir / "db.sqlite3").string());
        REQUIRE(opened.ok());
        store = std::move(opened).value();
        auto token = AdminToken::from_text(kToken);
        REQUIRE(token.ok());
        api = std::make_unique<CampaignApi>(policy, *store, token.value(), config);
        ServerConfig server_config{.web_root = dir / "web", .host = "127.0.0.1", .port = 0, .threads = 2};
        server_config.extra_routes = [this](httplib::Server& http) { api->install(http); };
        server_config.before_static = [this](const httplib::Request& req, httplib::Response& res) {
            return api->serve_page(req, res);
        };
        listening.start(server_config);
        port = listening.port;
    }
    ~CampaignServer() {
        listening.stop();
        store.reset();
        fs::remove_all(dir);
    }
    httplib::Client client() const { return httplib::Client("127.0.0.1", port); }
};

std::string frame_ancestors(const httplib::Result& res) {
    std::string csp = res->get_header_value("Content-Security-Policy");
    auto at = csp.find("frame-ancestors ");
    REQUIRE(at != std::string::npos);
    return csp.substr(at + 16, csp.find(';', at) - at - 16);
}

httplib::Result post_event(httplib::Client& client, const std::string& body) {
    return client.Post("/api/events", body, "application/json");
}

}  // namespace

TEST_CASE("the app's page keeps frame-ancestors 'self'; an embed page names exactly its campaign's origins") {
    CampaignServer s;
    auto client = s.client();
    auto plain = client.Get("/");
    REQUIRE(plain);
    CHECK(plain->status == 200);
    CHECK(frame_ancestors(plain) == "'self'");

    auto haarlem = client.Get("/?embed=praat-mee-haarlem");
    REQUIRE(haarlem);
    CHECK(haarlem->status == 200);
    CHECK(haarlem->body.find("<title>app</title>") != std::string::npos);
    CHECK(frame_ancestors(haarlem) == "https://haarlem.nl https://www.haarlem.nl http://localhost:4321");
    // The rest of the policy is the app's strict one.
    CHECK(haarlem->get_header_value("Content-Security-Policy").find("script-src 'self' 'wasm-unsafe-eval';") !=
          std::string::npos);
    CHECK(haarlem->get_header_value_count("Content-Security-Policy") == 1);

    auto amsterdam = client.Get("/index.html?embed=ruim-je-la-op-amsterdam");
    REQUIRE(amsterdam);
    CHECK(frame_ancestors(amsterdam) == "https://www.amsterdam.nl http://localhost:4321");

    // Other files are not pages: their policy stays the app's own.
    auto script = client.Get("/embed.js?embed=praat-mee-haarlem");
    REQUIRE(script);
    CHECK(frame_ancestors(script) == "'self'");
    CHECK(script->get_header_value("Cache-Control") == "public, max-age=3600");
}

TEST_CASE("an unknown or malformed campaign gets a clear message page instead of the app") {
    CampaignServer s;
    auto client = s.client();
    auto unknown = client.Get("/?embed=gotham-city");
    REQUIRE(unknown);
    CHECK(unknown->status == 404);
    CHECK(unknown->body.find("<title>app</title>") == std::string::npos);
    CHECK(unknown->body.find("Deze campagne staat niet") != std::string::npos);
    CHECK(unknown->get_header_value("Content-Type") == "text/html; charset=utf-8");

    auto malformed = client.Get("/?embed=%3Cscript%3E");
    REQUIRE(malformed);
    CHECK(malformed->status == 400);
    CHECK(malformed->body.find("<script>") == std::string::npos);
}

TEST_CASE("an event adds one to today's count of its campaign; nothing but the counts is stored") {
    CampaignServer s;
    auto client = s.client();
    for (int i = 0; i < 3; ++i) {
        auto res = post_event(client, R"({"campaign":"praat-mee-haarlem","event":"vote-cast"})");
        REQUIRE(res);
        CHECK(res->status == 202);
    }
    auto res = post_event(client, R"({"campaign":"praat-mee-haarlem","event":"journey-started"})");
    REQUIRE(res);
    CHECK(res->status == 202);

    auto counts = s.store->counts("praat-mee-haarlem");
    REQUIRE(counts.ok());
    REQUIRE(counts.value().size() == 2);
    CHECK(counts.value()[0].day == utc_day_today());
    CHECK(counts.value()[0].event == "journey-started");
    CHECK(counts.value()[0].count == 1);
    CHECK(counts.value()[1].event == "vote-cast");
    CHECK(counts.value()[1].count == 3);
    CHECK(s.store->counts("ruim-je-la-op-amsterdam").value().empty());

    // The database file holds no address or user agent: the table has four columns, all named here.
    auto db = open_sqlite((s.dir / "db.sqlite3").string());
    REQUIRE(db.ok());
    auto columns = db.value()->query("SELECT name FROM pragma_table_info('campaign_event_counts') ORDER BY cid");
    REQUIRE(columns.ok());
    REQUIRE(columns.value().size() == 4);
    CHECK(columns.value().text(0, 0) == "campaign");
    CHECK(columns.value().text(1, 0) == "day");
    CHECK(columns.value().text(2, 0) == "event");
    CHECK(columns.value().text(3, 0) == "count");
    auto tables = db.value()->query("SELECT count(*) FROM sqlite_master WHERE type = 'table'");
    CHECK(tables.value().integer(0, 0) == 1);
}

TEST_CASE("bad events are refused with 4xx and a reason, and count nothing") {
    CampaignServer s;
    auto client = s.client();
    struct Case {
        std::string body;
        std::string content_type;
        int status;
    };
    const Case cases[] = {
        {R"({"campaign":"praat-mee-haarlem","event":"clicked-ad"})", "application/json", 400},
        {R"({"campaign":"gotham","event":"vote-cast"})", "application/json", 404},
        {R"({"campaign":"praat-mee-haarlem"})", "application/json", 400},
        {R"({"campaign":"praat-mee-haarlem","event":"vote-cast","user":"u-123"})", "application/json", 400},
        {R"({"campaign":1,"event":"vote-cast"})", "application/json", 400},
        {R"(not json)", "application/json", 400},
        {R"(["praat-mee-haarlem","vote-cast"])", "application/json", 400},
        {R"({"campaign":"praat-mee-haarlem","event":"vote-cast"})", "text/plain", 415},
        {std::string(2000, ' '), "application/json", 413},
    };
    for (const auto& c : cases) {
        CAPTURE(c.body.substr(0, 80));
        auto res = client.Post("/api/events", c.body, c.content_type.c_str());
        REQUIRE(res);
        CHECK(res->status == c.status);
        CHECK(res->body.find("\"error\"") != std::string::npos);
    }
    CHECK(s.store->counts("praat-mee-haarlem").value().empty());
}

TEST_CASE("events are rate limited per connection") {
    CampaignServer s({.events_per_connection = {.per_second = 0.01, .burst = 3}});
    auto client = s.client();
    client.set_keep_alive(true);
    int accepted = 0, limited = 0;
    for (int i = 0; i < 6; ++i) {
        auto res = post_event(client, R"({"campaign":"praat-mee-haarlem","event":"plan-made"})");
        REQUIRE(res);
        if (res->status == 202) ++accepted;
        if (res->status == 429) {
            ++limited;
            CHECK(res->has_header("Retry-After"));
        }
    }
    CHECK(accepted == 3);
    CHECK(limited == 3);
}

TEST_CASE("organisers read the counts with the admin token, as JSON and as CSV") {
    CampaignServer s;
    auto client = s.client();
    post_event(client, R"({"campaign":"praat-mee-haarlem","event":"return-intent"})");

    auto anonymous = client.Get("/api/campaigns/praat-mee-haarlem/counts");
    REQUIRE(anonymous);
    CHECK(anonymous->status == 401);
    httplib::Headers wrong = {{"Authorization", "Bearer not-the-token-at-all"}};
    CHECK(client.Get("/api/campaigns/praat-mee-haarlem/counts", wrong)->status == 401);

    httplib::Headers admin = {{"Authorization", "Bearer " + kToken}};
    auto json = client.Get("/api/campaigns/praat-mee-haarlem/counts", admin);
    REQUIRE(json);
    CHECK(json->status == 200);
    auto body = nlohmann::json::parse(json->body);
    CHECK(body["campaign"] == "praat-mee-haarlem");
    REQUIRE(body["counts"].size() == 1);
    CHECK(body["counts"][0]["event"] == "return-intent");
    CHECK(body["counts"][0]["count"] == 1);

    auto csv = client.Get("/api/campaigns/praat-mee-haarlem/counts.csv", admin);
    REQUIRE(csv);
    CHECK(csv->status == 200);
    CHECK(csv->get_header_value("Content-Type") == "text/csv; charset=utf-8");
    CHECK(csv->body == "campaign,day,event,count\n\"praat-mee-haarlem\"," + utc_day_today() + ",return-intent,1\n");

    CHECK(client.Get("/api/campaigns/gotham/counts", admin)->status == 404);
}
