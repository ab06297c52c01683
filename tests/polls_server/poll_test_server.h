// The real poll server on a loopback port for tests: the store (SQLite file or PostgreSQL), the
// service, the API and the HTTP server, exactly as stadsmijn-server wires them.
//
//   TestServer server;                        // a fresh database per server
//   auto res = server.client().Post("/api/polls/x/votes", body, "application/json");
//
// The database is chosen by the test run (main.cpp): a SQLite file in a temporary folder, or the
// throwaway PostgreSQL cluster of tools/setup/start-postgres.sh, emptied for each server.
#pragma once

#include <httplib.h>

#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <sys/types.h>

#include <nlohmann/json.hpp>

#include "server/http_server.h"
#include "server/poll_api.h"
#include "server/poll_service.h"
#include "server/vote_store.h"

namespace stadsmijn::testing {

inline const std::string kPoll = "grondstoffen-repareren-inleveren";
inline const std::string kAdminToken = "test-admin-token-0123456789";

// "sqlite" or "postgresql": what this run of the test binary uses.
const std::string& backend_under_test();
// A fresh, empty database: a new SQLite path, or the PostgreSQL connection with our tables dropped.
std::string fresh_database(const std::filesystem::path& scratch);
// The shipped content/ (polls, municipalities, sources).
const Content& shipped_content();
std::filesystem::path source_dir();
std::filesystem::path scratch_dir(const std::string& name);

struct TestServerOptions {
    // Limits off (one loopback address plays every participant); abuse_limits_test turns them on.
    server::PollServiceConfig service = server::without_abuse_limits({.votes_per_participant = {},
                                                                      .statements_per_participant = {},
                                                                      .results_refresh = std::chrono::milliseconds(0),
                                                                      .stability_runs = 3,
                                                                      // the tests' polls have a few participants
                                                                      .minimum_participants_per_area = 1});
    server::PollApiConfig api{.requests_per_connection = {}};
    std::string admin_token = kAdminToken;  // empty: no admin token configured
    std::string database{};                 // empty: a fresh one
};

class TestServer {
public:
    explicit TestServer(TestServerOptions options = {});
    ~TestServer();

    httplib::Client client() const;
    int port() const { return port_; }
    server::VoteStore& store() { return *store_; }
    const std::string& database() const { return database_; }

private:
    std::filesystem::path scratch_;
    std::string database_;
    std::unique_ptr<server::VoteStore> store_;
    std::unique_ptr<server::PollService> service_;
    std::unique_ptr<server::PollApi> api_;
    std::unique_ptr<server::HttpServer> http_;
    std::thread thread_;
    int port_ = 0;
};

// Starts a program (args[0] is its path) as a child process, its output appended to `log`.
pid_t start_program(std::vector<std::string> args, const std::string& log);

// Request helpers: JSON bodies in, parsed JSON out (null when the body is not JSON).
struct Answer {
    int status = 0;
    nlohmann::json json;
    std::string body;
    std::string header(const std::string& name) const;
    httplib::Headers headers;
};
Answer get(const TestServer& server, const std::string& path, const std::string& token = "");
Answer post(const TestServer& server, const std::string& path, const std::string& body, const std::string& token = "",
            const std::string& content_type = "application/json");

std::string vote_body(const std::string& participant, long statement, const std::string& vote, const std::string& key,
                      const std::string& municipality = "");
// A pseudonym or key that passes the checks: the prefix padded to 20 characters with digits.
std::string token(const std::string& prefix, long number);

}  // namespace stadsmijn::testing
