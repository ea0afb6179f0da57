package br.dev.sync.core.internal.copy;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The copy file: a zip archive (deflated) with one data entry and one keys entry per stream, then
 * {@code manifest.json} last, once every count and checksum is known. Entry names: {@code streams/<name>/data.jsonl}
 * and {@code streams/<name>/keys.jsonl}.
 */
final class CopyFormat {
    static final String MANIFEST = "manifest.json";

    private CopyFormat() {}

    static String data(String stream) {
        return "streams/" + stream + "/data.jsonl";
    }

    static String keys(String stream) {
        return "streams/" + stream + "/keys.jsonl";
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
