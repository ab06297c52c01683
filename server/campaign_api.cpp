#include "server/campaign_api.h"

#include <httplib.h>

#include <nlohmann/json.hpp>

#include "server/http_server.h"
#include "server/request_identity.h"

namespace stadsmijn::server {

namespace {

void json_answer(httplib::Response& res, int status, const nlohmann::json& body) {
    res.status = status;
    res.set_header("Cache-Control", "no-store");
    res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json; charset=utf-8");
}

void json_error(httplib::Response& res, int status, const std::string& message) {
    json_answer(res, status, {{"error", message}});
}

void too_many(httplib::Response& res, std::chrono::milliseconds wait) {
    res.set_header("Retry-After", std::to_string(std::max<long long>(1, (wait.count() + 999) / 1000)));
    json_error(res, 429, "too many events; slow down");
}

}  // namespace

CampaignApi::CampaignApi(const EmbedPolicy& policy, CampaignEventStore& store, AdminToken admin_token,
                         CampaignApiConfig config)
    : policy_(policy),
      store_(store),
      admin_token_(std::move(admin_token)),
      per_connection_(config.events_per_connection),
      overall_(config.events_overall),
      per_address_(config.events_per_address),
      per_address_daily_(config.events_per_address_per_day),
      per_campaign_daily_(config.events_per_campaign_per_day),
      addresses_(std::move(config.trusted_proxies)) {}

bool CampaignApi::serve_page(const httplib::Request& req, httplib::Response& res) const {
    if (req.path != "/" && req.path != "/index.html") return false;
    std::optional<std::string> embed;
    if (req.has_param("embed")) embed = req.get_param_value("embed");
    PageDecision decision = policy_.decide(embed);
    res.set_header("Content-Security-Policy", content_security_policy(decision.frame_ancestors));
    if (!decision.refuse_status) return false;
    res.status = decision.refuse_status;
    res.set_header("Cache-Control", "no-store");
    res.set_content(decision.refuse_html, "text/html; charset=utf-8");
    return true;
}

bool CampaignApi::admit_admin(const httplib::Request& req, httplib::Response& res) {
    AdminDecision decision = check_admin(admin_token_, client_address_key(addresses_, req), req);
    if (decision) return true;
    if (decision.status == 401) res.set_header("WWW-Authenticate", "Bearer");
    if (decision.status == 429)
        res.set_header("Retry-After", std::to_string(std::max<long long>(1, (decision.retry_after.count() + 999) / 1000)));
    json_error(res, decision.status, decision.message);
    return false;
}

void CampaignApi::install(httplib::Server& http) {
    http.Post("/api/events", [this](const httplib::Request& req, httplib::Response& res) {
        // The connection and the address are used only as keyed in-memory hashes, never stored.
        const std::string connection = address_hash(req.remote_addr + "|" + std::to_string(req.remote_port));
        const std::string client = client_address_key(addresses_, req);
        if (auto wait = take_all({{&per_connection_, connection},
                                  {&per_address_, client},
                                  {&per_address_daily_, client},
                                  {&overall_, "all"}}))
            return too_many(res, *wait);
        if (req.body.size() > 1024) return json_error(res, 413, "an event is a few bytes; at most 1024 are accepted");
        if (req.get_header_value("Content-Type").rfind("application/json", 0) != 0)
            return json_error(res, 415, "send the body as JSON with \"Content-Type: application/json\"");
        auto body = nlohmann::json::parse(req.body, nullptr, false);
        if (body.is_discarded() || !body.is_object())
            return json_error(res, 400, "the body must be a JSON object {\"campaign\": ..., \"event\": ...}");
        for (const auto& [name, value] : body.items())
            if (name != "campaign" && name != "event")
                return json_error(res, 400, "only \"campaign\" and \"event\" are accepted; nothing else is kept");
        if (!body.contains("campaign") || !body["campaign"].is_string() || !body.contains("event") ||
            !body["event"].is_string())
            return json_error(res, 400, "give \"campaign\" and \"event\" as strings");
        const std::string campaign = body["campaign"];
        const std::string event = body["event"];
        if (!is_campaign_event(event))
            return json_error(res, 400, "event must be journey-started, plan-made, return-intent or vote-cast");
        if (!policy_.known(campaign)) return json_error(res, 404, "no such campaign");
        if (auto wait = take_all({{&per_campaign_daily_, campaign}})) return too_many(res, *wait);
        auto counted = store_.count(campaign, event, utc_day_today());
        if (!counted) return json_error(res, 503, "the count could not be stored; try again later");
        json_answer(res, 202, {{"counted", true}});
    });
    auto counts = [this](const httplib::Request& req, httplib::Response& res, bool csv) {
        if (!admit_admin(req, res)) return;
        const std::string id = req.matches[1].str();
        if (!policy_.known(id)) return json_error(res, 404, "no such campaign");
        auto rows = store_.counts(id);
        if (!rows) return json_error(res, 503, "the counts could not be read; try again later");
        if (csv) {
            res.set_header("Cache-Control", "no-store");
            res.set_header("Content-Disposition", "attachment; filename=\"" + id + "-counts.csv\"");
            res.set_content(event_counts_csv(id, rows.value()), "text/csv; charset=utf-8");
            return;
        }
        nlohmann::json list = nlohmann::json::array();
        for (const auto& row : rows.value()) list.push_back({{"day", row.day}, {"event", row.event}, {"count", row.count}});
        json_answer(res, 200, {{"campaign", id}, {"counts", list}});
    };
    http.Get(R"(/api/campaigns/([^/]+)/counts\.csv)",
             [counts](const httplib::Request& req, httplib::Response& res) { counts(req, res, true); });
    http.Get(R"(/api/campaigns/([^/]+)/counts)",
             [counts](const httplib::Request& req, httplib::Response& res) { counts(req, res, false); });
}

}  // namespace stadsmijn::server
