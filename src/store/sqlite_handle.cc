#include "store/sqlite_handle.h"

namespace vigie::internal {

Result<bool> Statement::Step() {
  int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  sqlite3* db = sqlite3_db_handle(stmt_.get());
  return IoError((path_ != nullptr ? *path_ : std::string("sqlite")) + ": " + sqlite3_errmsg(db) +
                 " (in: " + sqlite3_sql(stmt_.get()) + ")");
}

Status Statement::Run() {
  Result<bool> row = Step();
  while (row.ok() && *row) row = Step();
  Status status = row.status();
  Reset();
  return status;
}

Result<Database> Database::Open(const std::string& path) {
  Database database;
  database.path_ = std::make_unique<std::string>(path);
  sqlite3* raw = nullptr;
  int rc =
      sqlite3_open_v2(path.c_str(), &raw,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  database.db_.reset(raw);
  if (rc != SQLITE_OK) {
    return IoError(path +
                   ": cannot open: " + (raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
  }
  // A reader waits for a writer's checkpoint instead of failing at once.
  sqlite3_busy_timeout(raw, 5000);
  return database;
}

Status Database::Exec(const char* sql) {
  char* message = nullptr;
  int rc = sqlite3_exec(db_.get(), sql, nullptr, nullptr, &message);
  if (rc == SQLITE_OK) return Status::Ok();
  std::string text = message != nullptr ? message : sqlite3_errstr(rc);
  sqlite3_free(message);
  return IoError(*path_ + ": " + text);
}

Result<Statement> Database::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) {
    return IoError(*path_ + ": " + sqlite3_errmsg(db_.get()) + " (in: " + std::string(sql) + ")");
  }
  return Statement(stmt, path_.get());
}

Status Database::Error(std::string_view what) const {
  return IoError(*path_ + ": " + std::string(what) + ": " + sqlite3_errmsg(db_.get()));
}

}  // namespace vigie::internal
