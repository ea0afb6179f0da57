package br.dev.sync.core;

/** Where a record failed on its way in or out. */
public enum QuarantineStage {
    /** The raw form could not be read (malformed or oversized). */
    DECODE,
    /** It was read but breaks a rule (a tracking code, a CPF, a required field). */
    VALIDATE,
    /** Its key, version or fields could not be taken from it. */
    MAP,
    /** The store refused it. */
    APPLY,
    /** It conflicts with a pending local change of a stream whose rule is manual: a person decides. */
    CONFLICT,
    /** The remote side refused a pushed record. */
    PUSH
}
