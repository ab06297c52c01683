// One small interface over the two databases the poll store runs on: SQLite (the default, one
// file) and PostgreSQL (several server instances sharing one poll). The store writes its SQL
// once, with `?` placeholders; each driver binds them its own way.
//
//   auto db = open_sqlite("build/stadsmijn.sqlite3");      // or open_postgres("postgresql://...")
//   auto rows = db.value()->query("SELECT id FROM polls WHERE id = ?", {std::string("x")});
//   for (std::size_t r = 0; r < rows.value().size(); ++r) use(rows.value().integer(r, 0));
//
// A connection is not thread-safe: its owner serialises calls (the store keeps one writer and one
// reader connection, each behind a mutex). Values travel as text or 64-bit integers only.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/result.h"

namespace stadsmijn::server {

using SqlValue = std::variant<std::nullptr_t, std::int64_t, std::string>;

class SqlRows {
public:
    SqlRows() = default;
    explicit SqlRows(std::size_t columns) : columns_(columns) {}

    std::size_t size() const { return columns_ == 0 ? 0 : cells_.size() / columns_; }
    bool empty() const { return size() == 0; }
    std::size_t columns() const { return columns_; }
    bool is_null(std::size_t row, std::size_t column) const { return !cells_[row * columns_ + column]; }
    std::int64_t integer(std::size_t row, std::size_t column) const;     // 0 for NULL or text that is not a number
    const std::string& text(std::size_t row, std::size_t column) const;  // "" for NULL

    void add(std::optional<std::string> cell) { cells_.push_back(std::move(cell)); }

private:
    std::size_t columns_ = 0;
    std::vector<std::optional<std::string>> cells_;
};

enum class SqlErrorKind {
    other,
    unique_violation,  // a concurrent writer got there first: retry
    connection_lost,
};

class SqlDatabase {
public:
    virtual ~SqlDatabase() = default;
    virtual const char* backend() const = 0;  // "sqlite" or "postgresql"

    // Runs one statement with `?` placeholders bound to params, in order.
    virtual Result<SqlRows> query(const std::string& sql, const std::vector<SqlValue>& params = {}) = 0;
    // Runs several statements without parameters (schema creation).
    virtual Result<bool> execute_script(const std::string& sql) = 0;

    // A write transaction: SQLite takes the write lock at once (BEGIN IMMEDIATE), so a
    // transaction never fails half-way because another connection writes.
    virtual Result<bool> begin() = 0;
    virtual Result<bool> commit() = 0;
    virtual void rollback() = 0;

    // What the last failure was, for retry decisions.
    SqlErrorKind last_error_kind() const { return last_error_kind_; }

protected:
    SqlErrorKind last_error_kind_ = SqlErrorKind::other;
};

// SQLite in WAL mode with synchronous=FULL: a COMMIT returns only after the write-ahead log is
// on disk, so an acknowledged vote survives a crash of the process or of the machine.
Result<std::unique_ptr<SqlDatabase>> open_sqlite(const std::string& path);

// PostgreSQL through libpq; `connection` is a URI (postgresql://...) or key=value pairs. The
// server's default synchronous_commit=on makes COMMIT wait for the WAL flush.
Result<std::unique_ptr<SqlDatabase>> open_postgres(const std::string& connection);

// True for connection strings that name PostgreSQL rather than a SQLite file.
bool is_postgres_connection(const std::string& database);

}  // namespace stadsmijn::server
