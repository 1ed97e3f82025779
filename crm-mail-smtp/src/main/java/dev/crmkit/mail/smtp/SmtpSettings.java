package dev.crmkit.mail.smtp;

import dev.crmkit.core.common.ValidationException;
import java.time.Duration;

/**
 * Where and how {@link SmtpEmailSender} connects. Its {@link #toString()} hides the password.
 *
 * @param username       the login, or null for a server that needs none
 * @param password       the password of {@code username}, or null
 * @param security       plain, STARTTLS (required, not opportunistic) or TLS from the first byte
 * @param connectTimeout longest wait for the TCP connection
 * @param timeout        longest wait for each answer of the server, and for each write to it
 */
public record SmtpSettings(String host, int port, String username, String password, Security security,
                           Duration connectTimeout, Duration timeout) {
    /** How the connection is protected. */
    public enum Security {
        /** No TLS: a relay on the same host or network only. */
        NONE,
        /** Upgrade to TLS with STARTTLS; a server without it is refused. */
        STARTTLS,
        /** TLS from the start (SMTPS, usually port 465). */
        TLS
    }

    public SmtpSettings {
        if (host == null || host.isBlank()) {
            throw new ValidationException("host", "is required");
        }
        if (port < 1 || port > 65535) {
            throw new ValidationException("port", "must be from 1 to 65535");
        }
        if (security == null) {
            throw new ValidationException("security", "is required");
        }
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new ValidationException("connectTimeout", "must be positive");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new ValidationException("timeout", "must be positive");
        }
    }

    /** A server at {@code host:port} with STARTTLS, no login, 10 s to connect and 30 s per answer. */
    public static SmtpSettings of(String host, int port) {
        return new SmtpSettings(host, port, null, null, Security.STARTTLS, Duration.ofSeconds(10),
                Duration.ofSeconds(30));
    }

    public SmtpSettings login(String user, String pass) {
        return new SmtpSettings(host, port, user, pass, security, connectTimeout, timeout);
    }

    public SmtpSettings security(Security value) {
        return new SmtpSettings(host, port, username, password, value, connectTimeout, timeout);
    }

    public SmtpSettings timeouts(Duration connect, Duration answer) {
        return new SmtpSettings(host, port, username, password, security, connect, answer);
    }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", username=" + username + ", password="
                + (password == null ? null : "****") + ", security=" + security + ", connectTimeout=" + connectTimeout
                + ", timeout=" + timeout + "]";
    }
}
