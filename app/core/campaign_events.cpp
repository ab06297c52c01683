#include "core/campaign_events.h"

#include <nlohmann/json.hpp>

namespace stadsmijn {

std::vector<std::string> CampaignEventLog::observe(const Route& route, FrameActivity activity) {
    std::vector<std::string> reached;
    auto reach = [&](const char* event) {
        if (reported_.insert(event).second) reached.emplace_back(event);
    };
    switch (route.screen) {
        case Screen::devices:
        case Screen::device:
        case Screen::device_repair:
        case Screen::device_reuse:
        case Screen::device_return:
        case Screen::drawer:
        case Screen::debate:
        case Screen::poll: reach("journey-started"); break;
        default: break;
    }
    if (route.screen == Screen::device_return) reach("return-intent");
    if (activity.drawer_saved) reach("plan-made");
    if (activity.vote_sent) reach("vote-cast");
    return reached;
}

std::string campaign_event_body(const std::string& campaign, const std::string& event) {
    return nlohmann::json{{"campaign", campaign}, {"event", event}}.dump(-1, ' ', false,
                                                                         nlohmann::json::error_handler_t::replace);
}

}  // namespace stadsmijn
