// A resident reports a problem with a place (issue 18): POST /api/places/{id}/reports lands in the
// editors' queue of the place's municipality. The screen draws the form; this builds the request
// and reads the answer.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/app_state.h"

namespace stadsmijn {

enum class ReportProblem { closed, wrong_hours, does_not_take, other };
inline constexpr ReportProblem kReportProblems[] = {ReportProblem::closed, ReportProblem::wrong_hours,
                                                    ReportProblem::does_not_take, ReportProblem::other};
// The word the server takes: "closed", "wrong-hours", "does-not-take", "other".
const char* report_problem_name(ReportProblem problem);

// The server takes at most this many bytes of note; longer notes are cut at a character boundary.
inline constexpr std::size_t kMaxReportNoteBytes = 500;

// The request; its answer arrives under place_report_tag(place_id).
std::string place_report_tag(std::string_view place_id);
HttpRequest place_report_request(std::string_view place_id, ReportProblem problem, std::string_view note);

enum class ReportOutcome { received, offline, refused };
ReportOutcome report_outcome(const HttpResponse& response);

}  // namespace stadsmijn
