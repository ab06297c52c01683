// The public poll API over real HTTP: polls, votes, statements, moderation, results and exports.
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <set>
#include <thread>

#include <zlib.h>
#include "core/polls/opinion_groups_json.h"
#include "core/polls/polis_csv.h"

#include "server/admin_auth.h"
#include "server/gzip.h"
#include "server/polis_import.h"
#include "tests/polls_server/poll_test_server.h"

using namespace stadsmijn;
using namespace stadsmijn::testing;
using nlohmann::json;

namespace {

const std::string kVotes = "/api/polls/" + kPoll + "/votes";
const std::string kStatements = "/api/polls/" + kPoll + "/statements";
const std::string kResults = "/api/polls/" + kPoll + "/results";

int votes_of(const json& results, long statement, const char* kind) {
    for (const auto& s : results["statements"])
        if (s["statement"] == statement) return s["votes"][kind].get<int>();
    return 0;
}

// Two camps of `per_camp` participants each: camp A agrees with statements 1-8 and disagrees with
// 9-16, camp B the opposite. Camp A lives in Haarlem, camp B in Almere.
void vote_in_two_camps(const TestServer& server, int per_camp) {
    for (int camp = 0; camp < 2; ++camp)
        for (int p = 0; p < per_camp; ++p) {
            const std::string participant = token(camp == 0 ? "camp-a" : "camp-b", p);
            for (long s = 1; s <= 16; ++s) {
                const bool agree = (s <= 8) == (camp == 0);
                auto answer = post(server, kVotes,
                                   vote_body(participant, s, agree ? "agree" : "disagree",
                                             token(participant.substr(0, 6) + "-k" + std::to_string(p), s),
                                             camp == 0 ? "haarlem" : "almere"));
                REQUIRE(answer.status == 200);
            }
        }
}

void write_file(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

}  // namespace

TEST_CASE("the sample poll is listed and shows its statements with the sources behind them") {
    TestServer server;
    auto list = get(server, "/api/polls");
    REQUIRE(list.status == 200);
    REQUIRE(list.json["polls"].size() >= 1);
    CHECK(list.json["polls"][0]["id"] == kPoll);
    CHECK(list.json["polls"][0]["open"] == true);

    auto poll = get(server, "/api/polls/" + kPoll);
    REQUIRE(poll.status == 200);
    CHECK(poll.header("Cache-Control") == "no-store");
    const json& statements = poll.json["statements"];
    CHECK(statements.size() == shipped_content().find_poll(kPoll)->statements.size());
    CHECK(statements[0]["text"]["nl"].get<std::string>().size() > 10);
    CHECK(statements[0]["text"]["en"].get<std::string>().size() > 10);
    bool some_source_has_url = false;
    for (const auto& s : statements)
        for (const auto& source : s["links"]["sources"])
            some_source_has_url |= source["url"].get<std::string>().starts_with("http");
    CHECK(some_source_has_url);
    CHECK(poll.json["limits"]["statement_max_characters"] == 240);

    auto missing = get(server, "/api/polls/no-such-poll");
    CHECK(missing.status == 404);
    CHECK(missing.json["error"].get<std::string>().find("no poll \"no-such-poll\"") == 0);
}

TEST_CASE("a vote is stored once: the same key again changes nothing and says duplicate") {
    TestServer server;
    const std::string body = vote_body(token("alice", 1), 3, "agree", token("vote", 1), "haarlem");
    auto first = post(server, kVotes, body);
    REQUIRE(first.status == 200);
    CHECK(first.json["status"] == "stored");
    for (int again = 0; again < 3; ++again) {
        auto replay = post(server, kVotes, body);
        CHECK(replay.status == 200);
        CHECK(replay.json["status"] == "duplicate");
    }
    auto history = server.store().vote_history(kPoll);
    REQUIRE(history.ok());
    CHECK(history.value().size() == 1);
    auto results = get(server, kResults);
    CHECK(votes_of(results.json, 3, "agree") == 1);
    CHECK(results.json["counts"]["votes"] == 1);
}

TEST_CASE("a changed vote with a new key replaces the earlier one, and a replayed old key does not undo it") {
    TestServer server;
    const std::string participant = token("bob", 1);
    const std::string old_vote = vote_body(participant, 5, "agree", token("vote", 1));
    REQUIRE(post(server, kVotes, old_vote).status == 200);
    REQUIRE(post(server, kVotes, vote_body(participant, 5, "disagree", token("vote", 2))).status == 200);
    auto replay = post(server, kVotes, old_vote);  // a late retry of the first request
    CHECK(replay.json["status"] == "duplicate");
    auto results = get(server, kResults);
    CHECK(votes_of(results.json, 5, "agree") == 0);
    CHECK(votes_of(results.json, 5, "disagree") == 1);
    CHECK(server.store().vote_history(kPoll).value().size() == 2);
}

TEST_CASE("a key reused for a different vote is refused with 409 and the first vote stands") {
    TestServer server;
    REQUIRE(post(server, kVotes, vote_body(token("carol", 1), 2, "agree", token("vote", 7))).status == 200);
    auto reused = post(server, kVotes, vote_body(token("carol", 1), 2, "disagree", token("vote", 7)));
    CHECK(reused.status == 409);
    CHECK(reused.json["error"].get<std::string>().find("key:") == 0);
    auto other_participant = post(server, kVotes, vote_body(token("dave", 1), 2, "agree", token("vote", 7)));
    CHECK(other_participant.status == 409);
    CHECK(votes_of(get(server, kResults).json, 2, "agree") == 1);
}

TEST_CASE("votes arriving together on many connections are all stored, with fewer commits than votes") {
    TestServer server;
    constexpr int kThreads = 8, kPerThread = 25;
    std::vector<std::thread> threads;
    std::atomic<int> acknowledged{0};
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&, t] {
            auto client = server.client();
            for (int i = 0; i < kPerThread; ++i) {
                auto res = client.Post(kVotes.c_str(),
                                       vote_body(token("voter" + std::to_string(t), i), 1 + i % 17, "agree",
                                                 token("k" + std::to_string(t), i)),
                                       "application/json");
                if (res && res->status == 200) ++acknowledged;
            }
        });
    for (auto& thread : threads) thread.join();
    CHECK(acknowledged == kThreads * kPerThread);
    CHECK(server.store().vote_history(kPoll).value().size() == kThreads * kPerThread);
    auto stats = server.store().commit_stats();
    CHECK(stats.votes == kThreads * kPerThread);
    MESSAGE("group commit: " << stats.votes << " votes in " << stats.commits << " commits, largest batch "
                             << stats.largest_batch);
}

TEST_CASE("a participant's statement waits in moderation and is shown and votable only once accepted") {
    TestServer server;
    const std::string author = token("erin", 1);
    json body = {{"participant", author},
                 {"text", "  Elke wijk verdient   een vast repaircafé. "},
                 {"key", token("st", 1)},
                 {"municipality", "zaanstad"}};
    auto submitted = post(server, kStatements, body.dump());
    REQUIRE(submitted.status == 202);
    CHECK(submitted.json["status"] == "pending");
    const long id = submitted.json["statement"].get<long>();
    CHECK(id >= 10000);
    auto again = post(server, kStatements, body.dump());
    CHECK(again.json["duplicate"] == true);
    CHECK(again.json["statement"] == id);

    auto shown = [&] {
        std::set<long> ids;
        const Answer poll = get(server, "/api/polls/" + kPoll);  // held: a range-for would not keep it alive
        for (const auto& s : poll.json["statements"]) ids.insert(s["id"].get<long>());
        return ids;
    };
    CHECK_FALSE(shown().count(id));
    CHECK(post(server, kVotes, vote_body(token("frank", 1), id, "agree", token("vote", 1))).status == 422);

    auto queue = get(server, "/api/admin/polls/" + kPoll + "/statements", kAdminToken);
    REQUIRE(queue.status == 200);
    REQUIRE(queue.json["statements"].size() == 1);
    CHECK(queue.json["statements"][0]["text"] == "Elke wijk verdient een vast repaircafé.");

    const std::string decide = "/api/admin/polls/" + kPoll + "/statements/" + std::to_string(id);
    auto accepted = post(server, decide, R"({"decision":"accept","note":"on topic"})", kAdminToken);
    REQUIRE(accepted.status == 200);
    CHECK(shown().count(id));
    CHECK(post(server, kVotes, vote_body(token("frank", 1), id, "agree", token("vote", 2))).status == 200);

    auto rejected = post(server, decide, R"({"decision":"reject","note":"duplicate of 17"})", kAdminToken);
    REQUIRE(rejected.status == 200);
    CHECK_FALSE(shown().count(id));
    CHECK(votes_of(get(server, kResults).json, id, "agree") == 0);  // rejected: out of the maths too
    CHECK(get(server, "/api/admin/polls/" + kPoll + "/statements?status=pending", kAdminToken)
              .json["statements"]
              .empty());

    auto log = server.store().moderation_log(kPoll);
    REQUIRE(log.value().size() == 2);
    CHECK(log.value()[1].note == "duplicate of 17");
    CHECK(post(server, "/api/admin/polls/" + kPoll + "/statements/99999", R"({"decision":"accept"})", kAdminToken)
              .status == 404);
    CHECK(post(server, decide, R"({"decision":"maybe"})", kAdminToken).status == 400);
}

TEST_CASE("admin endpoints refuse a missing or wrong token, and are closed when no token is configured") {
    TestServer server;
    const std::string queue = "/api/admin/polls/" + kPoll + "/statements";
    const std::string manifest = "/api/polls/" + kPoll + "/export/manifest.json";
    for (const std::string& path : {queue, manifest}) {
        CAPTURE(path);
        auto none = get(server, path);
        CHECK(none.status == 401);
        CHECK(none.header("WWW-Authenticate") == "Bearer");
        CHECK(get(server, path, "wrong-token-0123456789").status == 401);
        CHECK(get(server, path, kAdminToken + "x").status == 401);
        CHECK(get(server, path, kAdminToken.substr(0, kAdminToken.size() - 1)).status == 401);
        CHECK(get(server, path, kAdminToken).status == 200);
        CHECK(get(server, path, kAdminToken).body.find(kAdminToken) == std::string::npos);
    }
    TestServer closed(TestServerOptions{.admin_token = ""});
    auto refused = get(closed, queue, kAdminToken);
    CHECK(refused.status == 403);
    CHECK(refused.json["error"].get<std::string>().find("no admin token") != std::string::npos);

    CHECK(server::constant_time_equal("abc", "abc"));
    CHECK_FALSE(server::constant_time_equal("abc", "abd"));
    CHECK_FALSE(server::constant_time_equal("abc", "abcd"));
    CHECK_FALSE(server::constant_time_equal("", "a"));
    CHECK_FALSE(server::AdminToken::from_text("short").ok());
}

TEST_CASE("results come in two groups for two camps, and per municipality and province") {
    TestServer server;
    vote_in_two_camps(server, 12);
    auto region = get(server, kResults);
    REQUIRE(region.status == 200);
    CHECK(region.json["status"] == "grouped");
    CHECK(region.json["counts"]["participants"] == 24);
    CHECK(region.json["counts"]["votes"] == 24 * 16);
    REQUIRE(region.json["groups"].size() == 2);
    CHECK(region.json["groups"][0]["size"] == 12);
    CHECK(region.json["groups"][1]["size"] == 12);
    CHECK(region.json["groups"][0]["representative"].size() >= 1);
    CHECK(region.json["stability"]["runs"] == 3);
    CHECK(region.json["stability"]["mean_adjusted_rand"].get<double>() > 0.9);
    CHECK(region.json["algorithm"]["seed"] == shipped_content().find_poll(kPoll)->seed);
    CHECK(region.json["map"].size() == 24);
    CHECK(region.json["projection"]["statements"].size() == 16);

    auto haarlem = get(server, kResults + "?municipality=haarlem");
    REQUIRE(haarlem.status == 200);
    CHECK(haarlem.json["municipality"] == "haarlem");
    CHECK(haarlem.json["counts"]["participants"] == 12);
    CHECK(votes_of(haarlem.json, 1, "agree") == 12);
    CHECK(votes_of(haarlem.json, 1, "disagree") == 0);
    auto flevoland = get(server, kResults + "?province=flevoland");
    CHECK(flevoland.json["counts"]["participants"] == 12);
    CHECK(votes_of(flevoland.json, 1, "disagree") == 12);
    CHECK(get(server, kResults + "?municipality=utrecht").status == 404);
    CHECK(get(server, kResults + "?municipality=haarlem&province=flevoland").status == 400);
    CHECK(get(server, kResults + "?municipality=Haarlem%27%3B--").status == 404);
}

TEST_CASE("results are served from the cache until a vote changes them") {
    TestServer server(
        TestServerOptions{.service = {.results_refresh = std::chrono::milliseconds(0), .stability_runs = -1}});
    REQUIRE(post(server, kVotes, vote_body(token("gus", 1), 1, "agree", token("vote", 1))).status == 200);
    auto first = get(server, kResults);
    auto second = get(server, kResults);
    CHECK(first.json["computed_at"] == second.json["computed_at"]);  // nothing changed: not recomputed
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    REQUIRE(post(server, kVotes, vote_body(token("gus", 1), 2, "agree", token("vote", 2))).status == 200);
    auto third = get(server, kResults);
    CHECK(third.json["computed_at"] != first.json["computed_at"]);
    CHECK(third.json["counts"]["votes"] == 2);
}

TEST_CASE("a participant voting faster than a person reads, or a flooding connection, gets 429 with Retry-After") {
    TestServerOptions options;
    options.service.votes_per_participant = {.per_second = 1, .burst = 3};
    TestServer server(options);
    int refused = 0;
    for (int i = 0; i < 6; ++i) {
        auto answer = post(server, kVotes, vote_body(token("hasty", 1), 1 + i, "agree", token("vote", i)));
        if (answer.status == 429) {
            ++refused;
            CHECK(std::stoi(answer.header("Retry-After")) >= 1);
            CHECK(answer.json["error"].is_string());
        }
    }
    CHECK(refused >= 2);
    CHECK(post(server, kVotes, vote_body(token("calm", 1), 1, "agree", token("vote", 100))).status == 200);

    TestServerOptions per_connection;
    per_connection.api.requests_per_connection = {.per_second = 1, .burst = 5};
    TestServer limited(per_connection);
    auto client = limited.client();
    client.set_keep_alive(true);
    int limited_count = 0;
    for (int i = 0; i < 10; ++i) {
        auto res = client.Get("/api/polls");
        REQUIRE(res);
        limited_count += res->status == 429;
    }
    CHECK(limited_count >= 4);
    CHECK(limited.client().Get("/healthz")->status == 200);
}

TEST_CASE("the exported Pol.is files re-import to the same vote matrix, moderation and statements") {
    TestServer server;
    vote_in_two_camps(server, 8);
    json statement = {{"participant", token("camp-a", 0)},
                      {"text", "Repareren moet de normale keuze worden."},
                      {"key", token("st", 1)}};
    auto submitted = post(server, kStatements, statement.dump());
    REQUIRE(submitted.status == 202);
    const long id = submitted.json["statement"].get<long>();
    REQUIRE(post(server, "/api/admin/polls/" + kPoll + "/statements/" + std::to_string(id), R"({"decision":"accept"})",
                 kAdminToken)
                .status == 200);
    REQUIRE(post(server, kVotes, vote_body(token("camp-b", 1), id, "disagree", token("late", 1))).status == 200);
    REQUIRE(post(server, kVotes, vote_body(token("camp-b", 1), id, "pass", token("late", 2))).status == 200);

    const auto folder = scratch_dir("export");
    for (const char* file : {"summary.csv", "comments.csv", "votes.csv", "participants-votes.csv", "manifest.json"}) {
        CAPTURE(file);
        auto answer = get(server, "/api/polls/" + kPoll + "/export/" + file, kAdminToken);
        REQUIRE(answer.status == 200);
        CHECK(answer.header("Content-Disposition").find(kPoll) != std::string::npos);
        write_file(folder / file, answer.body);
    }
    auto exported = polls::parse_participants_votes_csv(
        get(server, "/api/polls/" + kPoll + "/export/participants-votes.csv", kAdminToken).body);
    REQUIRE(exported.ok());
    auto exported_matrix = polls::VoteMatrix::from_records(exported.value().votes);
    REQUIRE(exported_matrix.ok());
    CHECK(exported_matrix.value().participant_count() == 16);
    CHECK(exported_matrix.value().vote_count() == 16 * 16 + 1);
    std::size_t grouped = 0;
    for (const auto& p : exported.value().participants) grouped += p.group.has_value();
    CHECK(grouped == 16);

    // A second, empty store reads the folder back and exports it again.
    auto import = server::read_polis_export(folder, "reimported");
    REQUIRE_MESSAGE(import.ok(), import.error());
    TestServer second;
    REQUIRE(second.store().import_poll(import.value().poll).ok());
    auto listed = get(second, "/api/polls");
    bool found = false;
    for (const auto& p : listed.json["polls"]) found |= p["id"] == "reimported" && p["open"] == false;
    CHECK(found);
    auto again = polls::parse_participants_votes_csv(
        get(second, "/api/polls/reimported/export/participants-votes.csv", kAdminToken).body);
    REQUIRE(again.ok());
    auto again_matrix = polls::VoteMatrix::from_records(again.value().votes);
    REQUIRE(again_matrix.ok());
    CHECK(again_matrix.value().participants() == exported_matrix.value().participants());
    CHECK(again_matrix.value().statements() == exported_matrix.value().statements());
    CHECK(again_matrix.value().records().size() == exported_matrix.value().records().size());
    const auto a = exported_matrix.value().records(), b = again_matrix.value().records();
    bool same = a.size() == b.size();
    for (std::size_t i = 0; same && i < a.size(); ++i)
        same = a[i].participant == b[i].participant && a[i].statement == b[i].statement && a[i].vote == b[i].vote;
    CHECK(same);
    auto comments =
        polls::parse_comments_csv(get(second, "/api/polls/reimported/export/comments.csv", kAdminToken).body);
    REQUIRE(comments.ok());
    CHECK(comments.value().size() == shipped_content().find_poll(kPoll)->statements.size() + 1);
    for (const auto& c : comments.value())
        if (c.comment == id) CHECK(c.body == "Repareren moet de normale keuze worden.");
    // votes.csv carries the whole history, the replaced vote included.
    auto history = polls::parse_votes_csv(get(second, "/api/polls/reimported/export/votes.csv", kAdminToken).body);
    REQUIRE(history.ok());
    CHECK(history.value().size() == 16 * 16 + 2);
    // The imported poll takes no votes.
    CHECK(post(second, "/api/polls/reimported/votes", vote_body(token("x", 1), 1, "agree", token("v", 1))).status ==
          403);
    std::filesystem::remove_all(folder);
}

TEST_CASE("the manifest names the vote sign, the algorithm with its seed and the moderation log") {
    TestServer server;
    vote_in_two_camps(server, 6);
    json statement = {{"participant", token("camp-a", 0)},
                      {"text", "Dit is een stelling voor de moderator."},
                      {"key", token("st", 1)}};
    const long id = post(server, kStatements, statement.dump()).json["statement"].get<long>();
    post(server, "/api/admin/polls/" + kPoll + "/statements/" + std::to_string(id),
         R"({"decision":"reject","note":"off topic"})", kAdminToken);
    auto manifest = get(server, "/api/polls/" + kPoll + "/export/manifest.json", kAdminToken);
    REQUIRE(manifest.status == 200);
    CHECK(manifest.json["vote_sign_convention"]["agree"] == 1);
    CHECK(manifest.json["vote_sign_convention"]["disagree"] == -1);
    CHECK(manifest.json["algorithm"]["parameters"]["seed"] == shipped_content().find_poll(kPoll)->seed);
    CHECK(manifest.json["algorithm"]["k_chosen"] == 2);
    REQUIRE(manifest.json["moderation"]["log"].size() == 1);
    CHECK(manifest.json["moderation"]["log"][0]["status"] == "rejected");
    CHECK(manifest.json["moderation"]["log"][0]["note"] == "off topic");
    CHECK(manifest.json["participant_municipalities"]["0"] == "haarlem");
    CHECK(manifest.body.find("camp-a") == std::string::npos);  // pseudonyms never leave the store
}

TEST_CASE("the export and its manifest are enough to recompute the exported groups") {
    TestServer server;
    vote_in_two_camps(server, 10);
    get(server, kResults);  // an earlier computation, so the export's starts from a carried state
    REQUIRE(post(server, kVotes, vote_body(token("camp-a", 0), 17, "pass", token("extra", 1))).status == 200);
    auto manifest = get(server, "/api/polls/" + kPoll + "/export/manifest.json", kAdminToken).json;
    auto table = polls::parse_participants_votes_csv(
        get(server, "/api/polls/" + kPoll + "/export/participants-votes.csv", kAdminToken).body);
    auto comments =
        polls::parse_comments_csv(get(server, "/api/polls/" + kPoll + "/export/comments.csv", kAdminToken).body);
    REQUIRE(table.ok());
    REQUIRE(comments.ok());

    std::set<polls::StatementId> accepted;
    for (const auto& c : comments.value())
        if (c.moderated == 1) accepted.insert(c.comment);
    std::vector<polls::VoteRecord> records;
    for (const auto& v : table.value().votes)
        if (accepted.count(v.statement)) records.push_back(v);
    auto matrix = polls::VoteMatrix::from_records(records);
    REQUIRE(matrix.ok());
    const json& p = manifest["algorithm"]["parameters"];
    polls::OpinionGroupsDesc desc;
    desc.seed = p["seed"].get<std::uint64_t>();
    desc.min_votes = p["min_votes"];
    desc.greedy_fill = p["greedy_fill"];
    desc.base_clusters = p["base_clusters"];
    desc.max_groups = p["max_groups"];
    desc.fixed_groups = p["fixed_groups"];
    desc.k_buffer = p["k_buffer"];
    desc.pca_iterations = p["pca_iterations"];
    desc.base_iterations = p["base_iterations"];
    desc.base_restarts = p["base_restarts"];
    desc.group_iterations = p["group_iterations"];
    desc.group_restarts = p["group_restarts"];
    desc.stability_runs = -1;  // stability does not change the groups
    auto previous = polls::state_from_json(manifest["algorithm"]["previous_state"].dump());
    REQUIRE_MESSAGE(previous.ok(), previous.error());
    auto groups = polls::compute_opinion_groups(matrix.value(), {}, desc, previous.value());
    REQUIRE(groups.ok());
    std::map<polls::ParticipantId, int> recomputed;
    for (const auto& [participant, group] : polls::group_assignments(groups.value())) recomputed[participant] = group;
    std::size_t compared = 0;
    for (const auto& participant : table.value().participants) {
        CAPTURE(participant.participant);
        CHECK(participant.group == (recomputed.count(participant.participant)
                                        ? std::optional<int>(recomputed[participant.participant])
                                        : std::nullopt));
        ++compared;
    }
    CHECK(compared == 20);
}

TEST_CASE("a real Pol.is conversation imports as a closed poll with its statements and gets opinion groups") {
    auto import = server::read_polis_export(source_dir() / "tests/fixtures/polis/brexit-consensus", "brexit-consensus");
    REQUIRE_MESSAGE(import.ok(), import.error());
    TestServer server;
    REQUIRE(server.store().import_poll(import.value().poll).ok());
    CHECK_FALSE(server.store().import_poll(import.value().poll).ok());  // the id is taken now
    auto results = get(server, "/api/polls/brexit-consensus/results");
    REQUIRE(results.status == 200);
    CHECK(results.json["status"] == "grouped");
    CHECK(results.json["groups"].size() >= 2);
    CHECK(results.json["counts"]["participants"].get<int>() > 100);
    auto poll = get(server, "/api/polls/brexit-consensus");
    CHECK(poll.json["origin"] == "import");
    CHECK(poll.json["statements"].size() > 10);
}

TEST_CASE("cached results are sent gzip-compressed to clients that accept it, the same JSON inside") {
    TestServer server;
    vote_in_two_camps(server, 6);
    auto plain = get(server, kResults);
    REQUIRE(plain.status == 200);
    httplib::Headers gzip_please = {{"Accept-Encoding", "br;q=0, gzip"}};
    auto client = server.client();
    client.set_decompress(false);
    auto compressed = client.Get(kResults.c_str(), gzip_please);
    REQUIRE(compressed);
    CHECK(compressed->get_header_value("Content-Encoding") == "gzip");
    CHECK(compressed->get_header_value("Vary") == "Accept-Encoding");
    CHECK(compressed->body.size() < plain.body.size() / 2);
    // Inflate and compare.
    z_stream stream{};
    REQUIRE(inflateInit2(&stream, 15 + 16) == Z_OK);
    std::string inflated(plain.body.size() + 1024, '\0');
    stream.next_in = reinterpret_cast<Bytef*>(compressed->body.data());
    stream.avail_in = static_cast<uInt>(compressed->body.size());
    stream.next_out = reinterpret_cast<Bytef*>(inflated.data());
    stream.avail_out = static_cast<uInt>(inflated.size());
    CHECK(inflate(&stream, Z_FINISH) == Z_STREAM_END);
    inflated.resize(stream.total_out);
    inflateEnd(&stream);
    CHECK(inflated == plain.body);
    auto refused = client.Get(kResults.c_str(), httplib::Headers{{"Accept-Encoding", "gzip;q=0"}});
    CHECK(refused->get_header_value("Content-Encoding").empty());
    CHECK(server::accepts_gzip("deflate, gzip;q=0.8"));
    CHECK_FALSE(server::accepts_gzip("identity"));
    CHECK(server::accepts_gzip("*"));
    CHECK_FALSE(server::accepts_gzip("*, gzip;q=0"));
}
