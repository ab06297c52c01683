#include "tests/server/municipal/municipal_test_server.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <vector>

#include "server/content_folder.h"
#include "server/sql_database.h"

namespace stadsmijn::testing {

namespace fs = std::filesystem;

namespace {
std::atomic<int> next_scratch{0};

std::string fresh_database(const fs::path& scratch) {
    const char* file = std::getenv("STADSMIJN_TEST_POSTGRES");
    if (!file || !*file) {
        // Outside the server's scratch folder: a restarted server (same database) outlives it.
        // Removed when the test program ends.
        static struct Files {
            std::vector<fs::path> paths;
            ~Files() {
                std::error_code ignored;
                for (const auto& path : paths) fs::remove_all(path, ignored);
            }
        } files;
        fs::path folder = scratch.string() + "-db";
        fs::create_directories(folder);
        files.paths.push_back(folder);
        return (folder / "stadsmijn.sqlite3").string();
    }
    std::ifstream in(file);
    std::string connection;
    std::getline(in, connection);
    auto db = server::open_postgres(connection);
    REQUIRE_MESSAGE(db.ok(), db.error());
    // Only the municipal tables: the poll tests may share this cluster at the same time.
    auto dropped = db.value()->execute_script(
        "DROP TABLE IF EXISTS editors, overlay_versions, place_edits, campaign_edits, audit_log, place_reports CASCADE;"
        "CREATE TABLE IF NOT EXISTS schema_migrations (component TEXT NOT NULL, number INTEGER NOT NULL, "
        "applied TEXT NOT NULL, PRIMARY KEY (component, number));"
        "DELETE FROM schema_migrations WHERE component = 'municipal'");
    REQUIRE_MESSAGE(dropped.ok(), dropped.error());
    return connection;
}
}  // namespace

const Content& shipped_content() {
    static const LoadedContent loaded = [] {
        auto read = server::load_content_folder(fs::path(STADSMIJN_SOURCE_DIR) / "content");
        REQUIRE(read.ok());
        return std::move(read).value();
    }();
    return loaded.content;
}

MunicipalTestServer::MunicipalTestServer(MunicipalTestOptions options)
    : scratch_(fs::temp_directory_path() /
               ("stadsmijn-municipal-" + std::to_string(::getpid()) + "-" + std::to_string(next_scratch++))) {
    fs::remove_all(scratch_);
    fs::create_directories(scratch_);
    std::ofstream(scratch_ / "index.html") << "<!doctype html><title>t</title>";
    database_ = options.database.empty() ? fresh_database(scratch_) : options.database;
    auto store = server::MunicipalStore::open(database_);
    REQUIRE_MESSAGE(store.ok(), store.error());
    store_ = std::move(store).value();
    auto admin = server::AdminToken::from_text(kAdminToken, options.admin_limits);
    REQUIRE(admin.ok());
    api_ = std::make_unique<server::MunicipalApi>(shipped_content(), *store_, admin.value(), options.api);
    server::ServerConfig config{.web_root = scratch_, .host = "127.0.0.1", .port = 0, .threads = 4};
    config.extra_routes = [this](httplib::Server& http) { api_->install(http); };
    auto created = server::HttpServer::create(config);
    REQUIRE_MESSAGE(created.ok(), created.error());
    http_ = std::move(created).value();
    auto bound = http_->bind();
    REQUIRE(bound.ok());
    port_ = bound.value();
    thread_ = std::thread([this] { http_->listen(); });
}

MunicipalTestServer::~MunicipalTestServer() {
    http_->stop();
    thread_.join();
    http_.reset();
    api_.reset();
    store_.reset();
    std::error_code ignored;
    // A second instance on this database may still run: its scratch folder is its own.
    fs::remove_all(scratch_, ignored);
}

std::string Answer::header(const std::string& name) const {
    auto found = headers.find(name);
    return found == headers.end() ? "" : found->second;
}

Answer request(const MunicipalTestServer& server, const std::string& method, const std::string& path,
               const std::string& body, const std::string& token, httplib::Headers headers) {
    httplib::Client client("127.0.0.1", server.port());
    client.set_read_timeout(10, 0);
    if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
    REQUIRE((method == "GET" || method == "POST" || method == "PUT" || method == "DELETE"));
    httplib::Result result = method == "GET"    ? client.Get(path.c_str(), headers)
                             : method == "POST" ? client.Post(path.c_str(), headers, body, "application/json")
                             : method == "PUT"  ? client.Put(path.c_str(), headers, body, "application/json")
                                                : client.Delete(path.c_str(), headers);
    const std::string what = "no HTTP answer to " + method + " " + path;
    REQUIRE_MESSAGE(result, what);
    Answer answer;
    answer.status = result->status;
    answer.body = result->body;
    answer.headers = result->headers;
    answer.json = nlohmann::json::parse(result->body, nullptr, false);
    if (answer.json.is_discarded()) answer.json = nullptr;
    return answer;
}

std::string create_editor(const MunicipalTestServer& server, const std::string& name,
                          const std::vector<std::string>& municipalities) {
    auto answer = request(server, "POST", "/api/editors",
                          nlohmann::json{{"name", name}, {"municipalities", municipalities}}.dump(), kAdminToken);
    REQUIRE_MESSAGE(answer.status == 201, answer.body);
    return answer.json["token"].get<std::string>();
}

}  // namespace stadsmijn::testing
