#ifndef CSQLITEMODE_H
#define CSQLITEMODE_H

/// Puts SQLite in multi-thread mode: no mutex around every call on a connection.
/// GRDB already hands each connection to one thread at a time (and supports only
/// that mode), while the serialized default takes a lock in every sqlite3_step and
/// sqlite3_column_* call, a sixth of the time of a refresh's bulk reads.
/// sqlite3_config is variadic, which Swift cannot call, hence this C function.
/// Returns SQLITE_OK, or SQLITE_MISUSE when SQLite was already initialised
/// (then nothing changes).
int loyal_sqlite_use_multithread_mode(void);

#endif
