package dev.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.AccessDeniedException;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.CalendarEventId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.customer.AccountDetails;
import dev.crmkit.core.customer.ContactDetails;
import dev.crmkit.core.task.CalendarEvent;
import dev.crmkit.core.task.CalendarEventKind;
import dev.crmkit.core.task.NewCalendarEvent;
import dev.crmkit.core.task.Notifier;
import dev.crmkit.core.task.RecordingNotifier;
import dev.crmkit.core.task.Subject;
import dev.crmkit.core.task.TaskEvent;
import dev.crmkit.core.task.TaskEvent.CalendarEventSaved;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Meetings, calls and visits through {@code CalendarService}. */
public abstract class CalendarContract extends ContractSupport {
    private static final UserId ANNA = UserId.of("anna");
    private static final UserId BEN = UserId.of("ben");

    private Crm anna;
    private Crm ben;
    private AccountId acme;
    private ContactId ada;
    private final List<TaskEvent> events = new ArrayList<>();

    @BeforeEach
    void setUpPeople() {
        anna = as("anna");
        ben = as("ben");
        acme = crm.accounts().create(AccountDetails.named("Acme"));
        ada = crm.contacts().create(ContactDetails.of(acme, "Ada", "Lovelace", null));
        crm.events().subscribe(TaskEvent.class, events::add);
    }

    private static Instant hour(long h) {
        return START.plus(Duration.ofHours(h));
    }

    @Test
    void anEventIsScheduledWithAttendeesContactsAndSubject() {
        CalendarEventId id = anna.calendar().schedule(NewCalendarEvent.of(CalendarEventKind.VISIT, " Site visit ",
                hour(2), hour(4)).at("Acme HQ").withAttendees(BEN).withContacts(ada).about(Subject.of(acme)));

        CalendarEvent e = anna.calendar().get(id);
        assertThat(e.kind()).isEqualTo(CalendarEventKind.VISIT);
        assertThat(e.title()).isEqualTo("Site visit");
        assertThat(e.location()).isEqualTo("Acme HQ");
        assertThat(e.organizer()).isEqualTo(ANNA);
        assertThat(e.attendees()).containsExactly(BEN);
        assertThat(e.contacts()).containsExactly(ada);
        assertThat(e.subject()).isEqualTo(Subject.of(acme));
        assertThat(crm.calendar().withContact(ada)).extracting(CalendarEvent::id).containsExactly(id);
        assertThat(crm.calendar().ofSubject(Subject.of(acme))).extracting(CalendarEvent::id).containsExactly(id);
        assertThat(events).singleElement().isInstanceOf(CalendarEventSaved.class);
    }

    @Test
    void myCalendarHoldsWhatIOrganizeOrAttendInTheWindow() {
        CalendarEventId meeting = anna.calendar().schedule(
                NewCalendarEvent.of(CalendarEventKind.MEETING, "Pipeline review", hour(1), hour(2)));
        CalendarEventId call = ben.calendar().schedule(
                NewCalendarEvent.of(CalendarEventKind.CALL, "Call Ada", hour(3), hour(4)).withAttendees(ANNA));
        CalendarEventId bensOwn = ben.calendar().schedule(
                NewCalendarEvent.of(CalendarEventKind.CALL, "Ben alone", hour(3), hour(4)));
        CalendarEventId nextWeek = anna.calendar().schedule(
                NewCalendarEvent.of(CalendarEventKind.MEETING, "Later", hour(24 * 7), hour(24 * 7 + 1)));

        assertThat(anna.calendar().myCalendar(hour(0), hour(24))).extracting(CalendarEvent::id)
                .containsExactly(meeting, call);
        // An event that started before the window but runs into it is in it; one ending at its start is not.
        assertThat(anna.calendar().myCalendar(hour(2), hour(24 * 7))).extracting(CalendarEvent::id)
                .containsExactly(call);
        assertThat(anna.calendar().myCalendar(Instant.parse("2026-01-05T10:30:00Z"), hour(3)))
                .extracting(CalendarEvent::id).containsExactly(meeting);
        assertThat(ben.calendar().myCalendar(hour(0), hour(24 * 8))).extracting(CalendarEvent::id)
                .containsExactly(call, bensOwn);
        assertThat(as("carl").calendar().myCalendar(hour(0), hour(24 * 8))).isEmpty();
        assertThat(anna.calendar().myCalendar(hour(0), hour(24 * 8))).extracting(CalendarEvent::id)
                .contains(nextWeek);
    }

    @Test
    void onlyTheOrganizerMovesOrCancelsAndCancelledEventsLeaveCalendars() {
        CalendarEventId id = anna.calendar().schedule(
                NewCalendarEvent.of(CalendarEventKind.MEETING, "Demo", hour(1), hour(2)).withAttendees(BEN));
        assertThatThrownBy(() -> ben.calendar().cancel(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ben.calendar().reschedule(id, hour(5), hour(6)))
                .isInstanceOf(AccessDeniedException.class);

        CalendarEvent moved = anna.calendar().reschedule(id, hour(5), hour(6));
        assertThat(moved.start()).isEqualTo(hour(5));
        assertThat(ben.calendar().myCalendar(hour(0), hour(3))).isEmpty();
        assertThat(ben.calendar().myCalendar(hour(4), hour(7))).extracting(CalendarEvent::id).containsExactly(id);

        assertThat(anna.calendar().cancel(id).cancelled()).isTrue();
        assertThat(anna.calendar().cancel(id).version()).isEqualTo(3);
        assertThat(ben.calendar().myCalendar(hour(0), hour(24))).isEmpty();
        assertThat(crm.calendar().get(id).cancelled()).isTrue();
    }

    @Test
    void badInputNamesEveryFieldAndWritesNothing() {
        ContactId unknown = ContactId.of(UUID.randomUUID());
        assertThatThrownBy(() -> anna.calendar().schedule(new NewCalendarEvent(null, " ", null, hour(2), hour(2),
                Set.of(), Set.of(unknown), Subject.of(AccountId.of(UUID.randomUUID())), Duration.ofSeconds(90))))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.hasErrorFor("kind")).isTrue();
                    assertThat(e.hasErrorFor("title")).isTrue();
                    assertThat(e.hasErrorFor("end")).isTrue();
                    assertThat(e.hasErrorFor("contacts")).isTrue();
                    assertThat(e.hasErrorFor("subject")).isTrue();
                    assertThat(e.hasErrorFor("reminderBefore")).isTrue();
                });
        assertThatThrownBy(() -> anna.calendar().myCalendar(hour(3), hour(1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("to")).isTrue());
        assertThat(anna.calendar().myCalendar(hour(0), hour(24))).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void aReminderAlertsOrganizerAndAttendeesOnceAndAgainAfterAMove() {
        RecordingNotifier notifier = new RecordingNotifier();
        Crm alerting = crmWith(notifier);
        CalendarEventId id = alerting.as(new Actor(tenant, ANNA, Set.of())).calendar().schedule(
                NewCalendarEvent.of(CalendarEventKind.MEETING, "Demo", hour(2), hour(3)).withAttendees(BEN)
                        .at("Acme HQ").remindBefore(Duration.ofMinutes(15)));
        CalendarEventId cancelled = anna.calendar().schedule(NewCalendarEvent.of(CalendarEventKind.CALL, "Call",
                hour(2), hour(3)).remindBefore(Duration.ofMinutes(15)));
        anna.calendar().cancel(cancelled);
        assertThat(alerting.calendar().get(id).remindAt()).isEqualTo(hour(2).minus(Duration.ofMinutes(15)));

        clock.set(hour(2).minus(Duration.ofMinutes(16)));
        assertThat(alerting.calendar().fireDueReminders()).isEmpty();
        clock.set(hour(2).minus(Duration.ofMinutes(15)));
        assertThat(alerting.calendar().fireDueReminders()).extracting(CalendarEvent::id).containsExactly(id);
        assertThat(alerting.calendar().fireDueReminders()).as("fired once").isEmpty();
        alerting.events().dispatchDue();
        assertThat(alertsOf(notifier)).extracting(Notifier.Alert::recipient).containsExactlyInAnyOrder(ANNA, BEN);
        assertThat(alertsOf(notifier)).allSatisfy(a -> {
            assertThat(a.subject()).isEqualTo("Demo");
            assertThat(a.message()).contains("Acme HQ");
        });
        assertThat(alertsOf(notifier)).extracting(Notifier.Alert::id).doesNotHaveDuplicates();

        anna.calendar().reschedule(anna.calendar().get(id), hour(5), hour(6));
        clock.set(hour(5));
        assertThat(alerting.calendar().fireDueReminders()).extracting(CalendarEvent::id).containsExactly(id);
        alerting.events().dispatchDue();
        assertThat(alertsOf(notifier)).hasSize(4);
    }

    /** A notifier serves every tenant: on a shared database it also gets other tests' alerts. */
    private List<Notifier.Alert> alertsOf(RecordingNotifier notifier) {
        return notifier.alerts().stream().filter(a -> a.tenant().equals(tenant)).toList();
    }
}
