// The SQLite schema, with its version in meta.schema_version. Opening a store of an older version
// runs the migrations after it in order; a newer version is refused, since this build would not
// know what its tables mean.
#ifndef VIGIE_STORE_SCHEMA_H_
#define VIGIE_STORE_SCHEMA_H_

#include "store/sqlite_handle.h"

namespace vigie::internal {

inline constexpr int kSchemaVersion = 4;

// The indexes of the event table, dropped and rebuilt around each refresh's bulk insert.
inline constexpr const char* kEventIndexes =
    "CREATE INDEX IF NOT EXISTS event_type_date ON event(type, date_earliest);"
    "CREATE INDEX IF NOT EXISTS event_place_date ON event(country, admin1, date_earliest);"
    "CREATE INDEX IF NOT EXISTS event_date ON event(date_earliest);"
    "CREATE INDEX IF NOT EXISTS event_status_date ON event(status, date_earliest);";

// Creates the tables in an empty database, or migrates an older one to kSchemaVersion.
Status EnsureSchema(Database& db);

}  // namespace vigie::internal

#endif  // VIGIE_STORE_SCHEMA_H_
