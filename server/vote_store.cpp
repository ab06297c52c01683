#include "server/vote_store.h"

#include <algorithm>
#include <set>

#include "core/polls/poll_definition.h"

namespace stadsmijn::server {

namespace {

constexpr std::size_t kMaxBatch = 512;

// One schema for both databases; only the auto-numbered key and the integer widths differ:
// SERIAL, INT and SMALL below are replaced per database.
constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS polls (
  id TEXT PRIMARY KEY, origin TEXT NOT NULL, title TEXT NOT NULL DEFAULT '', question TEXT NOT NULL DEFAULT '',
  next_participant INT NOT NULL DEFAULT 0, next_statement INT NOT NULL DEFAULT 10000, created_ms INT NOT NULL);
CREATE TABLE IF NOT EXISTS participants (
  poll TEXT NOT NULL REFERENCES polls(id), id INT NOT NULL, pseudonym TEXT NOT NULL,
  municipality TEXT NOT NULL DEFAULT '', created_ms INT NOT NULL,
  PRIMARY KEY (poll, id), UNIQUE (poll, pseudonym));
CREATE TABLE IF NOT EXISTS votes (
  seq SERIAL, poll TEXT NOT NULL, key TEXT NOT NULL, participant INT NOT NULL, statement INT NOT NULL,
  vote SMALL NOT NULL CHECK (vote IN (-1, 0, 1)), created_ms INT NOT NULL, UNIQUE (poll, key));
CREATE INDEX IF NOT EXISTS votes_by_poll ON votes (poll, seq);
CREATE TABLE IF NOT EXISTS latest_votes (
  poll TEXT NOT NULL, participant INT NOT NULL, statement INT NOT NULL, vote SMALL NOT NULL,
  seq INT NOT NULL, created_ms INT NOT NULL, PRIMARY KEY (poll, participant, statement));
CREATE TABLE IF NOT EXISTS statements (
  poll TEXT NOT NULL REFERENCES polls(id), id INT NOT NULL, origin TEXT NOT NULL, author INT,
  text TEXT NOT NULL DEFAULT '', language TEXT NOT NULL DEFAULT '', status SMALL NOT NULL, key TEXT,
  created_ms INT NOT NULL, PRIMARY KEY (poll, id), UNIQUE (poll, key));
CREATE TABLE IF NOT EXISTS moderation_log (
  seq SERIAL, poll TEXT NOT NULL, statement INT NOT NULL, status SMALL NOT NULL, note TEXT NOT NULL DEFAULT '',
  created_ms INT NOT NULL);
CREATE INDEX IF NOT EXISTS moderation_log_by_poll ON moderation_log (poll, seq);
)sql";

std::string schema(bool postgres) {
    const std::pair<std::string, std::string> words[] = {
        {"SERIAL", postgres ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT"},
        {"INT", postgres ? "BIGINT" : "INTEGER"},
        {"SMALL", postgres ? "SMALLINT" : "INTEGER"}};
    std::string sql = kSchema;
    for (const auto& [word, type] : words) {
        // Whole words only (" INT " and "INT," but not the INTEGER a replacement just wrote).
        for (std::size_t at = sql.find(word); at != std::string::npos; at = sql.find(word, at)) {
            const char after = at + word.size() < sql.size() ? sql[at + word.size()] : ' ';
            const char before = at > 0 ? sql[at - 1] : ' ';
            if (before == ' ' && (after == ' ' || after == ',' || after == ')' || after == ';')) {
                sql.replace(at, word.size(), type);
                at += type.size();
            } else {
                at += word.size();
            }
        }
    }
    return sql;
}

polls::Vote vote_from_column(std::int64_t value) {
    return value > 0 ? polls::Vote::agree : value < 0 ? polls::Vote::disagree : polls::Vote::pass;
}

Moderation moderation_from_column(std::int64_t value) {
    return value > 0 ? Moderation::accepted : value < 0 ? Moderation::rejected : Moderation::pending;
}

std::int64_t column(polls::Vote vote) {
    return static_cast<std::int64_t>(vote);
}
std::int64_t column(Moderation status) {
    return static_cast<std::int64_t>(status);
}

// Runs `body` in a write transaction; rolls back when it fails.
template <typename T, typename Body>
Result<T> in_transaction(SqlDatabase& db, Body body) {
    auto begun = db.begin();
    if (!begun) return fail(begun.error());
    Result<T> result = body();
    if (!result) {
        db.rollback();
        return result;
    }
    auto committed = db.commit();
    if (!committed) {
        db.rollback();
        return fail(committed.error());
    }
    return result;
}

}  // namespace

const char* moderation_name(Moderation status) {
    switch (status) {
        case Moderation::rejected:
            return "rejected";
        case Moderation::pending:
            return "pending";
        case Moderation::accepted:
            return "accepted";
    }
    return "pending";
}

template <typename T, typename Body>
Result<T> VoteStore::write_transaction(Body body) {
    learnt_in_transaction_.clear();
    Result<T> result = in_transaction<T>(*writer_, body);
    if (result) {
        if (known_participants_.size() > 2'000'000) known_participants_.clear();  // a bound, not a policy
        for (auto& [key, participant] : learnt_in_transaction_) known_participants_[key] = std::move(participant);
    }
    learnt_in_transaction_.clear();
    return result;
}

Result<std::unique_ptr<VoteStore>> VoteStore::open(const std::string& database) {
    const bool postgres = is_postgres_connection(database);
    auto writer = postgres ? open_postgres(database) : open_sqlite(database);
    if (!writer) return fail(writer.error());
    auto reader = postgres ? open_postgres(database) : open_sqlite(database);
    if (!reader) return fail(reader.error());
    std::unique_ptr<VoteStore> store(new VoteStore(std::move(writer).value(), std::move(reader).value()));
    auto created = store->create_schema();
    if (!created) return fail("cannot create the poll tables: " + created.error());
    return store;
}

VoteStore::VoteStore(std::unique_ptr<SqlDatabase> writer, std::unique_ptr<SqlDatabase> reader)
    : writer_(std::move(writer)), reader_(std::move(reader)) {
    writer_thread_ = std::thread([this] { writer_loop(); });
}

VoteStore::~VoteStore() {
    {
        std::lock_guard lock(queue_mutex_);
        stopping_ = true;
    }
    queue_changed_.notify_all();
    writer_thread_.join();
}

const char* VoteStore::backend() const {
    return writer_->backend();
}

Result<bool> VoteStore::create_schema() {
    std::lock_guard lock(writer_mutex_);
    const bool postgres = std::string(writer_->backend()) == "postgresql";
    // Two server instances starting at once on one PostgreSQL may both create the tables; the
    // loser sees a unique violation in the catalog and finds the tables there on a second try.
    for (int attempt = 0;; ++attempt) {
        auto created = writer_->execute_script(schema(postgres));
        if (created || attempt == 2) return created;
    }
}

// ---- votes: the group commit ----

Result<VoteOutcome> VoteStore::record_vote(const VoteToStore& vote) {
    PendingWrite write{vote, std::nullopt};
    std::unique_lock lock(queue_mutex_);
    if (stopping_) return fail("the server is stopping; the vote was not stored");
    queue_.push_back(&write);
    queue_changed_.notify_one();
    batch_done_.wait(lock, [&] { return write.outcome.has_value(); });
    return std::move(*write.outcome);
}

void VoteStore::writer_loop() {
    std::vector<PendingWrite*> batch;
    for (;;) {
        {
            std::unique_lock lock(queue_mutex_);
            queue_changed_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) return;  // stopping, and every vote answered
            const std::size_t count = std::min(queue_.size(), kMaxBatch);
            batch.assign(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(count));
            queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(count));
        }
        {
            std::lock_guard writer(writer_mutex_);
            write_batch(batch);
        }
        {
            std::lock_guard lock(queue_mutex_);
            stats_.commits += 1;
            stats_.votes += batch.size();
            stats_.largest_batch = std::max(stats_.largest_batch, batch.size());
        }
        batch_done_.notify_all();
    }
}

void VoteStore::write_batch(std::span<PendingWrite*> batch) {
    // Outcomes are set under the queue mutex, which the waiting request threads read them under.
    auto answer = [&](PendingWrite* write, Result<VoteOutcome> outcome) {
        std::lock_guard lock(queue_mutex_);
        write->outcome = std::move(outcome);
    };
    std::vector<Result<VoteOutcome>> outcomes;
    auto together = write_transaction<bool>([&]() -> Result<bool> {
        outcomes.clear();
        for (PendingWrite* write : batch) {
            auto outcome = write_vote(write->vote);
            if (!outcome) return fail(outcome.error());
            outcomes.push_back(std::move(outcome));
        }
        return true;
    });
    if (together) {
        for (std::size_t i = 0; i < batch.size(); ++i) answer(batch[i], std::move(outcomes[i]));
        return;
    }
    // Something in the batch failed: write each vote alone, so one bad vote (or a lost
    // connection, retried once) does not take the others with it.
    for (PendingWrite* write : batch) {
        auto alone = write_transaction<VoteOutcome>([&] { return write_vote(write->vote); });
        if (!alone && writer_->last_error_kind() != SqlErrorKind::other)
            alone = write_transaction<VoteOutcome>([&] { return write_vote(write->vote); });
        answer(write, std::move(alone));
    }
}

Result<VoteOutcome> VoteStore::write_vote(const VoteToStore& vote) {
    SqlDatabase& db = *writer_;
    auto participant = participant_id(vote.poll, vote.participant, vote.municipality, vote.time_ms, vote.key);
    if (!participant) return fail(participant.error());
    if (participant.value() == kKeyTaken) return VoteOutcome::key_conflict;  // a new pseudonym cannot own the key

    // Insert first: a new key (the common case) costs no lookup; a known one inserts nothing.
    auto inserted = db.query(
        "INSERT INTO votes (poll, key, participant, statement, vote, created_ms) VALUES (?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (poll, key) DO NOTHING RETURNING seq",
        {vote.poll, vote.key, participant.value(), vote.statement, column(vote.vote), vote.time_ms});
    if (!inserted) return fail(inserted.error());
    if (inserted.value().empty()) {
        auto earlier = db.query("SELECT participant, statement, vote FROM votes WHERE poll = ? AND key = ?",
                                {vote.poll, vote.key});
        if (!earlier) return fail(earlier.error());
        if (earlier.value().empty()) return fail("the vote key vanished while storing it");
        const SqlRows& row = earlier.value();
        const bool same = row.integer(0, 0) == participant.value() && row.integer(0, 1) == vote.statement &&
                          row.integer(0, 2) == column(vote.vote);
        return same ? VoteOutcome::duplicate : VoteOutcome::key_conflict;
    }
    const std::int64_t seq = inserted.value().integer(0, 0);
    auto latest = db.query(
        "INSERT INTO latest_votes (poll, participant, statement, vote, seq, created_ms) VALUES (?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (poll, participant, statement) DO UPDATE SET vote = excluded.vote, seq = excluded.seq,"
        " created_ms = excluded.created_ms WHERE latest_votes.seq < excluded.seq",
        {vote.poll, participant.value(), vote.statement, column(vote.vote), seq, vote.time_ms});
    if (!latest) return fail(latest.error());
    return VoteOutcome::stored;
}

Result<ParticipantId> VoteStore::participant_id(const std::string& poll, const std::string& pseudonym,
                                                const std::string& municipality, std::int64_t now_ms,
                                                const std::string& vote_key) {
    SqlDatabase& db = *writer_;
    const std::string cache_key = poll + "\n" + pseudonym;
    const KnownParticipant* known = nullptr;
    for (auto it = learnt_in_transaction_.rbegin(); it != learnt_in_transaction_.rend() && !known; ++it)
        if (it->first == cache_key) known = &it->second;
    if (!known) {
        auto found = known_participants_.find(cache_key);
        if (found != known_participants_.end()) known = &found->second;
    }
    if (!known) {
        auto found =
            db.query("SELECT id, municipality FROM participants WHERE poll = ? AND pseudonym = ?", {poll, pseudonym});
        if (!found) return fail(found.error());
        if (found.value().empty()) {
            if (!vote_key.empty()) {
                auto taken = db.query("SELECT 1 FROM votes WHERE poll = ? AND key = ?", {poll, vote_key});
                if (!taken) return fail(taken.error());
                if (!taken.value().empty()) return kKeyTaken;
            }
            auto number = db.query(
                "UPDATE polls SET next_participant = next_participant + 1 WHERE id = ?"
                " RETURNING next_participant - 1",
                {poll});
            if (!number) return fail(number.error());
            if (number.value().empty()) return fail("the poll \"" + poll + "\" is not in the store");
            auto inserted = db.query(
                "INSERT INTO participants (poll, id, pseudonym, municipality, created_ms) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (poll, pseudonym) DO NOTHING RETURNING id",
                {poll, number.value().integer(0, 0), pseudonym, municipality, now_ms});
            if (!inserted) return fail(inserted.error());
            if (!inserted.value().empty()) {
                learnt_in_transaction_.push_back({cache_key, {inserted.value().integer(0, 0), municipality}});
                return inserted.value().integer(0, 0);
            }
            // Another instance added them a moment ago.
            found = db.query("SELECT id, municipality FROM participants WHERE poll = ? AND pseudonym = ?",
                             {poll, pseudonym});
            if (!found) return fail(found.error());
            if (found.value().empty()) return fail("the participant vanished while storing them");
        }
        learnt_in_transaction_.push_back({cache_key, {found.value().integer(0, 0), found.value().text(0, 1)}});
        known = &learnt_in_transaction_.back().second;
    }
    const ParticipantId id = known->id;
    if (!municipality.empty() && known->municipality != municipality) {
        auto updated =
            db.query("UPDATE participants SET municipality = ? WHERE poll = ? AND id = ?", {municipality, poll, id});
        if (!updated) return fail(updated.error());
        learnt_in_transaction_.push_back({cache_key, {id, municipality}});
    }
    return id;
}

VoteStore::CommitStats VoteStore::commit_stats() {
    std::lock_guard lock(queue_mutex_);
    return stats_;
}

// ---- statements, moderation, polls ----

Result<bool> VoteStore::ensure_poll(const StoredPoll& poll, std::span<const StatementId> seed_statements,
                                    std::int64_t now_ms) {
    std::lock_guard lock(writer_mutex_);
    return in_transaction<bool>(*writer_, [&]() -> Result<bool> {
        auto created = writer_->query(
            "INSERT INTO polls (id, origin, title, question, created_ms) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO "
            "NOTHING",
            {poll.id, poll.origin, poll.title, poll.question, now_ms});
        if (!created) return fail(created.error());
        for (StatementId id : seed_statements) {
            auto seeded = writer_->query(
                "INSERT INTO statements (poll, id, origin, author, text, language, status, key, created_ms)"
                " VALUES (?, ?, 'content', NULL, '', '', 1, NULL, ?) ON CONFLICT (poll, id) DO NOTHING",
                {poll.id, id, now_ms});
            if (!seeded) return fail(seeded.error());
        }
        return true;
    });
}

Result<StatementOutcome> VoteStore::add_statement(const StatementToStore& statement) {
    std::lock_guard lock(writer_mutex_);
    const std::string find = "SELECT id, status FROM statements WHERE poll = ? AND key = ?";
    for (int attempt = 0;; ++attempt) {
        auto outcome = write_transaction<StatementOutcome>([&]() -> Result<StatementOutcome> {
            auto earlier = writer_->query(find, {statement.poll, statement.key});
            if (!earlier) return fail(earlier.error());
            if (!earlier.value().empty())
                return StatementOutcome{earlier.value().integer(0, 0),
                                        moderation_from_column(earlier.value().integer(0, 1)), true};
            auto author =
                participant_id(statement.poll, statement.participant, statement.municipality, statement.time_ms);
            if (!author) return fail(author.error());
            auto number = writer_->query(
                "UPDATE polls SET next_statement = next_statement + 1 WHERE id = ?"
                " RETURNING next_statement - 1",
                {statement.poll});
            if (!number) return fail(number.error());
            if (number.value().empty()) return fail("the poll \"" + statement.poll + "\" is not in the store");
            const StatementId id = number.value().integer(0, 0);
            auto inserted = writer_->query(
                "INSERT INTO statements (poll, id, origin, author, text, language, status, key, created_ms)"
                " VALUES (?, ?, 'participant', ?, ?, ?, 0, ?, ?)",
                {statement.poll, id, author.value(), statement.text, statement.language, statement.key,
                 statement.time_ms});
            if (!inserted) return fail(inserted.error());
            return StatementOutcome{id, Moderation::pending, false};
        });
        // The same key from two instances at once: the second finds the first's on a retry.
        if (outcome || attempt == 2 || writer_->last_error_kind() == SqlErrorKind::other) return outcome;
    }
}

Result<bool> VoteStore::moderate(const std::string& poll, StatementId statement, Moderation status,
                                 const std::string& note, std::int64_t now_ms) {
    std::lock_guard lock(writer_mutex_);
    return in_transaction<bool>(*writer_, [&]() -> Result<bool> {
        auto updated = writer_->query("UPDATE statements SET status = ? WHERE poll = ? AND id = ? RETURNING id",
                                      {column(status), poll, statement});
        if (!updated) return fail(updated.error());
        if (updated.value().empty()) return false;
        auto logged = writer_->query(
            "INSERT INTO moderation_log (poll, statement, status, note, created_ms) VALUES (?, ?, ?, ?, ?)",
            {poll, statement, column(status), note, now_ms});
        if (!logged) return fail(logged.error());
        return true;
    });
}

Result<bool> VoteStore::import_poll(const PollToImport& import) {
    std::lock_guard lock(writer_mutex_);
    return in_transaction<bool>(*writer_, [&]() -> Result<bool> {
        SqlDatabase& db = *writer_;
        auto exists = db.query("SELECT id FROM polls WHERE id = ?", {import.poll.id});
        if (!exists) return fail(exists.error());
        if (!exists.value().empty()) return fail("a poll \"" + import.poll.id + "\" is in the store already");
        ParticipantId next_participant = 0;
        for (ParticipantId id : import.participants) next_participant = std::max(next_participant, id + 1);
        StatementId next_statement = kFirstParticipantStatementId;
        for (const auto& s : import.statements) next_statement = std::max(next_statement, s.id + 1);
        const std::int64_t now = import.votes.empty() ? 0 : import.votes.back().time;
        auto poll = db.query(
            "INSERT INTO polls (id, origin, title, question, next_participant, next_statement, created_ms)"
            " VALUES (?, 'import', ?, ?, ?, ?, ?)",
            {import.poll.id, import.poll.title, import.poll.question, next_participant, next_statement, now});
        if (!poll) return fail(poll.error());
        for (const auto& s : import.statements) {
            auto row = db.query(
                "INSERT INTO statements (poll, id, origin, author, text, language, status, key, created_ms)"
                " VALUES (?, ?, 'import', ?, ?, ?, ?, NULL, ?)",
                {import.poll.id, s.id, s.author, s.text, s.language, column(s.status), s.time_ms});
            if (!row) return fail(row.error());
        }
        for (ParticipantId id : import.participants) {
            auto row = db.query(
                "INSERT INTO participants (poll, id, pseudonym, municipality, created_ms) VALUES (?, ?, ?, '', ?)",
                {import.poll.id, id, "imported-" + std::to_string(id), now});
            if (!row) return fail(row.error());
        }
        std::int64_t number = 0;
        for (const auto& v : import.votes) {
            auto inserted = db.query(
                "INSERT INTO votes (poll, key, participant, statement, vote, created_ms)"
                " VALUES (?, ?, ?, ?, ?, ?) RETURNING seq",
                {import.poll.id, "import-" + std::to_string(number++), v.participant, v.statement, column(v.vote),
                 v.time});
            if (!inserted) return fail(inserted.error());
            auto latest = db.query(
                "INSERT INTO latest_votes (poll, participant, statement, vote, seq, created_ms) VALUES (?, ?, ?, ?, ?, "
                "?)"
                " ON CONFLICT (poll, participant, statement) DO UPDATE SET vote = excluded.vote, seq = excluded.seq,"
                " created_ms = excluded.created_ms",
                {import.poll.id, v.participant, v.statement, column(v.vote), inserted.value().integer(0, 0), v.time});
            if (!latest) return fail(latest.error());
        }
        return true;
    });
}

// ---- reads ----

Result<std::vector<StoredPoll>> VoteStore::polls() {
    std::lock_guard lock(reader_mutex_);
    auto rows = reader_->query("SELECT id, origin, title, question FROM polls ORDER BY id");
    if (!rows) return fail(rows.error());
    std::vector<StoredPoll> out;
    for (std::size_t r = 0; r < rows.value().size(); ++r)
        out.push_back(
            {rows.value().text(r, 0), rows.value().text(r, 1), rows.value().text(r, 2), rows.value().text(r, 3)});
    return out;
}

Result<std::vector<StoredStatement>> VoteStore::statements(const std::string& poll) {
    std::lock_guard lock(reader_mutex_);
    auto rows = reader_->query(
        "SELECT id, origin, author, text, language, status, created_ms FROM statements WHERE poll = ? ORDER BY id",
        {poll});
    if (!rows) return fail(rows.error());
    const SqlRows& r = rows.value();
    std::vector<StoredStatement> out;
    out.reserve(r.size());
    for (std::size_t i = 0; i < r.size(); ++i)
        out.push_back({r.integer(i, 0), r.text(i, 1), r.is_null(i, 2) ? -1 : r.integer(i, 2), r.text(i, 3),
                       r.text(i, 4), moderation_from_column(r.integer(i, 5)), r.integer(i, 6)});
    return out;
}

Result<std::vector<LatestVote>> VoteStore::latest_votes(const std::string& poll) {
    std::lock_guard lock(reader_mutex_);
    auto rows =
        reader_->query("SELECT participant, statement, vote, created_ms FROM latest_votes WHERE poll = ?", {poll});
    if (!rows) return fail(rows.error());
    const SqlRows& r = rows.value();
    std::vector<LatestVote> out;
    out.reserve(r.size());
    for (std::size_t i = 0; i < r.size(); ++i)
        out.push_back({r.integer(i, 0), r.integer(i, 1), vote_from_column(r.integer(i, 2)), r.integer(i, 3)});
    return out;
}

Result<std::vector<polls::VoteRecord>> VoteStore::vote_history(const std::string& poll) {
    std::lock_guard lock(reader_mutex_);
    auto rows = reader_->query("SELECT participant, statement, vote, created_ms FROM votes WHERE poll = ? ORDER BY seq",
                               {poll});
    if (!rows) return fail(rows.error());
    const SqlRows& r = rows.value();
    std::vector<polls::VoteRecord> out;
    out.reserve(r.size());
    for (std::size_t i = 0; i < r.size(); ++i)
        out.push_back({r.integer(i, 0), r.integer(i, 1), vote_from_column(r.integer(i, 2)), r.integer(i, 3)});
    return out;
}

Result<std::vector<StoredParticipant>> VoteStore::participants(const std::string& poll) {
    std::lock_guard lock(reader_mutex_);
    auto rows = reader_->query("SELECT id, municipality FROM participants WHERE poll = ? ORDER BY id", {poll});
    if (!rows) return fail(rows.error());
    std::vector<StoredParticipant> out;
    for (std::size_t i = 0; i < rows.value().size(); ++i)
        out.push_back({rows.value().integer(i, 0), rows.value().text(i, 1)});
    return out;
}

Result<std::vector<ModerationEntry>> VoteStore::moderation_log(const std::string& poll) {
    std::lock_guard lock(reader_mutex_);
    auto rows = reader_->query(
        "SELECT statement, status, note, created_ms FROM moderation_log WHERE poll = ? ORDER BY seq", {poll});
    if (!rows) return fail(rows.error());
    std::vector<ModerationEntry> out;
    for (std::size_t i = 0; i < rows.value().size(); ++i)
        out.push_back({rows.value().integer(i, 0), moderation_from_column(rows.value().integer(i, 1)),
                       rows.value().text(i, 2), rows.value().integer(i, 3)});
    return out;
}

Result<std::optional<std::string>> VoteStore::find_participant(const std::string& poll, const std::string& pseudonym) {
    std::lock_guard lock(reader_mutex_);
    auto rows =
        reader_->query("SELECT municipality FROM participants WHERE poll = ? AND pseudonym = ?", {poll, pseudonym});
    if (!rows) return fail(rows.error());
    if (rows.value().empty()) return std::optional<std::string>();
    return std::optional<std::string>(rows.value().text(0, 0));
}

Result<ChangeMarker> VoteStore::change_marker(const std::string& poll) {
    std::lock_guard lock(reader_mutex_);
    auto rows = reader_->query(
        "SELECT (SELECT COALESCE(MAX(seq), 0) FROM votes WHERE poll = ?),"
        " (SELECT COALESCE(MAX(seq), 0) FROM moderation_log WHERE poll = ?),"
        " (SELECT COUNT(*) FROM statements WHERE poll = ?)",
        {poll, poll, poll});
    if (!rows) return fail(rows.error());
    return ChangeMarker{rows.value().integer(0, 0), rows.value().integer(0, 1), rows.value().integer(0, 2)};
}

}  // namespace stadsmijn::server
