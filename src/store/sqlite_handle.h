// RAII around SQLite's C handles, and the few calls the store makes through them. Every error names
// the database file, so "afg.db: no such table: mention" says where to look.
#ifndef VIGIE_STORE_SQLITE_HANDLE_H_
#define VIGIE_STORE_SQLITE_HANDLE_H_

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "vigie/status.h"

namespace vigie::internal {

struct SqliteCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct SqliteFinalizer {
  void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};
using SqliteDb = std::unique_ptr<sqlite3, SqliteCloser>;

// A prepared statement: bind by 1-based index, Step() until it says there is no row, Reset().
class Statement {
 public:
  Statement() = default;
  Statement(sqlite3_stmt* stmt, const std::string* path) : stmt_(stmt), path_(path) {}

  explicit operator bool() const { return stmt_ != nullptr; }
  Statement& Bind(int i, std::string_view text) {
    sqlite3_bind_text(stmt_.get(), i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& Bind(int i, const char* text) { return Bind(i, std::string_view(text)); }
  Statement& Bind(int i, int64_t value) {
    sqlite3_bind_int64(stmt_.get(), i, value);
    return *this;
  }
  Statement& Bind(int i, int value) { return Bind(i, static_cast<int64_t>(value)); }
  Statement& Bind(int i, double value) {
    sqlite3_bind_double(stmt_.get(), i, value);
    return *this;
  }
  // Bytes, stored as a BLOB (an empty one for no bytes, never NULL).
  Statement& BindBlob(int i, std::string_view bytes) {
    sqlite3_bind_blob(stmt_.get(), i, bytes.empty() ? "" : bytes.data(),
                      static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& BindNull(int i) {
    sqlite3_bind_null(stmt_.get(), i);
    return *this;
  }
  template <typename T>
  Statement& Bind(int i, const std::optional<T>& value) {
    if (value) return Bind(i, *value);
    return BindNull(i);
  }

  // True with a row to read, false when done, or the error.
  Result<bool> Step();
  // Runs to completion, for statements that return no rows.
  Status Run();
  // Steps through every row, calling row(*this) on each; stops at the first error.
  template <typename F>
  Status ForEachRow(F&& row) {
    for (;;) {
      auto more = Step();
      if (!more.ok()) return more.status();
      if (!*more) return Status::Ok();
      row(static_cast<const Statement&>(*this));
    }
  }
  void Reset() {
    sqlite3_reset(stmt_.get());
    sqlite3_clear_bindings(stmt_.get());
  }

  std::string Text(int column) const {
    const unsigned char* p = sqlite3_column_text(stmt_.get(), column);
    return p == nullptr
               ? std::string()
               : std::string(reinterpret_cast<const char*>(p),
                             static_cast<size_t>(sqlite3_column_bytes(stmt_.get(), column)));
  }
  std::string Blob(int column) const {
    const void* p = sqlite3_column_blob(stmt_.get(), column);
    return p == nullptr
               ? std::string()
               : std::string(static_cast<const char*>(p),
                             static_cast<size_t>(sqlite3_column_bytes(stmt_.get(), column)));
  }
  int ColumnCount() const { return sqlite3_column_count(stmt_.get()); }
  int64_t Int(int column) const { return sqlite3_column_int64(stmt_.get(), column); }
  double Double(int column) const { return sqlite3_column_double(stmt_.get(), column); }
  bool IsNull(int column) const { return sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL; }
  std::optional<int64_t> OptionalInt(int column) const {
    return IsNull(column) ? std::nullopt : std::optional<int64_t>(Int(column));
  }
  std::optional<double> OptionalDouble(int column) const {
    return IsNull(column) ? std::nullopt : std::optional<double>(Double(column));
  }

 private:
  std::unique_ptr<sqlite3_stmt, SqliteFinalizer> stmt_;
  const std::string* path_ = nullptr;
};

// One open database file.
class Database {
 public:
  static Result<Database> Open(const std::string& path);

  Status Exec(const char* sql);
  Result<Statement> Prepare(std::string_view sql);
  Status Error(std::string_view what) const;
  const std::string& path() const { return *path_; }
  sqlite3* handle() const { return db_.get(); }

 private:
  SqliteDb db_;
  // Kept on the heap so that statements can point at it while the Database moves.
  std::unique_ptr<std::string> path_;
};

}  // namespace vigie::internal

#endif  // VIGIE_STORE_SQLITE_HANDLE_H_
