// Shared by the poll screen's files: debate.cpp (the screens) and debate_results.cpp (the
// results, with the bar chart and the opinion map).
#pragma once

#include <cstdint>
#include <string>

#include "core/polls/poll_client.h"
#include "core/polls/poll_wire.h"
#include "ui/frame.h"

namespace stadsmijn::ui {

std::string count_text(const UiFrame& f, std::int64_t n);

// The results the server computed: counts, groups with the map, consensus, votes per statement.
void draw_results_body(UiFrame& f, const polls::WirePoll& poll, const polls::WireResults& results,
                       const polls::PollClient& client);

}  // namespace stadsmijn::ui
