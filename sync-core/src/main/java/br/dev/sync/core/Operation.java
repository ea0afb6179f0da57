package br.dev.sync.core;

/** What a change does to its key. A delete is a versioned tombstone: an older upsert never brings the row back. */
public enum Operation {
    UPSERT,
    DELETE
}
