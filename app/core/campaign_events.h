// The anonymous events an embedded app reports for its campaign (README.md, "Embedding"):
// each kind at most once per visit, with nothing but the campaign id and the event's name.
//
//   CampaignEventLog log;
//   for (const auto& event : log.observe(route, {.vote_sent = true}))
//       post("/api/events", campaign_event_body("praat-mee-haarlem", event));
#pragma once

#include <set>
#include <string>
#include <vector>

#include "core/routes.h"

namespace stadsmijn {

struct FrameActivity {
    bool vote_sent = false;     // a vote left for the server this frame
    bool drawer_saved = false;  // the drawer (the citizen's plan) was written this frame
};

class CampaignEventLog {
public:
    // The events this frame reaches for the first time in this visit:
    // journey-started on any screen past the home page, return-intent on a return finder,
    // plan-made when the drawer is saved, vote-cast when a vote is sent.
    std::vector<std::string> observe(const Route& route, FrameActivity activity);

private:
    std::set<std::string> reported_;
};

// {"campaign":"...","event":"..."}
std::string campaign_event_body(const std::string& campaign, const std::string& event);

}  // namespace stadsmijn
