package br.dev.sync.core;

/**
 * One record could not be taken: it failed decoding, validation, mapping or applying. The engine never lets this
 * escape a run: the record goes to quarantine with this message as its reason, and the rest of the page goes on.
 * Codecs and resolvers throw it to say "this record, for this reason".
 *
 * <p>Instances are immutable and thread-safe.
 */
public class RecordRejectedException extends SyncException {
    public RecordRejectedException(String message) {
        super(message);
    }

    public RecordRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
