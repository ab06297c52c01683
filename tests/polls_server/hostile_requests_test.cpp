// A corpus of hostile and broken requests: each is answered with a 4xx and a JSON error that
// says what is wrong, the server stays healthy, and the data stays intact.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "core/polls/random.h"
#include "tests/polls_server/poll_test_server.h"

using namespace stadsmijn;
using namespace stadsmijn::testing;
using nlohmann::json;

namespace {

const std::string kVotes = "/api/polls/" + kPoll + "/votes";
const std::string kStatements = "/api/polls/" + kPoll + "/statements";
const std::string kParticipant = "participant-0000000001";
const std::string kKey = "vote-key-00000000001";

std::string with(const std::string& field, const std::string& raw_value) {
    json body = {{"participant", kParticipant}, {"statement", 1}, {"vote", "agree"}, {"key", kKey}};
    std::string text = body.dump();
    // Replace the field's value with raw JSON text (which may be invalid on purpose).
    const std::string needle = "\"" + field + "\":";
    const std::size_t at = text.find(needle);
    if (at == std::string::npos) return text.substr(0, text.size() - 1) + ",\"" + field + "\":" + raw_value + "}";
    std::size_t end = at + needle.size();
    int depth = 0;
    bool in_string = false;
    for (; end < text.size(); ++end) {
        char c = text[end];
        if (in_string) {
            if (c == '\\')
                ++end;
            else if (c == '"')
                in_string = false;
            continue;
        }
        if (c == '"')
            in_string = true;
        else if (c == '{' || c == '[')
            ++depth;
        else if ((c == '}' || c == ']') && depth-- == 0)
            break;
        else if (c == ',' && depth == 0)
            break;
    }
    return text.substr(0, at + needle.size()) + raw_value + text.substr(end);
}

// Sends raw bytes on a fresh connection and returns the status code of the answer (0: none).
int raw_request(int port, const std::string& bytes) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    timeval timeout{5, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) break;  // the server may stop reading early (413): that is fine
        sent += static_cast<std::size_t>(n);
    }
    std::string answer;
    char buffer[4096];
    for (;;) {
        ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) break;
        answer.append(buffer, static_cast<std::size_t>(n));
        if (answer.find("\r\n\r\n") != std::string::npos) break;
    }
    ::close(fd);
    if (!answer.starts_with("HTTP/1.1 ")) return 0;
    return std::atoi(answer.c_str() + 9);
}

struct Case {
    std::string name;
    std::string method;  // GET or POST
    std::string path;
    std::string body;
    std::string content_type = "application/json";
    std::string token{};
};

}  // namespace

TEST_CASE("every request of the hostile corpus gets a 4xx with a JSON error, and the server stays healthy") {
    TestServer server;
    const std::string nested(2000, '[');
    std::vector<Case> corpus = {
        // Malformed JSON
        {"empty body", "POST", kVotes, ""},
        {"half an object", "POST", kVotes, "{\"participant\":"},
        {"trailing comma", "POST", kVotes, R"({"participant":"participant-0000000001",})"},
        {"trailing garbage", "POST", kVotes, with("vote", "\"agree\"") + " garbage"},
        {"single quotes", "POST", kVotes, "{'participant':'participant-0000000001'}"},
        {"a bare string", "POST", kVotes, "\"agree\""},
        {"null", "POST", kVotes, "null"},
        {"an array", "POST", kVotes, "[{\"vote\":\"agree\"}]"},
        {"deep nesting", "POST", kVotes, nested},
        {"a lone surrogate escape", "POST", kVotes, with("participant", "\"\\ud800participant-000001\"")},
        {"a NUL escape in an id", "POST", kVotes, with("participant", "\"participant\\u0000-0000001\"")},
        // Wrong types
        {"statement as text", "POST", kVotes, with("statement", "\"1\"")},
        {"statement as list", "POST", kVotes, with("statement", "[1]")},
        {"statement as object", "POST", kVotes, with("statement", "{\"id\":1}")},
        {"statement null", "POST", kVotes, with("statement", "null")},
        {"statement true", "POST", kVotes, with("statement", "true")},
        {"statement fraction", "POST", kVotes, with("statement", "1.5")},
        {"statement negative", "POST", kVotes, with("statement", "-1")},
        {"statement zero", "POST", kVotes, with("statement", "0")},
        {"statement huge", "POST", kVotes, with("statement", "1e308")},
        {"statement beyond 64 bits", "POST", kVotes, with("statement", "123456789012345678901234567890")},
        {"vote as number", "POST", kVotes, with("vote", "-1")},
        {"vote as list", "POST", kVotes, with("vote", "[\"agree\"]")},
        {"vote in capitals", "POST", kVotes, with("vote", "\"AGREE\"")},
        {"participant as number", "POST", kVotes, with("participant", "12345678901234567890")},
        {"participant as object", "POST", kVotes, with("participant", "{}")},
        {"key null", "POST", kVotes, with("key", "null")},
        {"municipality as number", "POST", kVotes, with("municipality", "363")},
        {"an unknown field", "POST", kVotes, with("ip_address", "\"127.0.0.1\"")},
        // Sizes
        {"a 5 KB body", "POST", kVotes, with("key", "\"" + std::string(5000, 'k') + "\"")},
        {"a 200 KB body", "POST", kVotes, std::string(200 * 1024, ' ')},
        {"a 100 KB statement", "POST", kStatements,
         json{{"participant", kParticipant}, {"text", std::string(100000, 'a')}, {"key", kKey}}.dump()},
        {"a 241-character statement", "POST", kStatements,
         json{{"participant", kParticipant}, {"text", std::string(241, 'a')}, {"key", kKey}}.dump()},
        {"an empty statement", "POST", kStatements,
         json{{"participant", kParticipant}, {"text", "   "}, {"key", kKey}}.dump()},
        {"a statement of control characters", "POST", kStatements,
         json{{"participant", kParticipant}, {"text", "hello\x01\x02\x03 world of text"}, {"key", kKey}}.dump()},
        {"a key of 10 000 characters", "POST", kVotes, with("key", "\"" + std::string(10000, 'k') + "\"")},
        // Invalid UTF-8
        {"a 0xFF byte in a string", "POST", kVotes, with("participant", "\"participant-\xff\xff-000001\"")},
        {"an overlong slash", "POST", kVotes, with("participant", "\"participant-\xc0\xaf-0000001\"")},
        {"a cut-off sequence", "POST", kStatements,
         "{\"participant\":\"participant-0000000001\",\"text\":\"abc \xe2\x82\",\"key\":\"vote-key-00000000001\"}"},
        {"invalid UTF-8 outside strings", "POST", kVotes, "\xff\xfe{}"},
        // Unknown ids
        {"an unknown poll", "POST", "/api/polls/no-such-poll/votes", with("vote", "\"agree\"")},
        {"an unknown statement", "POST", kVotes, with("statement", "9999")},
        {"an unknown municipality", "POST", kVotes, with("municipality", "\"atlantis\"")},
        {"an unknown poll's results", "GET", "/api/polls/no-such-poll/results", ""},
        {"an unknown export", "GET", "/api/polls/" + kPoll + "/export/passwords.csv", "", "", kAdminToken},
        {"an unknown endpoint", "GET", "/api/nothing-here", ""},
        {"an unknown method", "DELETE", "/api/polls/" + kPoll, ""},
        // Injection strings
        {"SQL in the participant", "POST", kVotes, with("participant", "\"x' OR '1'='1'; DROP TABLE votes;--\"")},
        {"SQL in the key", "POST", kVotes, with("key", "\"1'); DELETE FROM votes;--\"")},
        {"SQL in the municipality", "POST", kVotes, with("municipality", "\"haarlem'; DROP TABLE participants;--\"")},
        {"SQL in the poll path", "POST", "/api/polls/x'%3B%20DROP%20TABLE%20polls%3B--/votes",
         with("vote", "\"agree\"")},
        {"path traversal", "GET", "/api/polls/..%2F..%2F..%2Fetc%2Fpasswd", ""},
        {"path traversal in an export", "GET", "/api/polls/" + kPoll + "/export/..%2F..%2Fstadsmijn.sqlite3", "", "",
         kAdminToken},
        {"script in the municipality", "GET",
         "/api/polls/" + kPoll + "/results?municipality=%3Cscript%3Ealert(1)%3C/script%3E", ""},
        {"NUL in the municipality", "GET", "/api/polls/" + kPoll + "/results?municipality=haarlem%00", ""},
        {"two municipalities", "GET", "/api/polls/" + kPoll + "/results?municipality=haarlem&municipality=almere", ""},
        {"invalid UTF-8 in the path", "GET", "/api/polls/%FF%FE", ""},
        {"invalid UTF-8 in an unknown API path", "GET", "/api/%FF%FE", ""},
        {"a header-injection token", "GET", "/api/admin/polls/" + kPoll + "/statements", "", "", "x\r\nX-Admin: yes"},
        {"moderation with a vote body", "POST", "/api/admin/polls/" + kPoll + "/statements/1",
         with("vote", "\"agree\""), "application/json", kAdminToken},
        {"moderation of statement -1", "POST", "/api/admin/polls/" + kPoll + "/statements/-1",
         R"({"decision":"accept"})", "application/json", kAdminToken},
        {"moderation of a statement id of 30 digits", "POST",
         "/api/admin/polls/" + kPoll + "/statements/123456789012345678901234567890", R"({"decision":"accept"})",
         "application/json", kAdminToken},
        // Content types
        {"a form post", "POST", kVotes, "participant=x&vote=agree", "application/x-www-form-urlencoded"},
        {"text/plain", "POST", kVotes, with("vote", "\"agree\""), "text/plain"},
    };

    for (const auto& c : corpus) {
        CAPTURE(c.name);
        auto client = server.client();
        httplib::Headers headers;
        if (!c.token.empty()) headers.emplace("Authorization", "Bearer " + c.token);
        httplib::Result result = c.method == "GET" ? client.Get(c.path.c_str(), headers)
                                 : c.method == "DELETE"
                                     ? client.Delete(c.path.c_str(), headers)
                                     : client.Post(c.path.c_str(), headers, c.body, c.content_type.c_str());
        if (c.name == "a header-injection token") {
            // httplib refuses to send a header with a line break: nothing reached the server.
            CHECK(true);
        } else {
            REQUIRE_MESSAGE(result, "no answer");
            CHECK(result->status >= 400);
            CHECK(result->status < 500);
            auto body = json::parse(result->body, nullptr, false);
            CHECK_MESSAGE(body.is_object(), result->body.substr(0, 200));
            if (body.is_object()) CHECK(body["error"].is_string());
        }
        auto health = server.client().Get("/healthz");
        REQUIRE(health);
        CHECK(health->status == 200);
    }
    // Nothing of that reached the tables: no votes, no statements beyond the poll's own.
    CHECK(server.store().vote_history(kPoll).value().empty());
    CHECK(server.store().statements(kPoll).value().size() == shipped_content().find_poll(kPoll)->statements.size());
    CHECK(post(server, kVotes, vote_body(kParticipant, 1, "agree", kKey)).status == 200);
}

TEST_CASE("broken HTTP itself is refused and the server keeps serving") {
    TestServer server;
    const int port = server.port();
    const std::vector<std::pair<std::string, std::string>> corpus = {
        {"a garbage request line", "GARBAGE\r\n\r\n"},
        {"a lying Content-Length",
         "POST " + std::string("/api/polls/x/votes") +
             " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 99999999999\r\n\r\n{}"},
        {"a negative Content-Length", "POST /api/polls/x/votes HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n"},
        {"a chunked body over the limit",
         "POST /api/polls/" + kPoll +
             "/votes HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" +
             [] {
                 std::string chunks;
                 for (int i = 0; i < 80; ++i) chunks += "400\r\n" + std::string(1024, 'x') + "\r\n";
                 return chunks + "0\r\n\r\n";
             }()},
        {"a 100 KB header",
         "GET /api/polls HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(100 * 1024, 'a') + "\r\n\r\n"},
        {"HTTP/0.9", "GET /api/polls\r\n\r\n"},
        {"an admin token with a NUL inside", "GET /api/admin/polls/" + kPoll + "/statements HTTP/1.1\r\nHost: x\r\n" +
                                                 "Authorization: Bearer " + kAdminToken + std::string("\0x", 2) +
                                                 "\r\n\r\n"},
    };
    for (const auto& [name, bytes] : corpus) {
        CAPTURE(name);
        const int status = raw_request(port, bytes);
        // The edge refuses a control character in any header value (400, server/request_guard.h);
        // were it let through, the token check answers 401. Never 200.
        if (name.starts_with("an admin token")) CHECK((status == 400 || status == 401));
        if (status != 0) {  // some are simply dropped, which is also fine
            CHECK(status >= 400);
            CHECK(status < 500);
        }
        auto health = server.client().Get("/healthz");
        REQUIRE(health);
        CHECK(health->status == 200);
    }
}

TEST_CASE("a statement full of injection text is stored as plain text and served escaped") {
    TestServer server;
    const std::string text = "Robert'); DROP TABLE statements;-- <script>alert(\"x\")</script>";
    auto submitted =
        post(server, kStatements, json{{"participant", kParticipant}, {"text", text}, {"key", kKey}}.dump());
    REQUIRE(submitted.status == 202);
    auto queue = get(server, "/api/admin/polls/" + kPoll + "/statements", kAdminToken);
    REQUIRE(queue.status == 200);
    REQUIRE(queue.json["statements"].size() == 1);
    CHECK(queue.json["statements"][0]["text"] == text);
    CHECK(queue.header("Content-Type").find("application/json") == 0);
    CHECK(server.store().statements(kPoll).value().size() == shipped_content().find_poll(kPoll)->statements.size() + 1);
}

TEST_CASE("a thousand randomly damaged vote bodies never get a 5xx and never store a malformed vote") {
    TestServer server;
    const std::string valid = vote_body(kParticipant, 4, "disagree", kKey, "haarlem");
    polls::SplitMix64 random(20261128);
    auto client = server.client();
    int stored = 0;
    for (int round = 0; round < 1000; ++round) {
        std::string body = valid;
        const int damage = 1 + static_cast<int>(random.below(3));
        for (int d = 0; d < damage; ++d) {
            const std::size_t at = random.below(body.size());
            switch (random.below(3)) {
                case 0:
                    body[at] = static_cast<char>(random.next());
                    break;  // flip a byte
                case 1:
                    body.erase(at, 1 + random.below(4));
                    break;  // cut
                default:
                    body.insert(at, 1, static_cast<char>(random.next()));  // insert
            }
        }
        auto res = client.Post(kVotes.c_str(), body, "application/json");
        REQUIRE(res);
        CAPTURE(body);
        CHECK(res->status < 500);
        stored += res->status == 200;
    }
    // Whatever was accepted parses as a proper vote when read back.
    auto history = server.store().vote_history(kPoll);
    REQUIRE(history.ok());
    for (const auto& v : history.value()) {
        CHECK(v.statement >= 1);
        CHECK(v.statement <= 17);
    }
    MESSAGE(stored << " of 1000 damaged bodies were still valid votes");
    CHECK(server.client().Get("/healthz")->status == 200);
}
