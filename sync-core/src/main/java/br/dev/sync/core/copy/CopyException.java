package br.dev.sync.core.copy;

import br.dev.sync.core.SyncException;

/**
 * A database copy could not be made or was refused: a damaged or truncated file, a file of another format, a target
 * store that is not empty, an incremental copy whose earlier copy was not imported. The message names the file,
 * the stream and what to do. When an import is refused, nothing of the copy was written.
 *
 * <p>Instances are immutable and thread-safe.
 */
public class CopyException extends SyncException {
    public CopyException(String message) {
        super(message);
    }

    public CopyException(String message, Throwable cause) {
        super(message, cause);
    }
}
