#include <sqlite3.h>

// sqlite3_config is variadic, which Swift cannot call: the one setting the Store makes, wrapped.
// Off, SQLite keeps no allocation statistics, so each of its allocations takes no global mutex.
static inline int dq_sqlite3_config_memstatus(int on) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, on);
}
