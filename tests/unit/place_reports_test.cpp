// A resident's report of a problem with a place: the request the server's API expects.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/place_reports.h"

using namespace stadsmijn;

TEST_CASE("a report is a POST to the place's reports with the server's problem word and the note") {
    HttpRequest r = place_report_request("rc-haarlem-west-badhuis", ReportProblem::wrong_hours, "Nu op woensdag");
    CHECK(r.method == "POST");
    CHECK(r.url == "/api/places/rc-haarlem-west-badhuis/reports");
    CHECK(r.tag == place_report_tag("rc-haarlem-west-badhuis"));
    auto body = nlohmann::json::parse(r.body);
    CHECK(body.at("problem") == "wrong-hours");
    CHECK(body.at("note") == "Nu op woensdag");
    CHECK(body.size() == 2);
    CHECK(std::string(report_problem_name(ReportProblem::does_not_take)) == "does-not-take");
}

TEST_CASE("a note is kept within the server's limit, without control characters or a cut character") {
    std::string note(499, 'a');
    note += "\xC3\xA9\xC3\xA9";  // "éé": the cut falls inside the first
    auto body = nlohmann::json::parse(place_report_request("x", ReportProblem::other, note).body);
    std::string kept = body.at("note");
    CHECK(kept == std::string(499, 'a'));
    auto lines = nlohmann::json::parse(place_report_request("x", ReportProblem::other, "a\nb\tc").body);
    CHECK(lines.at("note") == "a b c");
}

TEST_CASE("the answer says received, try again later, or refused") {
    CHECK(report_outcome({202, "{}"}) == ReportOutcome::received);
    CHECK(report_outcome({0, ""}) == ReportOutcome::offline);
    CHECK(report_outcome({429, ""}) == ReportOutcome::offline);
    CHECK(report_outcome({503, ""}) == ReportOutcome::offline);
    CHECK(report_outcome({404, ""}) == ReportOutcome::refused);
    CHECK(report_outcome({422, ""}) == ReportOutcome::refused);
}
