#include "server/municipal_store.h"

#include <sodium.h>

#include <chrono>
#include <ctime>

#include "server/admin_auth.h"

namespace stadsmijn::server {

namespace {

// Numbered migrations, applied in order once per database; append, never edit one that shipped.
// {ID} and {INT} become each database's auto-numbered key and 64-bit integer.
const char* const kMigrations[] = {
    // 1: issue 18, municipal self-service.
    R"sql(
CREATE TABLE IF NOT EXISTS editors (
  id {ID}, name TEXT NOT NULL, municipalities TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE,
  created TEXT NOT NULL, revoked TEXT);
CREATE TABLE IF NOT EXISTS overlay_versions (kind TEXT PRIMARY KEY, version {INT} NOT NULL);
INSERT INTO overlay_versions (kind, version) VALUES ('places', 0), ('campaigns', 0) ON CONFLICT (kind) DO NOTHING;
CREATE TABLE IF NOT EXISTS place_edits (
  id TEXT PRIMARY KEY, municipality TEXT NOT NULL, version {INT} NOT NULL, json TEXT NOT NULL,
  updated_at TEXT NOT NULL, updated_by TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS campaign_edits (
  id TEXT PRIMARY KEY, municipality TEXT NOT NULL, version {INT} NOT NULL, json TEXT NOT NULL,
  updated_at TEXT NOT NULL, updated_by TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS audit_log (
  seq {ID}, at TEXT NOT NULL, who TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL,
  municipality TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS audit_log_by_municipality ON audit_log (municipality, seq);
CREATE TABLE IF NOT EXISTS place_reports (
  id {ID}, place TEXT NOT NULL, municipality TEXT NOT NULL, problem TEXT NOT NULL, note TEXT NOT NULL,
  at TEXT NOT NULL, resolved_at TEXT, resolved_by TEXT);
CREATE INDEX IF NOT EXISTS place_reports_by_municipality ON place_reports (municipality, id);
)sql",
};

std::string for_database(std::string sql, bool postgres) {
    auto replace = [&](const std::string& word, const std::string& with) {
        for (std::size_t at = sql.find(word); at != std::string::npos; at = sql.find(word, at + with.size()))
            sql.replace(at, word.size(), with);
    };
    replace("{ID}", postgres ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT");
    replace("{INT}", postgres ? "BIGINT" : "INTEGER");
    return sql;
}

std::string token_hash(const std::string& token) {
    unsigned char hash[crypto_generichash_BYTES];
    crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr,
                       0);
    char hex[crypto_generichash_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    return hex;
}

std::string new_token() {
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    char text[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
    sodium_bin2base64(text, sizeof text, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return text;
}

std::string join(const std::vector<std::string>& items) {
    std::string text;
    for (const auto& item : items) text += (text.empty() ? "" : ",") + item;
    return text;
}

std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t comma = text.find(',', start);
        if (comma == std::string::npos) comma = text.size();
        if (comma > start) items.push_back(text.substr(start, comma - start));
        start = comma + 1;
    }
    return items;
}

EditorAccount editor_from_row(const SqlRows& rows, std::size_t r) {
    return {rows.integer(r, 0), rows.text(r, 1), split(rows.text(r, 2)), rows.text(r, 3), rows.text(r, 4)};
}

// Rolls back unless committed.
struct Transaction {
    SqlDatabase& db;
    bool done = false;
    ~Transaction() {
        if (!done) db.rollback();
    }
    Result<bool> commit() {
        done = true;
        return db.commit();
    }
};

}  // namespace

std::string utc_timestamp_now() {
    std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

Result<std::unique_ptr<MunicipalStore>> MunicipalStore::open(const std::string& database) {
    if (sodium_init() < 0) return fail("libsodium could not start");
    auto db = is_postgres_connection(database) ? open_postgres(database) : open_sqlite(database);
    if (!db) return fail(db.error());
    std::unique_ptr<MunicipalStore> store(new MunicipalStore(std::move(db).value()));
    store->postgres_ = std::string(store->db_->backend()) == "postgresql";
    if (auto migrated = store->migrate(); !migrated) return fail("cannot migrate the municipal tables: " + migrated.error());
    return store;
}

Result<bool> MunicipalStore::migrate() {
    std::lock_guard lock(mutex_);
    // Two instances starting at once: PostgreSQL serialises them with an advisory lock, SQLite
    // with BEGIN IMMEDIATE; the second finds the migrations recorded.
    for (int attempt = 0;; ++attempt) {
        auto created = db_->execute_script(
            "CREATE TABLE IF NOT EXISTS schema_migrations (component TEXT NOT NULL, number INTEGER NOT NULL, "
            "applied TEXT NOT NULL, PRIMARY KEY (component, number))");
        if (created) break;
        if (attempt == 2) return created;
    }
    if (auto begun = db_->begin(); !begun) return begun;
    Transaction transaction{*db_};
    if (postgres_) {
        if (auto locked = db_->query("SELECT pg_advisory_xact_lock(180018)"); !locked) return fail(locked.error());
    }
    auto applied = db_->query("SELECT number FROM schema_migrations WHERE component = 'municipal'");
    if (!applied) return fail(applied.error());
    std::int64_t done = 0;
    for (std::size_t r = 0; r < applied.value().size(); ++r) done = std::max(done, applied.value().integer(r, 0));
    const std::int64_t count = static_cast<std::int64_t>(std::size(kMigrations));
    for (std::int64_t number = done + 1; number <= count; ++number) {
        if (auto ran = db_->execute_script(for_database(kMigrations[number - 1], postgres_)); !ran)
            return fail("migration " + std::to_string(number) + ": " + ran.error());
        if (auto noted = db_->query("INSERT INTO schema_migrations (component, number, applied) VALUES ('municipal', ?, ?)",
                                    {number, utc_timestamp_now()});
            !noted)
            return fail(noted.error());
    }
    return transaction.commit();
}

Result<NewEditor> MunicipalStore::create_editor(const std::string& name, const std::vector<std::string>& municipalities,
                                                const std::string& who) {
    std::lock_guard lock(mutex_);
    NewEditor created;
    created.token = new_token();
    created.account.name = name;
    created.account.municipalities = municipalities;
    created.account.created = utc_timestamp_now();
    if (auto begun = db_->begin(); !begun) return fail(begun.error());
    Transaction transaction{*db_};
    auto row = db_->query("INSERT INTO editors (name, municipalities, token_hash, created) VALUES (?, ?, ?, ?) RETURNING id",
                          {name, join(municipalities), token_hash(created.token), created.account.created});
    if (!row) return fail(row.error());
    created.account.id = row.value().integer(0, 0);
    for (const auto& municipality : municipalities)
        if (auto logged = audit_in_transaction(who, "editor-created", "editor " + std::to_string(created.account.id) + " " + name,
                                               municipality);
            !logged)
            return fail(logged.error());
    if (auto committed = transaction.commit(); !committed) return fail(committed.error());
    return created;
}

Result<std::vector<EditorAccount>> MunicipalStore::editors() {
    std::lock_guard lock(mutex_);
    auto rows = db_->query("SELECT id, name, municipalities, created, revoked FROM editors ORDER BY id");
    if (!rows) return fail(rows.error());
    std::vector<EditorAccount> list;
    for (std::size_t r = 0; r < rows.value().size(); ++r) list.push_back(editor_from_row(rows.value(), r));
    return list;
}

Result<bool> MunicipalStore::revoke_editor(std::int64_t id, const std::string& who) {
    std::lock_guard lock(mutex_);
    if (auto begun = db_->begin(); !begun) return fail(begun.error());
    Transaction transaction{*db_};
    auto rows = db_->query("UPDATE editors SET revoked = ? WHERE id = ? AND revoked IS NULL RETURNING name, municipalities",
                           {utc_timestamp_now(), id});
    if (!rows) return fail(rows.error());
    if (rows.value().empty()) return false;
    for (const auto& municipality : split(rows.value().text(0, 1)))
        if (auto logged = audit_in_transaction(who, "editor-revoked",
                                               "editor " + std::to_string(id) + " " + rows.value().text(0, 0), municipality);
            !logged)
            return fail(logged.error());
    if (auto committed = transaction.commit(); !committed) return fail(committed.error());
    return true;
}

Result<std::optional<EditorAccount>> MunicipalStore::editor_by_token(const std::string& token) {
    const std::string hash = token_hash(token);
    std::lock_guard lock(mutex_);
    // Looked up by the hash of a 256-bit random token: the index reveals nothing about the token.
    auto rows = db_->query(
        "SELECT id, name, municipalities, created, revoked, token_hash FROM editors WHERE token_hash = ? AND revoked IS NULL",
        {hash});
    if (!rows) return fail(rows.error());
    if (rows.value().empty() || !constant_time_equal(rows.value().text(0, 5), hash))
        return std::optional<EditorAccount>{};
    return std::optional<EditorAccount>{editor_from_row(rows.value(), 0)};
}

Result<std::int64_t> MunicipalStore::overlay_version() {
    std::lock_guard lock(mutex_);
    auto rows = db_->query("SELECT version FROM overlay_versions WHERE kind = 'places'");
    if (!rows) return fail(rows.error());
    return rows.value().empty() ? std::int64_t{0} : rows.value().integer(0, 0);
}

namespace {
const char* table_of(const std::string& kind) { return kind == "places" ? "place_edits" : "campaign_edits"; }
}  // namespace

Result<std::vector<StoredPlace>> MunicipalStore::places() {
    std::lock_guard lock(mutex_);
    auto rows = db_->query("SELECT id, municipality, version, json FROM place_edits ORDER BY id");
    if (!rows) return fail(rows.error());
    std::vector<StoredPlace> list;
    for (std::size_t r = 0; r < rows.value().size(); ++r)
        list.push_back({rows.value().text(r, 0), rows.value().text(r, 1), rows.value().integer(r, 2), rows.value().text(r, 3)});
    return list;
}

Result<std::optional<StoredPlace>> MunicipalStore::place(const std::string& id) {
    std::lock_guard lock(mutex_);
    auto rows = db_->query("SELECT id, municipality, version, json FROM place_edits WHERE id = ?", {id});
    if (!rows) return fail(rows.error());
    if (rows.value().empty()) return std::optional<StoredPlace>{};
    return std::optional<StoredPlace>{
        StoredPlace{rows.value().text(0, 0), rows.value().text(0, 1), rows.value().integer(0, 2), rows.value().text(0, 3)}};
}

namespace {

// The one conditional write behind places and campaigns.
Result<MunicipalStore::SavedPlace> save_versioned(SqlDatabase& db, const std::string& kind, const std::string& id,
                                                  const std::string& municipality, const ExpectedVersion& expected,
                                                  const std::function<std::string(std::int64_t)>& json_at_version,
                                                  const std::string& who) {
    MunicipalStore::SavedPlace saved;
    const std::string table = table_of(kind);
    auto current = db.query("SELECT version FROM " + table + " WHERE id = ?", {id});
    if (!current) return fail(current.error());
    const bool exists = !current.value().empty();
    const std::int64_t version = exists ? current.value().integer(0, 0) : 0;
    if (expected.create ? exists : version != expected.version) return saved;  // stale
    // The overlay's counter: one row, so concurrent writers (other instances too) take turns here.
    auto next = db.query("UPDATE overlay_versions SET version = version + 1 WHERE kind = ? RETURNING version", {kind});
    if (!next) return fail(next.error());
    if (next.value().empty()) return fail("the " + kind + " version counter is missing");
    const std::int64_t new_version = next.value().integer(0, 0);
    const std::string json = json_at_version(new_version);
    const std::string now = utc_timestamp_now();
    auto written = exists ? db.query("UPDATE " + table +
                                         " SET municipality = ?, version = ?, json = ?, updated_at = ?, updated_by = ? "
                                         "WHERE id = ? AND version = ? RETURNING id",
                                     {municipality, new_version, json, now, who, id, version})
                          : db.query("INSERT INTO " + table +
                                         " (id, municipality, version, json, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?) "
                                         "ON CONFLICT (id) DO NOTHING RETURNING id",
                                     {id, municipality, new_version, json, now, who});
    if (!written) return fail(written.error());
    if (written.value().empty()) return saved;  // another writer got there between our read and write
    saved.outcome = SaveOutcome::saved;
    saved.place = {id, municipality, new_version, json};
    return saved;
}

}  // namespace

Result<MunicipalStore::SavedPlace> MunicipalStore::save_place(const std::string& id, const std::string& municipality,
                                                              const ExpectedVersion& expected,
                                                              const std::function<std::string(std::int64_t)>& json_at_version,
                                                              const std::string& who, const std::string& action) {
    std::lock_guard lock(mutex_);
    if (auto begun = db_->begin(); !begun) return fail(begun.error());
    Transaction transaction{*db_};
    auto saved = save_versioned(*db_, "places", id, municipality, expected, json_at_version, who);
    if (!saved || saved.value().outcome != SaveOutcome::saved) return saved;
    if (auto logged = audit_in_transaction(who, action, "place " + id, municipality); !logged) return fail(logged.error());
    if (auto committed = transaction.commit(); !committed) return fail(committed.error());
    return saved;
}

Result<std::vector<StoredCampaign>> MunicipalStore::campaigns() {
    std::lock_guard lock(mutex_);
    auto rows = db_->query("SELECT id, municipality, version, json FROM campaign_edits ORDER BY id");
    if (!rows) return fail(rows.error());
    std::vector<StoredCampaign> list;
    for (std::size_t r = 0; r < rows.value().size(); ++r)
        list.push_back({rows.value().text(r, 0), rows.value().text(r, 1), rows.value().integer(r, 2), rows.value().text(r, 3)});
    return list;
}

Result<std::optional<StoredCampaign>> MunicipalStore::campaign(const std::string& id) {
    std::lock_guard lock(mutex_);
    auto rows = db_->query("SELECT id, municipality, version, json FROM campaign_edits WHERE id = ?", {id});
    if (!rows) return fail(rows.error());
    if (rows.value().empty()) return std::optional<StoredCampaign>{};
    return std::optional<StoredCampaign>{StoredCampaign{rows.value().text(0, 0), rows.value().text(0, 1),
                                                        rows.value().integer(0, 2), rows.value().text(0, 3)}};
}

Result<MunicipalStore::SavedPlace> MunicipalStore::save_campaign(const std::string& id, const std::string& municipality,
                                                                 const ExpectedVersion& expected,
                                                                 const std::function<std::string(std::int64_t)>& json_at_version,
                                                                 const std::string& who) {
    std::lock_guard lock(mutex_);
    if (auto begun = db_->begin(); !begun) return fail(begun.error());
    Transaction transaction{*db_};
    auto saved = save_versioned(*db_, "campaigns", id, municipality, expected, json_at_version, who);
    if (!saved || saved.value().outcome != SaveOutcome::saved) return saved;
    if (auto logged = audit_in_transaction(who, "campaign-saved", "campaign " + id, municipality); !logged)
        return fail(logged.error());
    if (auto committed = transaction.commit(); !committed) return fail(committed.error());
    return saved;
}

Result<bool> MunicipalStore::audit_in_transaction(const std::string& who, const std::string& action,
                                                  const std::string& target, const std::string& municipality) {
    auto done = db_->query("INSERT INTO audit_log (at, who, action, target, municipality) VALUES (?, ?, ?, ?, ?)",
                           {utc_timestamp_now(), who, action, target, municipality});
    if (!done) return fail(done.error());
    return true;
}

Result<std::vector<AuditEntry>> MunicipalStore::audit(const std::string& municipality) {
    std::lock_guard lock(mutex_);
    auto rows = municipality.empty()
                    ? db_->query("SELECT at, who, action, target, municipality FROM audit_log ORDER BY seq DESC LIMIT 1000")
                    : db_->query("SELECT at, who, action, target, municipality FROM audit_log WHERE municipality = ? "
                                 "ORDER BY seq DESC LIMIT 1000",
                                 {municipality});
    if (!rows) return fail(rows.error());
    std::vector<AuditEntry> list;
    for (std::size_t r = 0; r < rows.value().size(); ++r)
        list.push_back({rows.value().text(r, 0), rows.value().text(r, 1), rows.value().text(r, 2), rows.value().text(r, 3),
                        rows.value().text(r, 4)});
    return list;
}

Result<std::int64_t> MunicipalStore::add_report(const std::string& place, const std::string& municipality,
                                                const std::string& problem, const std::string& note) {
    std::lock_guard lock(mutex_);
    auto row = db_->query("INSERT INTO place_reports (place, municipality, problem, note, at) VALUES (?, ?, ?, ?, ?) RETURNING id",
                          {place, municipality, problem, note, utc_timestamp_now()});
    if (!row) return fail(row.error());
    return row.value().integer(0, 0);
}

namespace {
PlaceReport report_from_row(const SqlRows& rows, std::size_t r) {
    return {rows.integer(r, 0), rows.text(r, 1), rows.text(r, 2), rows.text(r, 3), rows.text(r, 4), rows.text(r, 5),
            !rows.is_null(r, 6)};
}
constexpr const char* kReportColumns = "SELECT id, place, municipality, problem, note, at, resolved_at FROM place_reports";
}  // namespace

Result<std::vector<PlaceReport>> MunicipalStore::reports(const std::string& municipality) {
    std::lock_guard lock(mutex_);
    auto rows = municipality.empty()
                    ? db_->query(std::string(kReportColumns) + " ORDER BY id DESC LIMIT 1000")
                    : db_->query(std::string(kReportColumns) + " WHERE municipality = ? ORDER BY id DESC LIMIT 1000",
                                 {municipality});
    if (!rows) return fail(rows.error());
    std::vector<PlaceReport> list;
    for (std::size_t r = 0; r < rows.value().size(); ++r) list.push_back(report_from_row(rows.value(), r));
    return list;
}

Result<std::optional<PlaceReport>> MunicipalStore::report(std::int64_t id) {
    std::lock_guard lock(mutex_);
    auto rows = db_->query(std::string(kReportColumns) + " WHERE id = ?", {id});
    if (!rows) return fail(rows.error());
    if (rows.value().empty()) return std::optional<PlaceReport>{};
    return std::optional<PlaceReport>{report_from_row(rows.value(), 0)};
}

Result<bool> MunicipalStore::resolve_report(std::int64_t id, const std::string& who) {
    std::lock_guard lock(mutex_);
    if (auto begun = db_->begin(); !begun) return fail(begun.error());
    Transaction transaction{*db_};
    auto rows = db_->query("UPDATE place_reports SET resolved_at = ?, resolved_by = ? WHERE id = ? AND resolved_at IS NULL "
                           "RETURNING municipality",
                           {utc_timestamp_now(), who, id});
    if (!rows) return fail(rows.error());
    if (rows.value().empty()) return false;
    if (auto logged = audit_in_transaction(who, "report-resolved", "report " + std::to_string(id), rows.value().text(0, 0));
        !logged)
        return fail(logged.error());
    if (auto committed = transaction.commit(); !committed) return fail(committed.error());
    return true;
}

}  // namespace stadsmijn::server
