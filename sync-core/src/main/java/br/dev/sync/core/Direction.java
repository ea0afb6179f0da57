package br.dev.sync.core;

/** Which way a stream's records travel between the local node and the remote system. */
public enum Direction {
    /** Remote to local only. */
    PULL,
    /** Local to remote only. */
    PUSH,
    /** Both ways; pulled changes are checked against pending local ones (conflicts). */
    BOTH
}
