// The SQLite driver of sql_database.h.
#include <sqlite3.h>

#include <charconv>
#include <filesystem>
#include <map>

#include "server/sql_database.h"

namespace stadsmijn::server {

std::int64_t SqlRows::integer(std::size_t row, std::size_t column) const {
    const auto& cell = cells_[row * columns_ + column];
    if (!cell) return 0;
    std::int64_t value = 0;
    std::from_chars(cell->data(), cell->data() + cell->size(), value);
    return value;
}

const std::string& SqlRows::text(std::size_t row, std::size_t column) const {
    static const std::string empty;
    const auto& cell = cells_[row * columns_ + column];
    return cell ? *cell : empty;
}

bool is_postgres_connection(const std::string& database) {
    return database.starts_with("postgresql://") || database.starts_with("postgres://") ||
           database.find("dbname=") != std::string::npos || database.find("host=") != std::string::npos;
}

namespace {

class SqliteDatabase final : public SqlDatabase {
public:
    explicit SqliteDatabase(sqlite3* db) : db_(db) {}
    ~SqliteDatabase() override {
        for (auto& [sql, statement] : statements_) sqlite3_finalize(statement);
        sqlite3_close(db_);
    }

    const char* backend() const override { return "sqlite"; }

    Result<SqlRows> query(const std::string& sql, const std::vector<SqlValue>& params) override {
        sqlite3_stmt* statement = prepared(sql);
        if (!statement) return failure("cannot prepare");
        sqlite3_reset(statement);
        sqlite3_clear_bindings(statement);
        for (std::size_t i = 0; i < params.size(); ++i) {
            const int index = static_cast<int>(i + 1);
            if (std::holds_alternative<std::nullptr_t>(params[i])) {
                sqlite3_bind_null(statement, index);
            } else if (const auto* number = std::get_if<std::int64_t>(&params[i])) {
                sqlite3_bind_int64(statement, index, *number);
            } else {
                const std::string& text = std::get<std::string>(params[i]);
                sqlite3_bind_text(statement, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
            }
        }
        const int columns = sqlite3_column_count(statement);
        SqlRows rows(static_cast<std::size_t>(columns));
        for (;;) {
            int step = sqlite3_step(statement);
            if (step == SQLITE_DONE) break;
            if (step != SQLITE_ROW) {
                auto error = failure("cannot run");
                sqlite3_reset(statement);
                return error;
            }
            for (int c = 0; c < columns; ++c) {
                if (sqlite3_column_type(statement, c) == SQLITE_NULL) {
                    rows.add(std::nullopt);
                } else {
                    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, c));
                    rows.add(std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(statement, c))));
                }
            }
        }
        sqlite3_reset(statement);
        return rows;
    }

    Result<bool> execute_script(const std::string& sql) override {
        char* message = nullptr;
        if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
            std::string text = message ? message : "unknown error";
            sqlite3_free(message);
            return fail("SQLite: " + text);
        }
        return true;
    }

    Result<bool> begin() override { return run("BEGIN IMMEDIATE"); }
    Result<bool> commit() override { return run("COMMIT"); }
    void rollback() override { sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr); }

private:
    sqlite3_stmt* prepared(const std::string& sql) {
        auto found = statements_.find(sql);
        if (found != statements_.end()) return found->second;
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &statement, nullptr) != SQLITE_OK) {
            sqlite3_finalize(statement);
            return nullptr;
        }
        statements_.emplace(sql, statement);
        return statement;
    }

    Result<bool> run(const char* sql) {
        if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) return failure(sql);
        return true;
    }

    Error failure(const std::string& what) {
        const int code = sqlite3_extended_errcode(db_);
        last_error_kind_ = code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY
                               ? SqlErrorKind::unique_violation
                               : SqlErrorKind::other;
        return fail("SQLite (" + what + "): " + sqlite3_errmsg(db_));
    }

    sqlite3* db_;
    std::map<std::string, sqlite3_stmt*, std::less<>> statements_;
};

}  // namespace

Result<std::unique_ptr<SqlDatabase>> open_sqlite(const std::string& path) {
    std::error_code error;
    const auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent, error);
    sqlite3* db = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
        std::string message = db ? sqlite3_errmsg(db) : "out of memory";
        sqlite3_close(db);
        return fail("cannot open the SQLite database " + path + ": " + message);
    }
    auto database = std::make_unique<SqliteDatabase>(db);
    // WAL lets the reader connection read while the writer commits; synchronous=FULL makes each
    // COMMIT wait until the log is on disk (NORMAL would lose the last commits on power loss).
    auto pragmas = database->execute_script(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;");
    if (!pragmas) return fail("cannot configure the SQLite database " + path + ": " + pragmas.error());
    auto mode = database->query("PRAGMA journal_mode", {});
    if (!mode || mode.value().empty() || mode.value().text(0, 0) != "wal")
        return fail("the SQLite database " + path + " cannot use WAL mode (is it on a network file system?)");
    return std::unique_ptr<SqlDatabase>(std::move(database));
}

}  // namespace stadsmijn::server
