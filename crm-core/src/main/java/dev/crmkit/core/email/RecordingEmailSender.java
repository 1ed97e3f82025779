package dev.crmkit.core.email;

import dev.crmkit.core.common.EmailAddress;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An {@link EmailSender} that keeps every message in memory instead of sending it: for tests, examples and
 * development. Thread-safe.
 */
public final class RecordingEmailSender implements EmailSender {
    private final List<EmailMessage> sent = new ArrayList<>();
    private @Nullable EmailSendException failure;

    /** A recorder that has recorded nothing yet. */
    public RecordingEmailSender() {
    }

    @Override
    public synchronized void send(EmailMessage message) {
        if (failure != null) {
            throw failure;
        }
        sent.add(message);
    }

    /** The messages sent so far, oldest first. */
    public synchronized List<EmailMessage> sent() {
        return List.copyOf(sent);
    }

    /** The messages sent so far to {@code address} (compared normalized). */
    public synchronized List<EmailMessage> sentTo(String address) {
        String to = EmailAddress.normalize(address);
        return sent.stream().filter(m -> m.to().value().equals(to)).toList();
    }

    /** Makes every later {@link #send} throw {@code failure} (null: send again). */
    public synchronized void failWith(EmailSendException failure) {
        this.failure = failure;
    }

    /** Forgets the messages sent so far. */
    public synchronized void clear() {
        sent.clear();
    }
}
