package dev.crmkit.core.email;

import java.time.Instant;

/**
 * An open opt-in request: the confirmation link to give the person (sent already when the request named a
 * template), valid until {@code expiresAt}. A later request for the same address replaces it.
 *
 * @param token the signed token the link carries, for {@code confirmOptIn(token)}
 */
public record OptIn(String token, String confirmUrl, Instant expiresAt) {
    @Override
    public String toString() {
        return "OptIn[token=****, expiresAt=" + expiresAt + "]";
    }
}
