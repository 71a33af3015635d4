package io.qexec.journal;

/**
 * The run journal cannot be used: the file is corrupt or belongs to something else, the disk is full, the
 * directory is not writable, or another process holds the run. The message names the file and the problem
 * in a sentence a person can act on; nothing already in the journal is lost.
 */
public class JournalException extends RuntimeException {

    /** A failure with a message for a person. */
    public JournalException(String message) {
        super(message);
    }

    /** A failure with a message for a person and its cause. */
    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
