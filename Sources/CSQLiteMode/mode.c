#include <sqlite3.h>
#include "CSQLiteMode.h"

int loyal_sqlite_use_multithread_mode(void) {
    return sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
}
