// The municipal self-service routes on a real server on loopback (issue 18), as stadsmijn-server
// wires them, on a SQLite file or on the throwaway PostgreSQL cluster (STADSMIJN_TEST_POSTGRES).
//
//   MunicipalTestServer server;                          // a fresh database
//   MunicipalTestServer second({.database = server.database()});   // another instance on it
//   auto answer = request(server, "PUT", "/api/places/x", body, token, {{"If-Match", "\"0\""}});
#pragma once

#include <httplib.h>

#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "server/http_server.h"
#include "server/municipal_api.h"
#include "server/municipal_store.h"

namespace stadsmijn::testing {

inline const std::string kAdminToken = "test-admin-token-0123456789";

struct MunicipalTestOptions {
    std::string database{};  // empty: a fresh one
    server::MunicipalApiConfig api{};
    server::AdminLimits admin_limits{};
};

class MunicipalTestServer {
public:
    explicit MunicipalTestServer(MunicipalTestOptions options = {});
    ~MunicipalTestServer();
    int port() const { return port_; }
    const std::string& database() const { return database_; }

private:
    std::filesystem::path scratch_;
    std::string database_;
    std::unique_ptr<server::MunicipalStore> store_;
    std::unique_ptr<server::MunicipalApi> api_;
    std::unique_ptr<server::HttpServer> http_;
    std::thread thread_;
    int port_ = 0;
};

const Content& shipped_content();

struct Answer {
    int status = 0;
    nlohmann::json json;
    std::string body;
    httplib::Headers headers;
    std::string header(const std::string& name) const;
};

Answer request(const MunicipalTestServer& server, const std::string& method, const std::string& path,
               const std::string& body = "", const std::string& token = "", httplib::Headers headers = {});

// Creates an editor through the API and returns its token.
std::string create_editor(const MunicipalTestServer& server, const std::string& name,
                          const std::vector<std::string>& municipalities);

}  // namespace stadsmijn::testing
