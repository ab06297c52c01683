// Municipal self-service over real HTTP (issue 18), on SQLite and on PostgreSQL: editors and their
// scope, revoked tokens, validation by field, lost updates refused, the audit log, residents'
// reports and the editors' queue, open-data exports, and edits that outlive a restart and reach
// a second instance on the same database.
#include <doctest/doctest.h>

#include <algorithm>

#include "tests/server/municipal/municipal_test_server.h"

using namespace stadsmijn::testing;
using nlohmann::json;

namespace {

const std::string kCafe = "rc-haarlem-west-badhuis";          // bundled, Haarlem
const std::string kZaanstadStation = "afvalbrengstation-zaandam";  // bundled, Zaanstad

json new_station(const std::string& id = "milieustraat-haarlem-test") {
    return {{"id", id},
            {"kind", "drop-off"},
            {"name", "Milieustraat Haarlem (test)"},
            {"municipality", "haarlem"},
            {"address", "Waarderweg 1"},
            {"city", "Haarlem"},
            {"location", {{"lat", 52.39}, {"lon", 4.66}}},
            {"schedule",
             {{"text", {{"nl", "Ma-za 8:30 - 16:00"}}},
              {"rules", {{{"every", "week"}, {"days", {"mo", "tu", "we", "th", "fr", "sa"}}, {"start", "08:30"}, {"end", "16:00"}}}}}},
            {"handles", {{"accepts", {"electronics", "batteries"}}}}};
}

json bundled_place(const MunicipalTestServer& server, const std::string& token, const std::string& municipality,
                   const std::string& id) {
    auto list = request(server, "GET", "/api/places?municipality=" + municipality, "", token);
    REQUIRE_MESSAGE(list.status == 200, list.body);
    for (const auto& place : list.json["places"])
        if (place["id"] == id) return place;
    FAIL("no place " << id);
    return nullptr;
}

httplib::Headers if_match(long long version) { return {{"If-Match", "\"" + std::to_string(version) + "\""}}; }
const httplib::Headers kCreate = {{"If-None-Match", "*"}};

}  // namespace

TEST_CASE("the province creates an editor whose token is shown once and works at once; a revoked one stops") {
    MunicipalTestServer server;
    auto created = request(server, "POST", "/api/editors", R"({"name": "Team Afval Haarlem", "municipalities": ["haarlem"]})",
                           kAdminToken);
    REQUIRE(created.status == 201);
    const std::string token = created.json["token"];
    CHECK(token.size() >= 43);  // 32 random bytes, base64url
    auto me = request(server, "GET", "/api/me", "", token);
    REQUIRE(me.status == 200);
    CHECK(me.json["role"] == "editor");
    CHECK(me.json["municipalities"] == json::array({"haarlem"}));
    CHECK(request(server, "GET", "/api/me", "", kAdminToken).json["role"] == "admin");

    auto list = request(server, "GET", "/api/editors", "", kAdminToken);
    REQUIRE(list.status == 200);
    REQUIRE(list.json["editors"].size() == 1);
    CHECK_FALSE(list.json["editors"][0].contains("token"));
    CHECK(list.body.find(token) == std::string::npos);
    // An editor is not the province: no accounts for them.
    CHECK(request(server, "GET", "/api/editors", "", token).status == 401);
    CHECK(request(server, "POST", "/api/editors", R"({"name": "x", "municipalities": ["zaanstad"]})", token).status == 401);

    // Unknown municipality, empty name: named by field.
    auto bad = request(server, "POST", "/api/editors", R"({"name": "", "municipalities": ["atlantis"]})", kAdminToken);
    CHECK(bad.status == 422);
    CHECK(bad.body.find("\"field\":\"name\"") != std::string::npos);
    CHECK(bad.body.find("\"field\":\"municipalities\"") != std::string::npos);

    // A second instance on the same database sees the revocation at once.
    MunicipalTestServer second({.database = server.database()});
    CHECK(request(second, "GET", "/api/me", "", token).status == 200);
    auto id = created.json["id"].get<long long>();
    CHECK(request(server, "DELETE", "/api/editors/" + std::to_string(id), "", kAdminToken).status == 204);
    CHECK(request(server, "GET", "/api/me", "", token).status == 401);
    CHECK(request(second, "GET", "/api/me", "", token).status == 401);
    CHECK(request(second, "PUT", "/api/places/" + kCafe, bundled_place(server, kAdminToken, "haarlem", kCafe).dump(), token,
                  if_match(0)).status == 401);
    CHECK(request(server, "DELETE", "/api/editors/" + std::to_string(id), "", kAdminToken).status == 404);
    CHECK(request(server, "GET", "/api/editors", "", kAdminToken).json["editors"][0]["revoked"].is_string());
}

TEST_CASE("an editor of Haarlem edits Haarlem's places and cannot touch Zaanstad's") {
    MunicipalTestServer server;
    const std::string haarlem = create_editor(server, "Team Afval Haarlem", {"haarlem"});
    CHECK(request(server, "GET", "/api/places?municipality=zaanstad", "", haarlem).status == 403);
    CHECK(request(server, "GET", "/api/reports?municipality=zaanstad", "", haarlem).status == 403);
    CHECK(request(server, "GET", "/api/audit?municipality=zaanstad", "", haarlem).status == 403);

    json station = bundled_place(server, kAdminToken, "zaanstad", kZaanstadStation);
    CHECK(station["version"] == 0);
    station["name"] = "Overgenomen door Haarlem";
    CHECK(request(server, "PUT", "/api/places/" + kZaanstadStation, station.dump(), haarlem, if_match(0)).status == 403);
    // Nor by moving the place into Haarlem, nor by adding a place in Zaanstad.
    station["municipality"] = "haarlem";
    CHECK(request(server, "PUT", "/api/places/" + kZaanstadStation, station.dump(), haarlem, if_match(0)).status == 403);
    json added = new_station("nieuw-in-zaanstad");
    added["municipality"] = "zaanstad";
    added["city"] = "Zaandam";
    CHECK(request(server, "PUT", "/api/places/nieuw-in-zaanstad", added.dump(), haarlem, kCreate).status == 403);
    CHECK(request(server, "GET", "/api/places/overlay").json["places"].empty());

    // Its own municipality: a new station and a changed café.
    auto made = request(server, "PUT", "/api/places/milieustraat-haarlem-test", new_station().dump(), haarlem, kCreate);
    REQUIRE_MESSAGE(made.status == 201, made.body);
    CHECK(made.json["version"].get<long long>() >= 1);
    CHECK(made.json["entered"]["editor"] == "Team Afval Haarlem");
    CHECK(made.json["entered"]["municipality"] == "haarlem");
    CHECK(made.header("ETag") == "\"" + std::to_string(made.json["version"].get<long long>()) + "\"");
    // Without a condition nothing is written.
    CHECK(request(server, "PUT", "/api/places/" + kCafe, bundled_place(server, haarlem, "haarlem", kCafe).dump(), haarlem)
              .status == 428);
}

TEST_CASE("a place with mistakes is refused with every wrong field named") {
    MunicipalTestServer server;
    const std::string haarlem = create_editor(server, "Team Afval Haarlem", {"haarlem"});
    json place = new_station();
    place["schedule"]["rules"][0]["start"] = "8 uur";
    place["location"] = {{"lat", 4.66}, {"lon", 52.39}};  // swapped
    place["handles"]["accepts"] = {"electronics", "ruimteschepen"};
    place["website"] = "javascript:alert(1)";
    auto answer = request(server, "PUT", "/api/places/milieustraat-haarlem-test", place.dump(), haarlem, kCreate);
    REQUIRE(answer.status == 422);
    std::vector<std::string> fields;
    for (const auto& e : answer.json["errors"]) fields.push_back(e["field"]);
    for (const char* field : {"schedule.rules[0].start"}) {
        CAPTURE(field);
        CHECK(std::find(fields.begin(), fields.end(), field) != fields.end());
    }
    // Form first; once the form is right, the meaning: every field at once.
    place["schedule"]["rules"][0]["start"] = "08:30";
    answer = request(server, "PUT", "/api/places/milieustraat-haarlem-test", place.dump(), haarlem, kCreate);
    REQUIRE(answer.status == 422);
    fields.clear();
    for (const auto& e : answer.json["errors"]) fields.push_back(e["field"]);
    for (const char* field : {"location", "handles.accepts", "website"}) {
        CAPTURE(field);
        CHECK(std::find(fields.begin(), fields.end(), field) != fields.end());
    }
    CHECK(request(server, "PUT", "/api/places/milieustraat-haarlem-test", "{\"id\": ", haarlem, kCreate).status == 422);
    CHECK(request(server, "GET", "/api/places/overlay").json["places"].empty());
    // Bounded before the body is read: a place is at most 16 KiB.
    CHECK(request(server, "PUT", "/api/places/milieustraat-haarlem-test", std::string(17 * 1024, ' '), haarlem, kCreate)
              .status == 413);
}

TEST_CASE("two editors change the same place from the same version: the second gets 412, nothing is lost silently") {
    MunicipalTestServer server;
    const std::string anna = create_editor(server, "Anna (Haarlem)", {"haarlem"});
    const std::string bert = create_editor(server, "Bert (Haarlem)", {"haarlem"});
    json seen_by_anna = bundled_place(server, anna, "haarlem", kCafe);
    json seen_by_bert = bundled_place(server, bert, "haarlem", kCafe);
    REQUIRE(seen_by_anna["version"] == 0);
    seen_by_anna["schedule"]["rules"][0]["start"] = "10:00";
    seen_by_bert["name"] = "Repair Café Haarlem West (Bert)";
    auto first = request(server, "PUT", "/api/places/" + kCafe, seen_by_anna.dump(), anna, if_match(0));
    REQUIRE_MESSAGE(first.status == 200, first.body);
    auto second = request(server, "PUT", "/api/places/" + kCafe, seen_by_bert.dump(), bert, if_match(0));
    CHECK(second.status == 412);
    CHECK(second.header("ETag") == first.header("ETag"));
    // Bert reads again and changes on top of Anna's edit.
    json again = bundled_place(server, bert, "haarlem", kCafe);
    CHECK(again["schedule"]["rules"][0]["start"] == "10:00");
    again["name"] = "Repair Café Haarlem West (Bert)";
    auto third = request(server, "PUT", "/api/places/" + kCafe, again.dump(), bert, if_match(again["version"].get<long long>()));
    REQUIRE_MESSAGE(third.status == 200, third.body);
    CHECK(third.json["schedule"]["rules"][0]["start"] == "10:00");
    CHECK(third.json["entered"]["editor"] == "Bert (Haarlem)");
    // Creating an id that exists is refused too.
    json copy = new_station(kCafe);
    CHECK(request(server, "PUT", "/api/places/" + kCafe, copy.dump(), anna, kCreate).status == 412);
}

TEST_CASE("the overlay is versioned with an ETag, survives a restart and is the same on a second instance") {
    std::string database;
    std::string etag;
    {
        MunicipalTestServer server;
        database = server.database();
        const std::string haarlem = create_editor(server, "Team Afval Haarlem", {"haarlem"});
        auto empty = request(server, "GET", "/api/places/overlay");
        REQUIRE(empty.status == 200);
        CHECK(empty.json["version"] == 0);
        CHECK(empty.header("Cache-Control") == "no-cache");
        REQUIRE(request(server, "PUT", "/api/places/milieustraat-haarlem-test", new_station().dump(), haarlem, kCreate).status ==
                201);
        json cafe = bundled_place(server, haarlem, "haarlem", kCafe);
        cafe["closed"] = true;
        REQUIRE(request(server, "PUT", "/api/places/" + kCafe, cafe.dump(), haarlem, if_match(0)).status == 200);
        auto overlay = request(server, "GET", "/api/places/overlay");
        REQUIRE(overlay.status == 200);
        CHECK(overlay.json["version"] == 2);
        CHECK(overlay.json["places"].size() == 2);
        etag = overlay.header("ETag");
        CHECK(etag == "\"2\"");
        CHECK(request(server, "GET", "/api/places/overlay", "", "", {{"If-None-Match", etag}}).status == 304);
    }
    MunicipalTestServer restarted({.database = database});
    MunicipalTestServer second({.database = database});
    for (const MunicipalTestServer* instance : {&restarted, &second}) {
        auto overlay = request(*instance, "GET", "/api/places/overlay");
        REQUIRE(overlay.status == 200);
        CHECK(overlay.header("ETag") == etag);
        CHECK(overlay.json["places"].size() == 2);
    }
    // An edit on one instance is served by the other at once, with a new ETag.
    auto admin_view = bundled_place(restarted, kAdminToken, "haarlem", "milieustraat-haarlem-test");
    admin_view["name"] = "Milieustraat Haarlem-Noord";
    auto changed = request(restarted, "PUT", "/api/places/milieustraat-haarlem-test", admin_view.dump(), kAdminToken,
                           if_match(admin_view["version"].get<long long>()));
    REQUIRE_MESSAGE(changed.status == 200, changed.body);
    auto seen = request(second, "GET", "/api/places/overlay", "", "", {{"If-None-Match", etag}});
    REQUIRE(seen.status == 200);
    CHECK(seen.header("ETag") == "\"3\"");
    CHECK(seen.body.find("Milieustraat Haarlem-Noord") != std::string::npos);
}

TEST_CASE("every write is in the audit log: who, what, when, and no address") {
    MunicipalTestServer server;
    const std::string haarlem = create_editor(server, "Team Afval Haarlem", {"haarlem"});
    REQUIRE(request(server, "PUT", "/api/places/milieustraat-haarlem-test", new_station().dump(), haarlem, kCreate).status == 201);
    json cafe = bundled_place(server, haarlem, "haarlem", kCafe);
    cafe["closed"] = true;
    REQUIRE(request(server, "PUT", "/api/places/" + kCafe, cafe.dump(), haarlem, if_match(0)).status == 200);
    cafe = bundled_place(server, haarlem, "haarlem", kCafe);
    cafe["closed"] = false;
    REQUIRE(request(server, "PUT", "/api/places/" + kCafe, cafe.dump(), haarlem, if_match(cafe["version"].get<long long>()))
                .status == 200);
    auto audit = request(server, "GET", "/api/audit?municipality=haarlem", "", haarlem);
    REQUIRE(audit.status == 200);
    std::vector<std::string> actions;
    for (const auto& e : audit.json["entries"]) {
        actions.push_back(e["action"]);
        CHECK(e["at"].get<std::string>().size() == 20);  // 2026-12-04T19:30:00Z
        CHECK(e["municipality"] == "haarlem");
    }
    CHECK(actions == std::vector<std::string>{"place-reopened", "place-closed", "place-created", "editor-created"});
    CHECK(audit.json["entries"][0]["who"] == "Team Afval Haarlem");
    CHECK(audit.json["entries"][3]["who"] == "provincie (beheerder)");
    CHECK(audit.json["entries"][0]["target"] == "place " + kCafe);
    CHECK(audit.body.find("127.0.0.1") == std::string::npos);
    // Failed writes leave nothing.
    CHECK(request(server, "PUT", "/api/places/" + kCafe, cafe.dump(), haarlem, if_match(0)).status == 412);
    CHECK(request(server, "GET", "/api/audit?municipality=haarlem", "", haarlem).json["entries"].size() == 4);
}

TEST_CASE("a resident's report lands in the municipality's queue, which its editor resolves") {
    MunicipalTestServer server;
    const std::string haarlem = create_editor(server, "Team Afval Haarlem", {"haarlem"});
    const std::string zaanstad = create_editor(server, "Team Afval Zaanstad", {"zaanstad"});
    auto sent = request(server, "POST", "/api/places/" + kCafe + "/reports",
                        R"({"problem": "wrong-hours", "note": "Sinds november op zaterdag"})");
    REQUIRE_MESSAGE(sent.status == 202, sent.body);
    CHECK(request(server, "POST", "/api/places/" + kCafe + "/reports", R"({"problem": "kapot"})").status == 422);
    CHECK(request(server, "POST", "/api/places/bestaat-niet/reports", R"({"problem": "closed"})").status == 404);
    CHECK(request(server, "POST", "/api/places/" + kCafe + "/reports", R"({"problem": "closed", "email": "a@b.nl"})").status ==
          400);

    auto queue = request(server, "GET", "/api/reports?municipality=haarlem", "", haarlem);
    REQUIRE(queue.status == 200);
    REQUIRE(queue.json["reports"].size() == 1);
    auto report = queue.json["reports"][0];
    CHECK(report["place"] == kCafe);
    CHECK(report["problem"] == "wrong-hours");
    CHECK(report["resolved"] == false);
    CHECK(request(server, "GET", "/api/reports?municipality=zaanstad", "", zaanstad).json["reports"].empty());
    const std::string resolve = "/api/reports/" + std::to_string(report["id"].get<long long>()) + "/resolve";
    CHECK(request(server, "POST", resolve, "", zaanstad).status == 403);
    CHECK(request(server, "POST", resolve, "", haarlem).status == 200);
    CHECK(request(server, "GET", "/api/reports?municipality=haarlem", "", haarlem).json["reports"][0]["resolved"] == true);
    CHECK(request(server, "POST", resolve, "", haarlem).status == 200);
}

TEST_CASE("reports are limited per address like statements, and wrong editor tokens spend the admin budget") {
    MunicipalTestServer server;
    int accepted = 0, refused = 0;
    for (int i = 0; i < 25; ++i) {
        auto answer = request(server, "POST", "/api/places/" + kCafe + "/reports", R"({"problem": "closed"})");
        (answer.status == 202 ? accepted : refused) += 1;
        if (answer.status == 429) CHECK_FALSE(answer.header("Retry-After").empty());
    }
    CHECK(accepted == 20);
    CHECK(refused == 5);

    const std::string haarlem = create_editor(server, "Team Afval Haarlem", {"haarlem"});
    std::string guess(43, 'A');
    for (int i = 0; i < 10; ++i) CHECK(request(server, "GET", "/api/me", "", guess).status == 401);
    // The budget is spent: even the right token waits now (the answer must not change on a hit).
    auto locked = request(server, "GET", "/api/me", "", haarlem);
    CHECK(locked.status == 429);
    CHECK_FALSE(locked.header("Retry-After").empty());
}

TEST_CASE("a municipality's places are open data: CSV and GeoJSON with the overlay and a licence") {
    MunicipalTestServer server;
    const std::string haarlem = create_editor(server, "Team Afval Haarlem", {"haarlem"});
    json station = new_station();
    station["name"] = "=HYPERLINK(\"http://x\")";
    REQUIRE(request(server, "PUT", "/api/places/milieustraat-haarlem-test", station.dump(), haarlem, kCreate).status == 201);

    auto geo = request(server, "GET", "/api/municipalities/haarlem/places.geojson");
    REQUIRE(geo.status == 200);
    CHECK(geo.json["type"] == "FeatureCollection");
    CHECK(geo.json["licence"] == "CC BY 4.0");
    bool found_station = false, found_cafe = false;
    for (const auto& feature : geo.json["features"]) {
        CHECK(feature["properties"]["municipality"] == "haarlem");
        if (feature["id"] == "milieustraat-haarlem-test") {
            found_station = true;
            CHECK(feature["geometry"]["coordinates"] == json::array({4.66, 52.39}));
            CHECK(feature["properties"]["entered"]["editor"] == "Team Afval Haarlem");
        }
        if (feature["id"] == kCafe) {
            found_cafe = true;
            CHECK_FALSE(feature["properties"]["source_licences"].empty());
        }
    }
    CHECK(found_station);
    CHECK(found_cafe);

    auto csv = request(server, "GET", "/api/municipalities/haarlem/places.csv");
    REQUIRE(csv.status == 200);
    CHECK(csv.header("Content-Type").starts_with("text/csv"));
    CHECK(csv.body.starts_with("id,kind,name,"));
    CHECK(csv.body.find(",licence\n") != std::string::npos);
    CHECK(csv.body.find("'=HYPERLINK") != std::string::npos);  // neutralised for spreadsheets
    CHECK(csv.body.find(",=HYPERLINK") == std::string::npos);
    CHECK(csv.body.find(kCafe) != std::string::npos);
    CHECK(csv.body.find(kZaanstadStation) == std::string::npos);
    CHECK(request(server, "GET", "/api/municipalities/atlantis/places.csv").status == 404);
}
