package br.dev.sync.portal.sandbox;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;

/**
 * How a sandbox starts: the seed and sizes of its data, the first day of the seeded period, the credentials it
 * accepts and how long its tokens last.
 *
 * <p>Immutable and thread-safe.
 *
 * @param seed the seed of the generated data: the same seed gives the same data
 * @param prePostings how many pre-postings to seed
 * @param clients how many clients to seed
 * @param outposts how many outposts (postos avançados) are registered, coded 0001, 0002 ...
 * @param firstDay the first day of the seeded period; records are spread over {@code days} days from it
 * @param days how many days the seeded period has
 */
public record SandboxOptions(
        long seed,
        int prePostings,
        int clients,
        int outposts,
        LocalDate firstDay,
        int days,
        String agency,
        String login,
        String secret,
        Duration tokenTtl) {
    public SandboxOptions {
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(tokenTtl, "tokenTtl");
        if (prePostings < 0 || clients < 1 || outposts < 0 || days < 1) {
            throw new IllegalArgumentException("sizes must be positive (clients and days at least 1)");
        }
    }

    /** Seed 42, 2,000 pre-postings, 200 clients, 3 outposts, 7 days from 2026-11-16, agency 0042. */
    public static SandboxOptions defaults() {
        return new SandboxOptions(
                42,
                2_000,
                200,
                3,
                LocalDate.of(2026, 11, 16),
                7,
                "0042",
                "agencia0042",
                "sandbox-secret",
                Duration.ofMinutes(30));
    }

    public SandboxOptions withPrePostings(int n) {
        return new SandboxOptions(seed, n, clients, outposts, firstDay, days, agency, login, secret, tokenTtl);
    }

    public SandboxOptions withOutposts(int n) {
        return new SandboxOptions(seed, prePostings, clients, n, firstDay, days, agency, login, secret, tokenTtl);
    }

    public SandboxOptions withSeed(long s) {
        return new SandboxOptions(s, prePostings, clients, outposts, firstDay, days, agency, login, secret, tokenTtl);
    }

    public SandboxOptions withTokenTtl(Duration ttl) {
        return new SandboxOptions(seed, prePostings, clients, outposts, firstDay, days, agency, login, secret, ttl);
    }

    /** The last day of the seeded period. */
    public LocalDate lastDay() {
        return firstDay.plusDays(days - 1L);
    }
}
