#include "core/place_reports.h"

#include <nlohmann/json.hpp>

#include "core/routes.h"

namespace stadsmijn {

const char* report_problem_name(ReportProblem problem) {
    switch (problem) {
        case ReportProblem::closed: return "closed";
        case ReportProblem::wrong_hours: return "wrong-hours";
        case ReportProblem::does_not_take: return "does-not-take";
        case ReportProblem::other: return "other";
    }
    return "other";
}

std::string place_report_tag(std::string_view place_id) { return "place-report:" + std::string(place_id); }

HttpRequest place_report_request(std::string_view place_id, ReportProblem problem, std::string_view note) {
    std::string kept;
    for (char c : note) {
        // Control characters are refused by the server; a line break in a note becomes a space.
        unsigned char u = static_cast<unsigned char>(c);
        kept += (u < 0x20 || u == 0x7f) ? ' ' : c;
    }
    if (kept.size() > kMaxReportNoteBytes) {
        std::size_t end = kMaxReportNoteBytes;
        while (end > 0 && (static_cast<unsigned char>(kept[end]) & 0xC0) == 0x80) --end;  // not inside a character
        kept.resize(end);
    }
    nlohmann::json body{{"problem", report_problem_name(problem)}, {"note", kept}};
    return HttpRequest{place_report_tag(place_id), "POST",
                       "/api/places/" + percent_encode(place_id) + "/reports", body.dump()};
}

ReportOutcome report_outcome(const HttpResponse& response) {
    if (response.status == 0 || response.status == 429 || response.status >= 500) return ReportOutcome::offline;
    return response.ok() ? ReportOutcome::received : ReportOutcome::refused;
}

}  // namespace stadsmijn
