#include "tests/polls_server/poll_test_server.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "server/content_folder.h"
#include "server/sql_database.h"

namespace stadsmijn::testing {

namespace fs = std::filesystem;

namespace {
std::atomic<int> next_scratch{0};
}

fs::path source_dir() {
    return STADSMIJN_SOURCE_DIR;
}

fs::path scratch_dir(const std::string& name) {
    fs::path dir = fs::temp_directory_path() / ("stadsmijn-polls-" + std::to_string(::getpid()) + "-" +
                                                std::to_string(next_scratch++) + "-" + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

const std::string& backend_under_test() {
    static const std::string backend = [] {
        const char* file = std::getenv("STADSMIJN_TEST_POSTGRES");
        return std::string(file && *file ? "postgresql" : "sqlite");
    }();
    return backend;
}

std::string fresh_database(const fs::path& scratch) {
    if (backend_under_test() == "sqlite") return (scratch / "polls.sqlite3").string();
    std::ifstream in(std::getenv("STADSMIJN_TEST_POSTGRES"));
    std::string connection;
    std::getline(in, connection);
    auto db = server::open_postgres(connection);
    REQUIRE_MESSAGE(db.ok(), db.error());
    auto dropped = db.value()->execute_script(
        "DROP TABLE IF EXISTS latest_votes, votes, moderation_log, statements, participants, polls CASCADE");
    REQUIRE_MESSAGE(dropped.ok(), dropped.error());
    return connection;
}

const Content& shipped_content() {
    static const LoadedContent loaded = [] {
        auto read = server::load_content_folder(source_dir() / "content");
        REQUIRE(read.ok());
        return std::move(read).value();
    }();
    return loaded.content;
}

TestServer::TestServer(TestServerOptions options) : scratch_(scratch_dir("server")) {
    std::ofstream(scratch_ / "index.html") << "<!doctype html><title>t</title>";
    database_ = options.database.empty() ? fresh_database(scratch_) : options.database;
    auto store = server::VoteStore::open(database_);
    REQUIRE_MESSAGE(store.ok(), store.error());
    store_ = std::move(store).value();
    auto service = server::PollService::create(shipped_content(), *store_, options.service);
    REQUIRE_MESSAGE(service.ok(), service.error());
    service_ = std::move(service).value();
    server::AdminToken admin;
    if (!options.admin_token.empty()) admin = server::AdminToken::from_text(options.admin_token).value();
    api_ = std::make_unique<server::PollApi>(*service_, admin, options.api);
    server::ServerConfig config{.web_root = scratch_, .host = "127.0.0.1", .port = 0, .threads = 16};
    config.extra_routes = [this](httplib::Server& http) { api_->install(http); };
    auto created = server::HttpServer::create(config);
    REQUIRE_MESSAGE(created.ok(), created.error());
    http_ = std::move(created).value();
    auto bound = http_->bind();
    REQUIRE(bound.ok());
    port_ = bound.value();
    thread_ = std::thread([this] { http_->listen(); });
}

TestServer::~TestServer() {
    http_->stop();
    thread_.join();
    http_.reset();
    api_.reset();
    service_.reset();
    store_.reset();
    std::error_code ignored;
    fs::remove_all(scratch_, ignored);
}

httplib::Client TestServer::client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(30, 0);
    client.set_connection_timeout(5, 0);
    return client;
}

std::string Answer::header(const std::string& name) const {
    auto found = headers.find(name);
    return found == headers.end() ? "" : found->second;
}

namespace {
Answer answer_of(const httplib::Result& result) {
    Answer answer;
    REQUIRE_MESSAGE(result, "no HTTP answer (the server did not respond)");
    answer.status = result->status;
    answer.body = result->body;
    answer.headers = result->headers;
    answer.json = nlohmann::json::parse(result->body, nullptr, false);
    if (answer.json.is_discarded()) answer.json = nullptr;
    return answer;
}
httplib::Headers auth(const std::string& token) {
    httplib::Headers headers;
    if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
    return headers;
}
}  // namespace

Answer get(const TestServer& server, const std::string& path, const std::string& token) {
    return answer_of(server.client().Get(path.c_str(), auth(token)));
}

Answer post(const TestServer& server, const std::string& path, const std::string& body, const std::string& token,
            const std::string& content_type) {
    return answer_of(server.client().Post(path.c_str(), auth(token), body, content_type.c_str()));
}

std::string vote_body(const std::string& participant, long statement, const std::string& vote, const std::string& key,
                      const std::string& municipality) {
    nlohmann::json body = {{"participant", participant}, {"statement", statement}, {"vote", vote}, {"key", key}};
    if (!municipality.empty()) body["municipality"] = municipality;
    return body.dump();
}

pid_t start_program(std::vector<std::string> args, const std::string& log) {
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        ::dup2(fd, 1);
        ::dup2(fd, 2);
        std::vector<char*> argv;
        for (auto& arg : args) argv.push_back(arg.data());
        argv.push_back(nullptr);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    return pid;
}

std::string token(const std::string& prefix, long number) {
    std::string digits = std::to_string(number);
    std::string out = prefix + "-";
    while (out.size() + digits.size() < 20) out += '0';
    return out + digits;
}

}  // namespace stadsmijn::testing
