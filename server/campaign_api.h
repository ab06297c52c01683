// The campaign routes (documented in server/README.md): the embed page's frame-ancestors, the
// anonymous events an embed reports, and the organisers' counts behind the admin token.
//
//   CampaignApi campaigns(policy, *event_store, admin_token);
//   config.before_static = [&](auto& req, auto& res) { return campaigns.serve_page(req, res); };
//   config.extra_routes = [&](httplib::Server& http) { campaigns.install(http); poll_api.install(http); };
//
// POST /api/events                      {campaign, event}: +1 on today's count; 202
// GET  /api/campaigns/{id}/counts       admin: {"campaign", "counts": [{day, event, count}]}
// GET  /api/campaigns/{id}/counts.csv   admin: the same as CSV
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "server/admin_auth.h"
#include "server/campaigns.h"
#include "server/rate_limit.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace stadsmijn::server {

// The numbers and their reasons: server/README.md, "Abuse limits".
struct CampaignApiConfig {
    // Events per connection: a journey sends at most four; a burst allows several embeds on one page.
    RateLimit events_per_connection{.per_second = 1, .burst = 20};
    // All events together, whoever sends them: a flood cannot fill the disk or skew a day by much.
    RateLimit events_overall{.per_second = 50, .burst = 1000};
    // Per client address (keyed hash; reconnecting changes nothing): a school class of 30 doing
    // four events each at once, then one every 5 s, at most 1,000 a day.
    RateLimit events_per_address{.per_second = 0.2, .burst = 120};
    std::int64_t events_per_address_per_day = 1000;
    // Per campaign and UTC day, from everyone together (per server instance).
    std::int64_t events_per_campaign_per_day = 100000;
    // Reverse proxies whose X-Real-IP / X-Forwarded-For name the client (--trusted-proxy).
    std::vector<std::string> trusted_proxies{};
};

class CampaignApi {
public:
    CampaignApi(const EmbedPolicy& policy, CampaignEventStore& store, AdminToken admin_token,
                CampaignApiConfig config = {});
    void install(httplib::Server& http);
    // For ServerConfig::before_static: the page's frame-ancestors, or a refusal page (true).
    bool serve_page(const httplib::Request& req, httplib::Response& res) const;

private:
    bool admit_admin(const httplib::Request& req, httplib::Response& res);

    const EmbedPolicy& policy_;
    CampaignEventStore& store_;
    AdminToken admin_token_;
    RateLimiter per_connection_;
    RateLimiter overall_;
    RateLimiter per_address_;
    DailyCap per_address_daily_;
    DailyCap per_campaign_daily_;
    ClientAddresses addresses_;
};

}  // namespace stadsmijn::server
