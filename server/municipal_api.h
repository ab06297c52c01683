// The municipal self-service routes (issue 18; documented in server/README.md, "Municipal
// self-service"): editor accounts, places with versions and If-Match, the public overlay of edited
// places, residents' reports and the editors' queue, the audit log and open-data exports.
//
//   MunicipalApi municipal(content, *municipal_store, admin_token, {});
//   config.extra_routes = [&](httplib::Server& http) { municipal.install(http); ... };
//
// Every route is bounded before its body is read: the edge refuses bodies over the route's limit
// (request_guard.cpp), and the token budgets or per-address limits are taken before the body is
// parsed. Addresses are only keyed in-memory hashes (rate_limit.h), never stored or logged.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/content/content.h"
#include "server/admin_auth.h"
#include "server/municipal_store.h"
#include "server/rate_limit.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace stadsmijn::server {

struct MunicipalApiConfig {
    // Reports from residents, per address: like statements (burst 20, then 20 an hour, 60 a day).
    RateLimit reports_per_address{.per_second = 20.0 / 3600, .burst = 20};
    std::int64_t reports_per_address_per_day = 60;
    // All reports together: what a few editors can read in an hour.
    RateLimit reports_overall{.per_second = 300.0 / 3600, .burst = 300};
    // Public reads (the overlay, exports), per address.
    RateLimit reads_per_address{.per_second = 20, .burst = 200};
    // The licence of the exported open data (GeoJSON "licence", CSV column), set by the province.
    std::string open_data_licence = "CC BY 4.0";
    std::vector<std::string> trusted_proxies{};
    // The bundled campaigns as written in content/campaigns/<id>.json (id -> JSON text), for
    // GET /api/campaigns; edited ones come from the database.
    std::map<std::string, std::string> bundled_campaigns{};
};

// Who is calling: the province administrator, or an editor with their municipalities.
struct Caller {
    bool admin = false;
    EditorAccount editor;
    bool covers(const std::string& municipality) const;
    std::string name() const;  // for the audit log and "entered by"
};

class MunicipalApi {
public:
    MunicipalApi(const Content& content, MunicipalStore& store, AdminToken admin_token, MunicipalApiConfig config = {});
    void install(httplib::Server& http);
    // The stored (edited) campaign of this id, for EmbedPolicy::set_edited_lookup.
    std::optional<Campaign> edited_campaign(const std::string& id);

private:
    std::optional<Caller> authenticate(const httplib::Request& req, httplib::Response& res, bool admin_only);
    bool admit_read(const httplib::Request& req, httplib::Response& res);
    // ?municipality=X of a list route: X when the caller edits it ("" for the admin's "all").
    std::optional<std::string> municipality_in_scope(const httplib::Request& req, httplib::Response& res);

    const Content& content_;
    MunicipalStore& store_;
    AdminToken admin_token_;
    MunicipalApiConfig config_;
    ClientAddresses addresses_;
    RateLimiter reports_per_address_;
    DailyCap reports_per_address_daily_;
    RateLimiter reports_overall_;
    RateLimiter reads_per_address_;
    std::mutex overlay_mutex_;
    std::int64_t overlay_cached_version_ = -1;
    std::string overlay_cached_body_;
};

}  // namespace stadsmijn::server
