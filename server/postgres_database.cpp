// The PostgreSQL driver of sql_database.h, on libpq (Debian libpq-dev).
#include <libpq-fe.h>

#include <cstring>
#include <map>

#include "server/sql_database.h"

namespace stadsmijn::server {

namespace {

// "... WHERE a = ? AND b = ?" -> "... WHERE a = $1 AND b = $2". Our SQL has no '?' in literals.
std::string numbered_placeholders(const std::string& sql) {
    std::string out;
    int next = 1;
    for (char c : sql) {
        if (c == '?') {
            out += '$';
            out += std::to_string(next++);
        } else {
            out += c;
        }
    }
    return out;
}

class PostgresDatabase final : public SqlDatabase {
public:
    explicit PostgresDatabase(PGconn* connection) : connection_(connection) {}
    ~PostgresDatabase() override { PQfinish(connection_); }

    const char* backend() const override { return "postgresql"; }

    Result<SqlRows> query(const std::string& sql, const std::vector<SqlValue>& params) override {
        if (!ensure_connected()) return failure(nullptr, "the connection to PostgreSQL is lost");
        const std::string* name = prepared(sql);
        if (!name) return failure(nullptr, "cannot prepare a statement");
        std::vector<std::string> texts(params.size());
        std::vector<const char*> values(params.size(), nullptr);
        for (std::size_t i = 0; i < params.size(); ++i) {
            if (const auto* number = std::get_if<std::int64_t>(&params[i])) {
                texts[i] = std::to_string(*number);
                values[i] = texts[i].c_str();
            } else if (const auto* text = std::get_if<std::string>(&params[i])) {
                values[i] = text->c_str();
            }
        }
        PGresult* result = PQexecPrepared(connection_, name->c_str(), static_cast<int>(params.size()), values.data(),
                                          nullptr, nullptr, 0);
        return collect(result);
    }

    Result<bool> execute_script(const std::string& sql) override {
        if (!ensure_connected()) return Error{failure(nullptr, "the connection to PostgreSQL is lost")};
        PGresult* result = PQexec(connection_, sql.c_str());
        auto rows = collect(result);
        if (!rows) return fail(rows.error());
        return true;
    }

    Result<bool> begin() override { return simple("BEGIN"); }
    Result<bool> commit() override { return simple("COMMIT"); }
    void rollback() override {
        PGresult* result = PQexec(connection_, "ROLLBACK");
        PQclear(result);
    }

private:
    bool ensure_connected() {
        if (PQstatus(connection_) == CONNECTION_OK) return true;
        PQreset(connection_);
        statement_names_.clear();  // prepared statements die with the session
        return PQstatus(connection_) == CONNECTION_OK;
    }

    const std::string* prepared(const std::string& sql) {
        auto found = statement_names_.find(sql);
        if (found != statement_names_.end()) return &found->second;
        std::string name = "s" + std::to_string(statement_names_.size() + 1);
        PGresult* result = PQprepare(connection_, name.c_str(), numbered_placeholders(sql).c_str(), 0, nullptr);
        const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
        if (!ok) last_message_ = PQresultErrorMessage(result);
        PQclear(result);
        if (!ok) return nullptr;
        return &statement_names_.emplace(sql, std::move(name)).first->second;
    }

    Result<bool> simple(const char* sql) {
        if (!ensure_connected()) return Error{failure(nullptr, "the connection to PostgreSQL is lost")};
        auto rows = collect(PQexec(connection_, sql));
        if (!rows) return fail(rows.error());
        return true;
    }

    Result<SqlRows> collect(PGresult* result) {
        const ExecStatusType status = PQresultStatus(result);
        if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
            // The primary message only: DETAIL lines quote the values of a violated key.
            const char* primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
            Error error = failure(result, primary ? primary : PQresultErrorMessage(result));
            PQclear(result);
            return error;
        }
        const int columns = PQnfields(result);
        const int count = PQntuples(result);
        SqlRows rows(static_cast<std::size_t>(columns));
        for (int r = 0; r < count; ++r)
            for (int c = 0; c < columns; ++c)
                if (PQgetisnull(result, r, c))
                    rows.add(std::nullopt);
                else
                    rows.add(
                        std::string(PQgetvalue(result, r, c), static_cast<std::size_t>(PQgetlength(result, r, c))));
        PQclear(result);
        return rows;
    }

    Error failure(PGresult* result, const char* message) {
        const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
        if (state && std::strcmp(state, "23505") == 0)
            last_error_kind_ = SqlErrorKind::unique_violation;
        else if (PQstatus(connection_) != CONNECTION_OK)
            last_error_kind_ = SqlErrorKind::connection_lost;
        else
            last_error_kind_ = SqlErrorKind::other;
        std::string text = message && *message ? message : last_message_;
        while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
        return fail("PostgreSQL: " + text);
    }

    PGconn* connection_;
    std::string last_message_;
    std::map<std::string, std::string, std::less<>> statement_names_;
};

}  // namespace

Result<std::unique_ptr<SqlDatabase>> open_postgres(const std::string& connection) {
    PGconn* conn = PQconnectdb(connection.c_str());
    if (PQstatus(conn) != CONNECTION_OK) {
        std::string message = conn ? PQerrorMessage(conn) : "out of memory";
        while (!message.empty() && message.back() == '\n') message.pop_back();
        PQfinish(conn);
        // The connection string may hold a password: it is never repeated in a message.
        return fail("cannot connect to PostgreSQL: " + message);
    }
    // Quiet notices ("relation already exists, skipping") instead of printing them to stderr.
    PQsetNoticeProcessor(
        conn, [](void*, const char*) {}, nullptr);
    auto database = std::make_unique<PostgresDatabase>(conn);
    auto settings = database->execute_script("SET synchronous_commit = on; SET client_encoding = 'UTF8';");
    if (!settings) return fail(settings.error());
    return std::unique_ptr<SqlDatabase>(std::move(database));
}

}  // namespace stadsmijn::server
