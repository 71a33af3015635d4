package io.qexec.journal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The journal's tables and their migrations. The version lives in SQLite's {@code user_version}; the file is
 * marked as a qexec journal with {@code application_id}, so a foreign SQLite file is refused, never changed.
 * Migrations only add: a newer program opens an older journal and upgrades it in one transaction.
 */
final class Schema {
    /** "qexj" in ASCII. */
    static final int APPLICATION_ID = 0x7165786A;

    private static final List<List<String>> MIGRATIONS = List.of(
            List.of(
                """
                CREATE TABLE runs (
                  id TEXT PRIMARY KEY,
                  name TEXT NOT NULL,
                  created_at INTEGER NOT NULL,
                  dispatch TEXT NOT NULL,
                  merge_policy TEXT NOT NULL,
                  merge_data TEXT NOT NULL,
                  options TEXT NOT NULL,
                  merged TEXT,
                  job_count INTEGER NOT NULL
                )""",
                """
                CREATE TABLE jobs (
                  run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                  job_id TEXT NOT NULL,
                  position INTEGER NOT NULL,
                  provider TEXT NOT NULL,
                  backend TEXT NOT NULL,
                  state TEXT NOT NULL,
                  submitting_at TEXT,
                  handle TEXT,
                  result TEXT,
                  PRIMARY KEY (run_id, job_id)
                )""",
                """
                CREATE TABLE transitions (
                  seq INTEGER PRIMARY KEY AUTOINCREMENT,
                  run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                  job_id TEXT NOT NULL,
                  state TEXT NOT NULL,
                  at TEXT NOT NULL,
                  error TEXT
                )""",
                "CREATE INDEX transitions_by_job ON transitions(run_id, job_id, seq)",
                """
                CREATE TABLE leases (
                  run_id TEXT PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
                  pid INTEGER NOT NULL,
                  host TEXT NOT NULL,
                  since TEXT NOT NULL
                )"""
            ));

    private Schema() {
    }

    /** The version this program writes. */
    static int latest() {
        return MIGRATIONS.size();
    }

    /**
     * Refuses a file that is not a qexec journal, without writing to it.
     *
     * @throws JournalException for a foreign file
     */
    static void checkOwner(Connection c, String where) throws SQLException {
        int appId = pragma(c, "application_id");
        int version = pragma(c, "user_version");
        if (appId != APPLICATION_ID && !(appId == 0 && version == 0 && tableCount(c) == 0)) {
            throw new JournalException(where + " is an SQLite database but not a qexec run journal; "
                    + "choose another file (it was left unchanged)");
        }
    }

    /**
     * Brings the file to the latest version.
     *
     * @throws JournalException for a foreign file or one written by a newer program
     */
    static void migrate(Connection c, String where) throws SQLException {
        try (Statement s = c.createStatement()) {
            // An immediate transaction: two processes opening a new journal at once migrate it once.
            s.execute("BEGIN IMMEDIATE");
            try {
                checkOwner(c, where);
                int version = pragma(c, "user_version");
                if (version > latest()) {
                    throw new JournalException(where + " was written by a newer qexec (journal version " + version
                            + ", this one reads up to " + latest() + "); upgrade qexec");
                }
                for (int v = version; v < latest(); v++) {
                    for (String sql : MIGRATIONS.get(v)) {
                        s.execute(sql);
                    }
                }
                if (version < latest()) {
                    s.execute("PRAGMA application_id = " + APPLICATION_ID);
                    s.execute("PRAGMA user_version = " + latest());
                }
                s.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                s.execute("ROLLBACK");
                throw e;
            }
        }
    }

    private static int pragma(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static int tableCount(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
