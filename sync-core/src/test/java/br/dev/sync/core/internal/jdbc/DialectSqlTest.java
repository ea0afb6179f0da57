package br.dev.sync.core.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The statements each dialect writes: the version comparison sits inside the upsert. */
class DialectSqlTest {
    private static final List<String> COLUMNS = List.of("\"id\"", "\"name\"", "\"version\"");

    @Test
    void postgresqlUpdatesOnConflictOnlyWhenTheStoredVersionIsOlder() {
        String sql = new PostgresDialect().versionedUpsert("\"items\"", COLUMNS, List.of("\"id\""), "\"version\"");
        assertThat(sql)
                .isEqualTo("INSERT INTO \"items\" AS t (\"id\", \"name\", \"version\") VALUES (?, ?, ?)"
                        + " ON CONFLICT (\"id\") DO UPDATE SET \"name\" = EXCLUDED.\"name\","
                        + " \"version\" = EXCLUDED.\"version\" WHERE t.\"version\" < EXCLUDED.\"version\"");
    }

    @Test
    void mariadbComparesVersionsInEveryAssignmentAndAssignsTheVersionLast() {
        MariaDbDialect d = new MariaDbDialect();
        List<String> cols = List.of("`id`", "`version`", "`name`");
        String sql = d.versionedUpsert("`items`", cols, List.of("`id`"), "`version`");
        assertThat(sql)
                .isEqualTo("INSERT INTO `items` (`id`, `version`, `name`) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE"
                        + " `name` = IF(VALUES(`version`) > `version`, VALUES(`name`), `name`),"
                        + " `version` = IF(VALUES(`version`) > `version`, VALUES(`version`), `version`)");
    }

    @Test
    void h2MergesWithTheVersionCheckInTheMatchedBranch() {
        String sql = new H2Dialect().versionedUpsert("\"items\"", COLUMNS, List.of("\"id\""), "\"version\"");
        assertThat(sql)
                .isEqualTo("MERGE INTO \"items\" t USING (VALUES (?, ?, ?)) s(\"id\", \"name\", \"version\")"
                        + " ON t.\"id\" = s.\"id\" WHEN MATCHED AND t.\"version\" < s.\"version\" THEN UPDATE SET"
                        + " \"name\" = s.\"name\", \"version\" = s.\"version\" WHEN NOT MATCHED THEN INSERT"
                        + " (\"id\", \"name\", \"version\") VALUES (s.\"id\", s.\"name\", s.\"version\")");
    }

    @Test
    void quotingDoublesTheQuoteCharacter() {
        assertThat(new PostgresDialect().quote("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(new H2Dialect().quote("x")).isEqualTo("\"x\"");
        assertThat(new MariaDbDialect().quote("a`b")).isEqualTo("`a``b`");
    }

    @Test
    void onlyPlainNamesPassAsIdentifiers() {
        assertThat(Identifiers.isName("pre_postings")).isTrue();
        assertThat(Identifiers.isName("_x9")).isTrue();
        assertThat(Identifiers.isName("a".repeat(63))).isTrue();
        assertThat(Identifiers.isName("a".repeat(64))).isFalse();
        assertThat(Identifiers.isName("9lives")).isFalse();
        assertThat(Identifiers.isName("a b")).isFalse();
        assertThat(Identifiers.isName("a;drop")).isFalse();
        assertThat(Identifiers.isName("açúcar")).isFalse();
        assertThat(Identifiers.isName("")).isFalse();
        assertThat(Identifiers.isName(null)).isFalse();
        assertThat(Identifiers.isQualifiedName("erp.pre_postings")).isTrue();
        assertThat(Identifiers.isQualifiedName("a.b.c")).isFalse();
        assertThat(Identifiers.isQualifiedName(".x")).isFalse();
        assertThat(Identifiers.isQualifiedName("x.")).isFalse();
    }

    @Test
    void microsecondsRoundTripInstants() {
        java.time.Instant t = java.time.Instant.parse("2026-11-21T22:00:00.123456Z");
        assertThat(Micros.toInstant(Micros.of(t))).isEqualTo(t);
        java.time.Instant before1970 = java.time.Instant.parse("1969-12-31T23:59:59.999999Z");
        assertThat(Micros.toInstant(Micros.of(before1970))).isEqualTo(before1970);
    }

    @Test
    void aBlockersStatementIsShownWithoutItsLiterals() {
        assertThat(Sessions.shorten("UPDATE users\n SET password = 'it''s secret' WHERE id = 'u1'"))
                .isEqualTo("UPDATE users SET password = '?' WHERE id = '?'");
        assertThat(Sessions.shorten(null)).isEqualTo("none");
        assertThat(Sessions.shorten("SELECT " + "x, ".repeat(100))).hasSize(123).endsWith("...");
    }
}
