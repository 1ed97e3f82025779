package dev.crmkit.core.nurture;

import dev.crmkit.core.common.IllegalTransitionException;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Versioned;
import dev.crmkit.core.email.SentEmailId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One lead's way through one sequence: the step it is at and when that step runs, the steps it went through
 * ({@code path}), the emails its steps sent, and how it ended. One active or paused enrollment per person and
 * sequence. Changes go through its behaviour methods, which keep these rules: only an active enrollment moves on or
 * pauses, only a paused one resumes, an ended one (completed or exited) never changes again.
 */
public record Enrollment(EnrollmentId id, long version, SequenceId sequence, LeadId lead, EnrollmentStatus status,
                         @Nullable String step, @Nullable Instant dueAt, List<String> path,
                         Map<String, SentEmailId> sent, @Nullable ExitReason exitReason, Instant enrolledAt,
                         Instant updatedAt)
        implements Versioned<EnrollmentId, Enrollment> {
    public Enrollment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sequence, "sequence");
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(enrolledAt, "enrolledAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        path = List.copyOf(path);
        sent = Map.copyOf(sent);
        if ((status == EnrollmentStatus.EXITED) != (exitReason != null)) {
            throw new IllegalArgumentException("an exited enrollment, and only one, has an exit reason");
        }
        if ((status == EnrollmentStatus.ACTIVE) != (dueAt != null)) {
            throw new IllegalArgumentException("an active enrollment, and only one, has a due time");
        }
    }

    /** A new active enrollment at the sequence's first step, due at once. */
    static Enrollment start(EnrollmentId id, SequenceId sequence, LeadId lead, String first, Instant now) {
        return new Enrollment(id, 0, sequence, lead, EnrollmentStatus.ACTIVE, first, now, List.of(), Map.of(), null,
                now, now);
    }

    /** Whether it is active or paused: the person is still in the sequence. */
    public boolean open() {
        return status == EnrollmentStatus.ACTIVE || status == EnrollmentStatus.PAUSED;
    }

    @Override
    public Enrollment withVersion(long newVersion) {
        return new Enrollment(id, newVersion, sequence, lead, status, step, dueAt, path, sent, exitReason,
                enrolledAt, updatedAt);
    }

    /** Done with the current step (which sent {@code email}, or null): {@code next} runs at {@code due}. */
    Enrollment moveOn(String next, Instant due, @Nullable SentEmailId email, Instant now) {
        require(EnrollmentStatus.ACTIVE, EnrollmentStatus.ACTIVE);
        List<String> walked = new ArrayList<>(path);
        walked.add(step);
        Map<String, SentEmailId> emails = new LinkedHashMap<>(sent);
        if (email != null) {
            emails.put(step, email);
        }
        return new Enrollment(id, version, sequence, lead, status, next, due, walked, emails, null, enrolledAt, now);
    }

    /** Stays at the current step, which runs again at {@code due} (held back, e.g. by the weekly email cap). */
    Enrollment retryAt(Instant due, Instant now) {
        require(EnrollmentStatus.ACTIVE, EnrollmentStatus.ACTIVE);
        return new Enrollment(id, version, sequence, lead, status, step, Objects.requireNonNull(due), path, sent, null,
                enrolledAt, now);
    }

    /** Reached an End step. */
    Enrollment complete(Instant now) {
        require(EnrollmentStatus.ACTIVE, EnrollmentStatus.COMPLETED);
        List<String> walked = new ArrayList<>(path);
        walked.add(step);
        return new Enrollment(id, version, sequence, lead, EnrollmentStatus.COMPLETED, step, null, walked, sent, null,
                enrolledAt, now);
    }

    /** Leaves the sequence; an ended enrollment stays as it ended. */
    Enrollment exit(ExitReason reason, Instant now) {
        if (!open()) {
            return this;
        }
        return new Enrollment(id, version, sequence, lead, EnrollmentStatus.EXITED, step, null, path, sent,
                Objects.requireNonNull(reason), enrolledAt, now);
    }

    Enrollment pause(Instant now) {
        require(EnrollmentStatus.ACTIVE, EnrollmentStatus.PAUSED);
        return new Enrollment(id, version, sequence, lead, EnrollmentStatus.PAUSED, step, null, path, sent, null,
                enrolledAt, now);
    }

    /** Active again; the current step runs at {@code now}. */
    Enrollment resume(Instant now) {
        require(EnrollmentStatus.PAUSED, EnrollmentStatus.ACTIVE);
        return new Enrollment(id, version, sequence, lead, EnrollmentStatus.ACTIVE, step, now, path, sent, null,
                enrolledAt, now);
    }

    private void require(EnrollmentStatus expected, EnrollmentStatus target) {
        if (status != expected) {
            throw new IllegalTransitionException("Enrollment", status, target);
        }
    }
}
