// The poll store: participants, votes, statements and moderation, on SQLite or PostgreSQL.
//
//   auto store = VoteStore::open("build/stadsmijn.sqlite3");       // or "postgresql://..."
//   store.value()->ensure_poll({.id = "x", .origin = "content"}, seed_statement_ids, now_ms);
//   auto outcome = store.value()->record_vote(vote);                // blocks until durable
//
// Durability: record_vote returns only after the transaction holding the vote has committed,
// and both databases are configured so that COMMIT waits for the disk (sql_database.h). Votes
// arriving together are committed together ("group commit"): one writer thread takes every
// vote waiting, writes them in one transaction and answers them all after that one COMMIT, so
// 64 concurrent voters cost one disk flush, not 64.
//
// Idempotency: every vote carries a key, unique per poll. A key seen before changes nothing
// (VoteOutcome::duplicate); the same key with a different vote is refused (key_conflict). A new
// key on a statement the participant voted on before replaces the earlier vote.
//
// Participants and statements are numbered per poll from 0 and 10000 (Pol.is's pid and tid), so
// exports use small numbers and a Pol.is import keeps its own. Pseudonyms never leave the store.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "core/polls/votes.h"
#include "core/result.h"
#include "server/sql_database.h"

namespace stadsmijn::server {

using polls::ParticipantId;
using polls::StatementId;

struct VoteToStore {
    std::string poll;
    std::string participant;  // pseudonym
    StatementId statement = 0;
    polls::Vote vote = polls::Vote::pass;
    std::string key;
    std::string municipality;  // empty: keep what the participant gave before
    std::int64_t time_ms = 0;
};

enum class VoteOutcome {
    stored,        // new, or replacing the participant's earlier vote on the statement
    duplicate,     // this key was stored before with the same vote: nothing changed
    key_conflict,  // this key was stored before with a different vote or participant
};

enum class Moderation : int { rejected = -1, pending = 0, accepted = 1 };
const char* moderation_name(Moderation status);  // "rejected", "pending", "accepted"

struct StatementToStore {
    std::string poll;
    std::string participant;
    std::string text;
    std::string language;
    std::string key;
    std::string municipality;
    std::int64_t time_ms = 0;
};

struct StatementOutcome {
    StatementId id = 0;
    Moderation status = Moderation::pending;
    bool duplicate = false;  // the key was used before: this is the statement it made
};

struct StoredStatement {
    StatementId id = 0;
    std::string origin;         // "content" (the poll's own), "participant" or "import"
    ParticipantId author = -1;  // -1 for the poll's own statements
    std::string text;           // empty for content statements: their text lives in content/polls
    std::string language;
    Moderation status = Moderation::pending;
    std::int64_t time_ms = 0;
};

struct LatestVote {
    ParticipantId participant = 0;
    StatementId statement = 0;
    polls::Vote vote = polls::Vote::pass;
    std::int64_t time_ms = 0;
};

struct StoredParticipant {
    ParticipantId id = 0;
    std::string municipality;
};

struct ModerationEntry {
    StatementId statement = 0;
    Moderation status = Moderation::pending;
    std::string note;
    std::int64_t time_ms = 0;
};

struct StoredPoll {
    std::string id;
    std::string origin;   // "content" or "import"
    std::string title{};  // imported polls only: content polls have theirs in content/polls
    std::string question{};
};

// Changes whenever a vote or a moderation decision lands, from any server instance: the results
// cache compares it before recomputing.
struct ChangeMarker {
    std::int64_t last_vote = 0;
    std::int64_t last_moderation = 0;
    std::int64_t statements = 0;
    bool operator==(const ChangeMarker&) const = default;
};

// A whole poll read from a Pol.is export, written in one transaction (polis_import.h).
struct PollToImport {
    StoredPoll poll;
    std::vector<StoredStatement> statements;  // ids and authors as in the export
    std::vector<ParticipantId> participants;  // as in the export
    std::vector<polls::VoteRecord> votes;     // every vote, oldest first
};

class VoteStore {
public:
    // `database`: a SQLite file path, or a PostgreSQL connection string (sql_database.h).
    static Result<std::unique_ptr<VoteStore>> open(const std::string& database);
    ~VoteStore();

    const char* backend() const;

    // Creates the poll's row and its seed statements (accepted) when they are not there yet.
    Result<bool> ensure_poll(const StoredPoll& poll, std::span<const StatementId> seed_statements, std::int64_t now_ms);

    // Blocks until the vote is durable (or the database failed: then nothing was stored).
    Result<VoteOutcome> record_vote(const VoteToStore& vote);

    Result<StatementOutcome> add_statement(const StatementToStore& statement);
    // False when the poll has no such statement.
    Result<bool> moderate(const std::string& poll, StatementId statement, Moderation status, const std::string& note,
                          std::int64_t now_ms);
    Result<bool> import_poll(const PollToImport& poll);

    Result<std::vector<StoredPoll>> polls();
    Result<std::vector<StoredStatement>> statements(const std::string& poll);
    Result<std::vector<LatestVote>> latest_votes(const std::string& poll);
    Result<std::vector<polls::VoteRecord>> vote_history(const std::string& poll);
    Result<std::vector<StoredParticipant>> participants(const std::string& poll);
    Result<std::vector<ModerationEntry>> moderation_log(const std::string& poll);
    Result<ChangeMarker> change_marker(const std::string& poll);
    // A participant's latest municipality ("" when none given), or nothing for a pseudonym this
    // poll has not seen: the service admits new participants under stricter limits.
    Result<std::optional<std::string>> find_participant(const std::string& poll, const std::string& pseudonym);

    // Group commit figures since start, for the benchmark note.
    struct CommitStats {
        std::uint64_t commits = 0;
        std::uint64_t votes = 0;
        std::size_t largest_batch = 0;
    };
    CommitStats commit_stats();

private:
    VoteStore(std::unique_ptr<SqlDatabase> writer, std::unique_ptr<SqlDatabase> reader);
    Result<bool> create_schema();

    struct PendingWrite {
        VoteToStore vote;
        std::optional<Result<VoteOutcome>> outcome;
    };
    void writer_loop();
    void write_batch(std::span<PendingWrite*> batch);
    Result<VoteOutcome> write_vote(const VoteToStore& vote);  // inside a transaction
    // `vote_key`: for a vote, its key. A pseudonym not seen before whose vote key is taken already
    // gets kKeyTaken instead of a new participant row (the vote is a 409; nobody is created).
    static constexpr ParticipantId kKeyTaken = -1;
    Result<ParticipantId> participant_id(const std::string& poll, const std::string& pseudonym,
                                         const std::string& municipality, std::int64_t now_ms,
                                         const std::string& vote_key = {});
    // A write transaction on the writer connection that keeps the participant cache true: what a
    // transaction learnt about participants is remembered only once it has committed.
    template <typename T, typename Body>
    Result<T> write_transaction(Body body);

    std::unique_ptr<SqlDatabase> writer_;
    std::unique_ptr<SqlDatabase> reader_;
    std::mutex writer_mutex_;  // guards writer_ (the writer thread and statement/moderation writes)
    std::mutex reader_mutex_;  // guards reader_

    // Participants seen in committed transactions (key: poll, newline, pseudonym), so a returning
    // voter costs no lookup. Their numbers never change; with several instances on one PostgreSQL
    // a municipality changed through another instance may be missed here (the latest one seen by
    // this instance is written). Touched only under writer_mutex_.
    struct KnownParticipant {
        ParticipantId id = 0;
        std::string municipality;
    };
    std::unordered_map<std::string, KnownParticipant> known_participants_;
    std::vector<std::pair<std::string, KnownParticipant>> learnt_in_transaction_;

    std::mutex queue_mutex_;
    std::condition_variable queue_changed_;
    std::condition_variable batch_done_;
    std::deque<PendingWrite*> queue_;
    bool stopping_ = false;
    CommitStats stats_;
    std::thread writer_thread_;
};

}  // namespace stadsmijn::server
