#include "server/poll_api.h"

#include <httplib.h>

#include <iterator>

#include "core/polls/vote_request.h"
#include "server/gzip.h"
#include "server/http_server.h"
#include "server/request_identity.h"

namespace stadsmijn::server {

namespace {

void send(httplib::Response& res, const ApiResponse& answer, std::string_view accept_encoding = {}) {
    res.status = answer.status;
    res.set_header("Cache-Control", "no-store");
    if (answer.retry_after_seconds > 0) res.set_header("Retry-After", std::to_string(answer.retry_after_seconds));
    if (!answer.download_name.empty())
        res.set_header("Content-Disposition", "attachment; filename=\"" + answer.download_name + "\"");
    if (!answer.shared_body) {
        res.set_content(answer.body, answer.content_type.c_str());
        return;
    }
    // A cached body: served from the shared copy (kept alive by the provider), gzip when accepted.
    res.set_header("Vary", "Accept-Encoding");
    std::shared_ptr<const std::string> bytes = answer.shared_body;
    if (answer.shared_gzip && accepts_gzip(accept_encoding)) {
        bytes = answer.shared_gzip;
        res.set_header("Content-Encoding", "gzip");
    }
    res.set_content_provider(bytes->size(), answer.content_type.c_str(),
                             [bytes](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                                 return write_slice(*bytes, offset, length, sink);
                             });
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
    return true;
}

}  // namespace

PollApi::PollApi(PollService& service, AdminToken admin_token, PollApiConfig config)
    : service_(service),
      admin_token_(std::move(admin_token)),
      connection_limiter_(config.requests_per_connection),
      addresses_(std::move(config.trusted_proxies)) {}

std::string PollApi::connection_key(const httplib::Request& req) const {
    // One TCP connection is one (address, port) pair; keyed-hashed, so not even the memory of the
    // limiter holds an address.
    return address_hash(req.remote_addr + "|" + std::to_string(req.remote_port));
}

std::string PollApi::client_key(const httplib::Request& req) const {
    return client_address_key(addresses_, req);
}

bool PollApi::admit(const httplib::Request& req, httplib::Response& res) {
    if (auto wait = connection_limiter_.take(connection_key(req))) {
        ApiResponse answer = json_error(429, "too many requests on this connection; slow down");
        answer.retry_after_seconds = static_cast<int>(std::max<long long>(1, (wait->count() + 999) / 1000));
        send(res, answer);
        return false;
    }
    return true;
}

bool PollApi::admit_admin(const httplib::Request& req, httplib::Response& res) {
    if (!admit(req, res)) return false;
    AdminDecision decision = check_admin(admin_token_, client_key(req), req);
    if (decision) return true;
    if (decision.status == 401) res.set_header("WWW-Authenticate", "Bearer");
    ApiResponse answer = json_error(decision.status, decision.message);
    if (decision.status == 429)
        answer.retry_after_seconds =
            static_cast<int>(std::max<long long>(1, (decision.retry_after.count() + 999) / 1000));
    send(res, answer);
    return false;
}

bool PollApi::admit_json_body(const httplib::Request& req, httplib::Response& res) {
    if (req.body.size() > polls::kMaxRequestBytes) {
        send(res, json_error(413, "the request body is " + std::to_string(req.body.size()) + " bytes; at most " +
                                      std::to_string(polls::kMaxRequestBytes) + " are accepted"));
        return false;
    }
    if (!starts_with_ignoring_case(req.get_header_value("Content-Type"), "application/json")) {
        send(res, json_error(415, "send the body as JSON with \"Content-Type: application/json\""));
        return false;
    }
    return true;
}

void PollApi::install(httplib::Server& http) {
    http.Get("/api/polls", [this](const httplib::Request& req, httplib::Response& res) {
        if (admit(req, res)) send(res, service_.list_polls());
    });
    http.Get(R"(/api/polls/([^/]+))", [this](const httplib::Request& req, httplib::Response& res) {
        if (admit(req, res)) send(res, service_.poll(req.matches[1].str()));
    });
    http.Post(R"(/api/polls/([^/]+)/votes)", [this](const httplib::Request& req, httplib::Response& res) {
        if (admit(req, res) && admit_json_body(req, res))
            send(res, service_.cast_vote(req.matches[1].str(), req.body, client_key(req)));
    });
    http.Post(R"(/api/polls/([^/]+)/statements)", [this](const httplib::Request& req, httplib::Response& res) {
        if (admit(req, res) && admit_json_body(req, res))
            send(res, service_.submit_statement(req.matches[1].str(), req.body, client_key(req)));
    });
    http.Get(R"(/api/polls/([^/]+)/results)", [this](const httplib::Request& req, httplib::Response& res) {
        if (!admit(req, res)) return;
        if (req.get_param_value_count("municipality") > 1 || req.get_param_value_count("province") > 1) {
            send(res, json_error(400, "give municipality or province once"));
            return;
        }
        send(res,
             service_.results(req.matches[1].str(), req.get_param_value("municipality"),
                              req.get_param_value("province")),
             req.get_header_value("Accept-Encoding"));
    });
    http.Get(R"(/api/polls/([^/]+)/export/([^/]+))", [this](const httplib::Request& req, httplib::Response& res) {
        if (admit_admin(req, res)) send(res, service_.export_file(req.matches[1].str(), req.matches[2].str()));
    });
    http.Get(R"(/api/admin/polls/([^/]+)/statements)", [this](const httplib::Request& req, httplib::Response& res) {
        if (admit_admin(req, res))
            send(res, service_.moderation_queue(req.matches[1].str(), req.get_param_value("status")));
    });
    http.Post(R"(/api/admin/polls/([^/]+)/statements/([^/]+))",
              [this](const httplib::Request& req, httplib::Response& res) {
                  if (admit_admin(req, res) && admit_json_body(req, res))
                      send(res, service_.moderate(req.matches[1].str(), req.matches[2].str(), req.body));
              });

    // Anything else under /api/ gets a JSON answer that says so, whatever the method.
    auto unknown = [](const httplib::Request& req, httplib::Response& res) {
        std::string path = req.path.substr(0, 100);
        send(res, json_error(404, "no such API endpoint: " + req.method + " " + path));
    };
    http.Post(R"(/api/.*)", unknown);
    http.Put(R"(/api/.*)", unknown);
    http.Delete(R"(/api/.*)", unknown);
    http.Patch(R"(/api/.*)", unknown);
}

}  // namespace stadsmijn::server
