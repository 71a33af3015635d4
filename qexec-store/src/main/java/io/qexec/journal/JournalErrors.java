package io.qexec.journal;

import java.sql.SQLException;

/** Turns SQLite's error codes into sentences that name the journal file and what to do. */
final class JournalErrors {
    private static final int BUSY = 5;
    private static final int LOCKED = 6;
    private static final int READONLY = 8;
    private static final int IOERR = 10;
    private static final int CORRUPT = 11;
    private static final int FULL = 13;
    private static final int CANTOPEN = 14;
    private static final int NOTADB = 26;

    private JournalErrors() {
    }

    static JournalException describe(String where, SQLException e) {
        int code = e.getErrorCode() & 0xff;
        String message = switch (code) {
            case FULL -> "cannot write the run journal " + where + ": the disk is full; free space and run "
                    + "'qexec resume' (everything recorded before is kept)";
            case READONLY, CANTOPEN -> "cannot write the run journal " + where + ": the file or its directory is not "
                    + "writable (choose another with --journal or QEXEC_JOURNAL)";
            case CORRUPT, NOTADB -> where + " is not a usable qexec run journal (corrupt, or not an SQLite database); "
                    + "it was left unchanged: move it away or choose another file with --journal";
            case BUSY, LOCKED -> "the run journal " + where + " stayed locked by another process; try again";
            case IOERR -> "cannot read or write the run journal " + where + ": input/output error (" + e.getMessage()
                    + ")";
            default -> "the run journal " + where + " failed: " + e.getMessage();
        };
        return new JournalException(message, e);
    }
}
