package dev.crmkit.core.task;

import dev.crmkit.core.common.AccessDeniedException;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.CalendarEventId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.NotFoundException;
import dev.crmkit.core.common.Ref;
import dev.crmkit.core.common.Text;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.context.CrmContext;
import dev.crmkit.core.task.TaskEvent.CalendarEventSaved;
import dev.crmkit.core.task.TaskEvent.CalendarReminderDue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Meetings, calls and visits. The acting user organizes what they schedule; only the organizer (or an
 * administrator) moves or cancels an event. Calendars list events a user organizes or attends, cancelled ones left
 * out.
 */
public final class CalendarService {
    private final CrmContext<? extends TaskTx> ctx;

    private static final Duration MAX_REMINDER = Duration.ofDays(30);

    /** Created by {@code Crm}; hosts obtain it from the facade. */
    public CalendarService(CrmContext<? extends TaskTx> ctx) {
        this.ctx = ctx;
    }

    /** Schedules an event; a missing kind, title or time, an end not after the start or an unknown contact is invalid. */
    public CalendarEventId schedule(NewCalendarEvent in) {
        Validation.argument("event", in);
        return ctx.write(tx -> {
            Validation v = new Validation();
            v.require("kind", in.kind());
            String title = v.requireText("title", in.title());
            String location = Text.blankToNull(in.location());
            v.maxLength("title", title, TaskLimits.EVENT_TITLE);
            v.maxLength("location", location, TaskLimits.EVENT_LOCATION);
            checkTimes(v, in.start(), in.end(), "start", "end");
            v.instant("start", in.start());
            v.instant("end", in.end());
            Set<ContactId> contacts = in.contacts() == null ? Set.of() : in.contacts();
            for (ContactId c : contacts) {
                v.check(c != null && tx.subjects().exists(Subject.of(c)), "contacts", "no such contact: " + c);
            }
            v.check(in.attendees() == null || in.attendees().stream().allMatch(Objects::nonNull), "attendees",
                    "must not contain null");
            Subjects.check(tx, in.subject(), v);
            Duration before = in.reminderBefore();
            v.check(before == null || !before.isNegative() && before.compareTo(MAX_REMINDER) <= 0
                    && before.toSecondsPart() == 0 && before.toNanosPart() == 0, "reminderBefore",
                    "must be whole minutes from 0 to 30 days");
            v.throwIfInvalid();
            Instant now = ctx.now();
            return saved(tx, new CalendarEvent(CalendarEventId.of(ctx.newId()), 0, in.kind(), Validation.checked(title),
                    location, in.start(), in.end(), ctx.user(), in.attendees(), contacts,
                    in.subject(), false, before, null, now, now)).id();
        });
    }

    private static void checkTimes(Validation v, Instant start, Instant end, String startField, String endField) {
        v.require(startField, start);
        if (v.require(endField, end) != null && start != null) {
            v.check(end.isAfter(start), endField, "must be after " + startField);
        }
    }

    /** Moves the event to [{@code start}, {@code end}). Pass the event you read to refuse a stale change. */
    public CalendarEvent reschedule(Ref<CalendarEventId> id, Instant start, Instant end) {
        Validation v = new Validation();
        checkTimes(v, start, end, "start", "end");
        v.instant("start", start);
        v.instant("end", end);
        v.throwIfInvalid();
        return ctx.write(tx -> saved(tx, organized(tx, id).movedTo(start, end, ctx.now())));
    }

    /** Cancels the event; cancelling again changes nothing. Pass the event you read to refuse a stale change. */
    public CalendarEvent cancel(Ref<CalendarEventId> id) {
        return ctx.write(tx -> {
            CalendarEvent e = organized(tx, id);
            return e.cancelled() ? e : saved(tx, e.cancel(ctx.now()));
        });
    }

    private CalendarEvent organized(TaskTx tx, Ref<CalendarEventId> id) {
        visible(tx, Objects.requireNonNull(id, "id").id()); // hidden before stale: as for a missing one
        CalendarEvent e = tx.calendarEvents().current(id);
        Actor actor = ctx.actor();
        if (!e.organizer().equals(actor.user()) && !actor.hasRole(Actor.ADMIN)) {
            throw new AccessDeniedException(actor.user() + " does not organize event " + e.id());
        }
        return e;
    }

    private CalendarEvent saved(TaskTx tx, CalendarEvent e) {
        CalendarEvent saved = tx.calendarEvents().save(e);
        ctx.raise(new CalendarEventSaved(ctx.actor().tenant(), ctx.now(), saved));
        return saved;
    }

    /**
     * Fires the reminders due now: for each event whose reminder time passed and that was not cancelled, publishes one
     * {@link CalendarReminderDue} per involved user (organizer and attendees) after the commit, delivered to the
     * host's {@link Notifier} when one is configured. A host calls it periodically (any interval); calling again fires
     * nothing new, a moved event fires again for its new start, and two hosts firing at once cannot both fire one
     * reminder (the slower write fails with {@code ConcurrentUpdateException}). Returns the events whose reminders
     * fired.
     */
    public List<CalendarEvent> fireDueReminders() {
        Instant now = ctx.now();
        // Most polls find nothing due: look under the read lock first, so they never block writers.
        if (ctx.read(tx -> tx.calendarEvents().findPendingReminders(now).isEmpty())) {
            return List.of();
        }
        return ctx.write(tx -> {
            List<CalendarEvent> fired = new ArrayList<>();
            for (CalendarEvent e : tx.calendarEvents().findPendingReminders(now)) {
                CalendarEvent saved = tx.calendarEvents().save(e.reminderFired(now));
                for (UserId user : saved.involved()) {
                    ctx.raise(new CalendarReminderDue(ctx.actor().tenant(), now, saved, user));
                }
                fired.add(saved);
            }
            return fired;
        });
    }

    /**
     * The event, or {@code NotFoundException}, also for one the caller may not see: an event is seen by its organizer,
     * its attendees, the managers above them (see {@link Hierarchy}) and ADMINs.
     */
    public CalendarEvent get(CalendarEventId id) {
        return ctx.read(tx -> visible(tx, id));
    }

    /** The event, when the caller sees it; else the {@code NotFoundException} of a missing one. */
    private CalendarEvent visible(TaskTx tx, CalendarEventId id) {
        CalendarEvent e = tx.calendarEvents().get(id);
        if (!seen(tx, e)) {
            throw new NotFoundException("CalendarEvent", id);
        }
        return e;
    }

    private boolean seen(TaskTx tx, CalendarEvent e) {
        Set<UserId> people = new HashSet<>(e.attendees());
        people.add(e.organizer());
        return Hierarchy.sees(tx, ctx.actor(), people);
    }

    /** The acting user's events (organized or attended) overlapping [{@code from}, {@code to}), by start time. */
    public List<CalendarEvent> myCalendar(Instant from, Instant to) {
        Validation v = new Validation();
        checkTimes(v, from, to, "from", "to");
        v.throwIfInvalid();
        return ctx.read(tx -> tx.calendarEvents().findByUserBetween(ctx.user(), from, to).stream()
                .filter(e -> !e.cancelled()).toList());
    }

    /** Events the contact attends that the caller sees, by start time, cancelled ones left out. */
    public List<CalendarEvent> withContact(ContactId contact) {
        return ctx.read(tx -> tx.calendarEvents().findByContact(contact).stream()
                .filter(e -> !e.cancelled() && seen(tx, e)).toList());
    }

    /** Events about {@code subject} that the caller sees, by start time, cancelled ones left out. */
    public List<CalendarEvent> ofSubject(Subject subject) {
        return ctx.read(tx -> tx.calendarEvents().findBySubject(subject).stream()
                .filter(e -> !e.cancelled() && seen(tx, e)).toList());
    }
}
