// What municipal teams keep current themselves (issue 18), in the poll database (SQLite or
// PostgreSQL): editor accounts, edited places with versions, the audit log, residents' reports
// and edited campaigns. Every instance reads the database on each request, so an edit or a
// revoked token counts on every instance at once.
//
//   auto store = MunicipalStore::open("build/stadsmijn.sqlite3");
//   auto editor = store.value()->create_editor("Team Afval Haarlem", {"haarlem"});  // token once
//   auto found = store.value()->editor_by_token(token);                              // by its hash
//   auto saved = store.value()->save_place(place_json, id, municipality, expected, who);
//
// Migrations are numbered (kMigrations in the .cpp) and recorded in `schema_migrations`; a new
// one is appended, never edited. Tokens are stored only as BLAKE2b hashes.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "server/sql_database.h"

namespace stadsmijn::server {

struct EditorAccount {
    std::int64_t id = 0;
    std::string name;
    std::vector<std::string> municipalities;
    std::string created;  // UTC, ISO 8601
    std::string revoked;  // empty while the token works
};

struct NewEditor {
    EditorAccount account;
    std::string token;  // shown once, never stored
};

// An edited place as stored: the place JSON (place_json of app/core) and its version.
struct StoredPlace {
    std::string id;
    std::string municipality;
    std::int64_t version = 0;
    std::string json;
};

// What save_place expects to find: a new id (If-None-Match: *), or the version the editor saw
// (If-Match; 0 for a bundled place never edited).
struct ExpectedVersion {
    bool create = false;
    std::int64_t version = 0;
};

enum class SaveOutcome { saved, stale };

struct AuditEntry {
    std::string at, who, action, target, municipality;
};

struct PlaceReport {
    std::int64_t id = 0;
    std::string place, municipality, problem, note, at;
    bool resolved = false;
};

struct StoredCampaign {
    std::string id;
    std::string municipality;
    std::int64_t version = 0;
    std::string json;
};

class MunicipalStore {
public:
    static Result<std::unique_ptr<MunicipalStore>> open(const std::string& database);

    // Editors. The token: 32 random bytes (libsodium), base64url.
    Result<NewEditor> create_editor(const std::string& name, const std::vector<std::string>& municipalities,
                                    const std::string& who);
    Result<std::vector<EditorAccount>> editors();
    // False when there is no such editor, or it was revoked before.
    Result<bool> revoke_editor(std::int64_t id, const std::string& who);
    // The account whose token this is, when it is not revoked.
    Result<std::optional<EditorAccount>> editor_by_token(const std::string& token);

    // Places. The overlay version is the highest place version (0 when nothing was edited).
    Result<std::int64_t> overlay_version();
    Result<std::vector<StoredPlace>> places();
    Result<std::optional<StoredPlace>> place(const std::string& id);
    // Stores the place under the next overlay version, when `expected` still holds; with an
    // audit entry in the same transaction. `json` must hold the final place; `version` is filled
    // in by this call through `with_version(json, version)`.
    struct SavedPlace {
        SaveOutcome outcome = SaveOutcome::stale;
        StoredPlace place;
    };
    Result<SavedPlace> save_place(const std::string& id, const std::string& municipality, const ExpectedVersion& expected,
                                  const std::function<std::string(std::int64_t version)>& json_at_version,
                                  const std::string& who, const std::string& action);

    Result<std::vector<AuditEntry>> audit(const std::string& municipality);  // "" for all, newest first

    // Reports from residents.
    Result<std::int64_t> add_report(const std::string& place, const std::string& municipality,
                                    const std::string& problem, const std::string& note);
    Result<std::vector<PlaceReport>> reports(const std::string& municipality);  // "" for all
    Result<std::optional<PlaceReport>> report(std::int64_t id);
    Result<bool> resolve_report(std::int64_t id, const std::string& who);

    // Campaigns edited through the API.
    Result<std::vector<StoredCampaign>> campaigns();
    Result<std::optional<StoredCampaign>> campaign(const std::string& id);
    Result<SavedPlace> save_campaign(const std::string& id, const std::string& municipality,
                                     const ExpectedVersion& expected,
                                     const std::function<std::string(std::int64_t version)>& json_at_version,
                                     const std::string& who);

private:
    explicit MunicipalStore(std::unique_ptr<SqlDatabase> db) : db_(std::move(db)) {}
    Result<bool> migrate();
    Result<bool> audit_in_transaction(const std::string& who, const std::string& action, const std::string& target,
                                      const std::string& municipality);
    std::mutex mutex_;  // one connection, used by one request at a time
    std::unique_ptr<SqlDatabase> db_;
    bool postgres_ = false;
};

// The current time in UTC as "2026-12-04T19:30:00Z".
std::string utc_timestamp_now();

}  // namespace stadsmijn::server
