// stadsmijn-server: serves the web app and its APIs.
//   stadsmijn-server --web DIR [--host 127.0.0.1] [--port 8080] [--threads N]
//                    [--db FILE|postgresql://...] [--content DIR] [--admin-token-file FILE]
//                    [--votes-per-second N] [--requests-per-second N] [--embed-demo-origin ORIGIN]...
//                    [--trusted-proxy ADDRESS]... [--no-abuse-limits]
//   stadsmijn-server --import-polis DIR --poll ID [--db ...]    (imports, then exits)
// The database is a SQLite file (default build/stadsmijn.sqlite3) or PostgreSQL; the
// STADSMIJN_DATABASE_URL environment variable is used when --db is not given. The admin token
// comes from STADSMIJN_ADMIN_TOKEN or --admin-token-file, never from the command line.
#include <arpa/inet.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "server/admin_auth.h"
#include "server/campaign_api.h"
#include "server/campaigns.h"
#include "server/content_folder.h"
#include "server/http_server.h"
#include "server/municipal_api.h"
#include "server/municipal_store.h"
#include "server/polis_import.h"
#include "server/poll_api.h"
#include "server/poll_service.h"
#include "server/vote_store.h"

namespace {
stadsmijn::server::HttpServer* running = nullptr;
void stop_on_signal(int) {
    if (running) running->stop();
}

const char* kUsage =
    "usage: %s --web DIR [--host HOST] [--port PORT] [--threads N] [--db FILE|postgresql://...]\n"
    "          [--content DIR] [--admin-token-file FILE] [--votes-per-second N] [--requests-per-second N]\n"
    "          [--embed-demo-origin http://localhost:PORT]  (a local page allowed to embed every campaign)\n"
    "          [--trusted-proxy ADDRESS]  (a reverse proxy whose X-Real-IP/X-Forwarded-For are believed)\n"
    "          [--open-data-licence TEXT]  (the licence of the places exports; default CC BY 4.0)\n"
    "          [--no-abuse-limits]  (benchmarks only: one address plays many people; per-participant limits stay)\n"
    "       %s --import-polis DIR --poll ID [--db ...]\n";

std::string database_label(const std::string& database) {
    // A connection string can hold a password: only the kind of database is printed.
    return stadsmijn::server::is_postgres_connection(database) ? "PostgreSQL" : "SQLite " + database;
}

bool is_ip_address(const std::string& text) {
    unsigned char bytes[16];
    return inet_pton(AF_INET, text.c_str(), bytes) == 1 || inet_pton(AF_INET6, text.c_str(), bytes) == 1;
}
}  // namespace

int main(int argc, char** argv) {
    using namespace stadsmijn::server;
    ServerConfig config;
    config.threads = 32;  // httplib keeps a thread per open keep-alive connection
    std::string database;
    std::string content_dir;
    std::string admin_token_file;
    std::string import_dir;
    std::string import_poll;
    PollServiceConfig service_config;
    PollApiConfig api_config;
    CampaignApiConfig campaign_config;
    MunicipalApiConfig municipal_config;
    std::vector<std::string> embed_demo_origins;
    bool usage_error = false;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        auto value = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
        if (arg == "--web") {
            config.web_root = value();
        } else if (arg == "--host") {
            config.host = value();
        } else if (arg == "--port") {
            config.port = std::atoi(value().c_str());
        } else if (arg == "--threads") {
            config.threads = std::atoi(value().c_str());
        } else if (arg == "--db") {
            database = value();
        } else if (arg == "--content") {
            content_dir = value();
        } else if (arg == "--admin-token-file") {
            admin_token_file = value();
        } else if (arg == "--votes-per-second") {
            service_config.votes_per_participant.per_second = std::atof(value().c_str());
        } else if (arg == "--requests-per-second") {
            api_config.requests_per_connection.per_second = std::atof(value().c_str());
        } else if (arg == "--embed-demo-origin") {
            embed_demo_origins.push_back(value());
            usage_error = usage_error || !is_plain_origin(embed_demo_origins.back());
        } else if (arg == "--trusted-proxy") {
            const std::string proxy = value();
            usage_error = usage_error || !is_ip_address(proxy);
            api_config.trusted_proxies.push_back(proxy);
            municipal_config.trusted_proxies.push_back(proxy);
            campaign_config.trusted_proxies.push_back(proxy);
        } else if (arg == "--no-abuse-limits") {
            service_config = without_abuse_limits(service_config);
            campaign_config.events_per_address = {};
            campaign_config.events_per_address_per_day = 0;
            campaign_config.events_per_campaign_per_day = 0;
        } else if (arg == "--open-data-licence") {
            municipal_config.open_data_licence = value();
            usage_error = usage_error || municipal_config.open_data_licence.empty();
        } else if (arg == "--import-polis") {
            import_dir = value();
        } else if (arg == "--poll") {
            import_poll = value();
        } else {
            usage_error = true;
        }
    }
    const bool importing = !import_dir.empty();
    if (usage_error || (!importing && config.web_root.empty()) || (importing && import_poll.empty()) ||
        config.port < 0 || config.port > 65535 || config.threads < 1) {
        std::fprintf(stderr, kUsage, argv[0], argv[0]);
        return 2;
    }
    if (database.empty()) {
        const char* from_environment = std::getenv("STADSMIJN_DATABASE_URL");
        database = from_environment && *from_environment ? from_environment : "build/stadsmijn.sqlite3";
    }

    auto store = VoteStore::open(database);
    if (!store) {
        std::fprintf(stderr, "stadsmijn-server: %s\n", store.error().c_str());
        return 1;
    }

    if (importing) {
        auto import = read_polis_export(import_dir, import_poll);
        if (!import) {
            std::fprintf(stderr, "stadsmijn-server: %s\n", import.error().c_str());
            return 1;
        }
        for (const auto& note : import.value().notes) std::printf("  %s\n", note.c_str());
        auto stored = store.value()->import_poll(import.value().poll);
        if (!stored) {
            std::fprintf(stderr, "stadsmijn-server: %s\n", stored.error().c_str());
            return 1;
        }
        std::printf("Imported %s into poll \"%s\" (%s)\n", import_dir.c_str(), import_poll.c_str(),
                    database_label(database).c_str());
        return 0;
    }

    if (content_dir.empty())
        content_dir = std::filesystem::is_directory("content") ? "content" : STADSMIJN_SOURCE_CONTENT;
    auto content = load_content_folder(content_dir);
    if (!content) {
        std::fprintf(stderr, "stadsmijn-server: %s\n", content.error().c_str());
        return 1;
    }
    if (!content.value().problems.empty())
        std::fprintf(stderr, "stadsmijn-server: content/ has %zu problem(s); run content-lint to see them\n",
                     content.value().problems.size());
    auto token = AdminToken::load(std::getenv("STADSMIJN_ADMIN_TOKEN"), admin_token_file);
    if (!token) {
        std::fprintf(stderr, "stadsmijn-server: %s\n", token.error().c_str());
        return 1;
    }
    // The origins go into a Content-Security-Policy header as they are: a wrong one must not
    // quietly widen (or break) what may frame the app.
    if (auto invalid = invalid_campaign_origins(content.value().content.campaigns); !invalid.empty()) {
        for (const auto& problem : invalid) std::fprintf(stderr, "stadsmijn-server: %s\n", problem.c_str());
        std::fprintf(stderr, "stadsmijn-server: not started: fix the campaigns' allowed_origins above\n");
        return 1;
    }
    EmbedPolicy embed_policy(content.value().content.campaigns, embed_demo_origins);
    auto event_store = CampaignEventStore::open(database);
    if (!event_store) {
        std::fprintf(stderr, "stadsmijn-server: %s\n", event_store.error().c_str());
        return 1;
    }
    CampaignApi campaign_api(embed_policy, *event_store.value(), token.value(), campaign_config);
    config.before_static = [&campaign_api](const httplib::Request& req, httplib::Response& res) {
        return campaign_api.serve_page(req, res);
    };
    // Edited places, editors, reports: the same database, their own tables and connection.
    auto municipal_store = MunicipalStore::open(database);
    if (!municipal_store) {
        std::fprintf(stderr, "stadsmijn-server: %s\n", municipal_store.error().c_str());
        return 1;
    }
    const stadsmijn::Content municipal_content = content.value().content;  // the poll service takes its own
    MunicipalApi municipal_api(municipal_content, *municipal_store.value(), token.value(), municipal_config);
    auto service = PollService::create(std::move(content.value().content), *store.value(), service_config);
    if (!service) {
        std::fprintf(stderr, "stadsmijn-server: %s\n", service.error().c_str());
        return 1;
    }
    PollApi api(*service.value(), token.value(), api_config);
    config.extra_routes = [&api, &campaign_api, &municipal_api](httplib::Server& http) {
        municipal_api.install(http);
        campaign_api.install(http);
        api.install(http);
    };

    auto server = HttpServer::create(config);
    if (!server) {
        std::fprintf(stderr, "stadsmijn-server: %s\n", server.error().c_str());
        return 1;
    }
    auto port = server.value()->bind();
    if (!port) {
        std::fprintf(stderr, "stadsmijn-server: %s\n", port.error().c_str());
        return 1;
    }
    running = server.value().get();
    std::signal(SIGINT, stop_on_signal);
    std::signal(SIGTERM, stop_on_signal);
    std::printf("Stadsmijn is running at http://%s:%d/  (Ctrl-C stops it)\n", config.host.c_str(), port.value());
    std::printf("  polls: %s%s\n", database_label(database).c_str(),
                token.value().configured() ? ", admin endpoints open to the admin token" : ", admin endpoints closed");
    std::fflush(stdout);
    server.value()->listen();
    auto commits = store.value()->commit_stats();
    std::printf("stadsmijn-server: stopped (%llu votes written in %llu commits, largest batch %zu)\n",
                static_cast<unsigned long long>(commits.votes), static_cast<unsigned long long>(commits.commits),
                commits.largest_batch);
    return 0;
}
