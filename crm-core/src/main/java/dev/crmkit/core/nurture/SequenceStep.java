package dev.crmkit.core.nurture;

import dev.crmkit.core.email.EmailTemplateId;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One step of a nurture sequence, named by its {@code id}; the steps it leads to are named by theirs. */
public sealed interface SequenceStep {
    /** The step's name within its sequence. */
    String id();

    /** The steps this one may lead to. */
    List<String> successors();

    /** Sends the marketing template to the person (consent, cap and quiet hours apply), then goes on. */
    record SendEmail(String id, EmailTemplateId template, String next) implements SequenceStep {
        public SendEmail {
            Objects.requireNonNull(template, "template");
        }

        @Override
        public List<String> successors() {
            return List.of(next);
        }
    }

    /**
     * Waits {@code duration}, or, with {@code weekday} and {@code at}, until the next such weekday and time in the
     * person's time zone (their email zone, else the email settings' default), then goes on.
     */
    record Wait(String id, @Nullable Duration duration, @Nullable DayOfWeek weekday, @Nullable LocalTime at,
                String next) implements SequenceStep {
        @Override
        public List<String> successors() {
            return List.of(next);
        }
    }

    /** Goes to {@code then} when {@code when} holds for the person, else to {@code otherwise}. */
    record Branch(String id, Engagement when, String then, String otherwise) implements SequenceStep {
        @Override
        public List<String> successors() {
            return List.of(then, otherwise);
        }
    }

    /** Creates a task for the person's owner, due {@code dueInDays} later, then goes on. */
    record CreateTask(String id, String title, int dueInDays, String next) implements SequenceStep {
        @Override
        public List<String> successors() {
            return List.of(next);
        }
    }

    /** Completes the enrollment. */
    record End(String id) implements SequenceStep {
        @Override
        public List<String> successors() {
            return List.of();
        }
    }
}
