// The poll API's HTTP routes (documented in server/README.md), on top of PollService.
//
//   PollApi api(*service, admin_token, {});
//   ServerConfig config{..., .extra_routes = [&](httplib::Server& http) { api.install(http); }};
//
// This layer does what needs the connection: the per-connection rate limit, the admin token and
// its budgets, the Content-Type and size checks, and response headers. It tells the service who
// sent a request only as a keyed hash of the client's address (ClientAddresses: the key lives in
// memory and changes daily); addresses are never stored or logged.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "server/admin_auth.h"
#include "server/poll_service.h"
#include "server/rate_limit.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace stadsmijn::server {

struct PollApiConfig {
    RateLimit requests_per_connection{.per_second = 50, .burst = 200};
    // Reverse proxies whose X-Real-IP / X-Forwarded-For name the client (--trusted-proxy).
    std::vector<std::string> trusted_proxies{};
};

class PollApi {
public:
    PollApi(PollService& service, AdminToken admin_token, PollApiConfig config = {});
    void install(httplib::Server& http);

private:
    // Nothing when the request may go on; else the refusal already written into `res`.
    bool admit(const httplib::Request& req, httplib::Response& res);
    bool admit_admin(const httplib::Request& req, httplib::Response& res);
    bool admit_json_body(const httplib::Request& req, httplib::Response& res);
    std::string connection_key(const httplib::Request& req) const;
    std::string client_key(const httplib::Request& req) const;

    PollService& service_;
    AdminToken admin_token_;
    RateLimiter connection_limiter_;
    ClientAddresses addresses_;
};

}  // namespace stadsmijn::server
