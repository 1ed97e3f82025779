package dev.crmkit.examples;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.SegmentId;
import dev.crmkit.core.common.TaskId;
import dev.crmkit.core.common.TeamId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.customer.AccountDetails;
import dev.crmkit.core.customer.ContactDetails;
import dev.crmkit.core.customer.NewPurchase;
import dev.crmkit.core.segment.Criteria;
import dev.crmkit.core.segment.SegmentTarget;
import dev.crmkit.core.task.CalendarEvent;
import dev.crmkit.core.task.CalendarEventKind;
import dev.crmkit.core.task.NewCalendarEvent;
import dev.crmkit.core.task.NewTask;
import dev.crmkit.core.task.Subject;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.task.TaskEvent.ReminderDue;
import dev.crmkit.core.task.TaskPriority;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * A sales manager's day: a team, tasks handed to a rep with a reminder the host delivers, a follow-up, a customer
 * visit in the calendar, and a saved segment of good customers. Runs on a fixed clock so its output is stable.
 */
public final class TasksAndSegments {
    private static final Instant MONDAY_9AM = Instant.parse("2026-01-05T09:00:00Z");

    private TasksAndSegments() {
    }

    public static void main(String[] args) {
        walk(System.out);
    }

    static void walk(PrintStream out) {
        Clock clock = Clock.fixed(MONDAY_9AM, ZoneOffset.UTC);
        Actor system = Actor.of("acme", "system", Actor.ADMIN, Actor.MANAGER);
        try (Crm crm = Crm.builder().clock(clock).actor(system).build()) {
            Crm maria = crm.as(Actor.of("acme", "maria", Actor.MANAGER));
            Crm rep = crm.as(Actor.of("acme", "rep-1"));
            TeamId team = maria.teams().create("Munich", UserId.of("maria"), Set.of(UserId.of("rep-1")));

            AccountId bakery = crm.accounts().create(new AccountDetails("Bäckerei Huber", "Food", null,
                    Address.of("Munich", "Bavaria", "DE"), null, UserId.of("rep-1"), Set.of()));
            ContactId anna = crm.contacts().create(ContactDetails.of(bakery, "Anna", "Huber", "anna@example.com")
                    .withAddress(Address.of("Munich", "Bavaria", "DE")));
            crm.customers().recordPurchase(NewPurchase.of(null, anna, "OVEN-2", 2, Money.of("2400.00", "EUR")));

            // The manager hands a task to a member of her team; the rep sees it with today's others.
            TaskId call = maria.tasks().create(NewTask.of("Call Anna about the oven service").about(Subject.of(anna))
                    .assignTo(UserId.of("rep-1")).withPriority(TaskPriority.HIGH)
                    .dueAt(MONDAY_9AM.plus(Duration.ofHours(5)))
                    .remindAt(MONDAY_9AM.minus(Duration.ofMinutes(5))));
            for (Task t : rep.tasks().dueToday(ZoneId.of("Europe/Berlin"))) {
                out.println("rep-1 due today: " + t.title() + " (" + t.priority() + ", from " + t.createdBy() + ")");
            }

            // The host polls for reminders; listeners hear of each exactly once.
            crm.events().subscribe(ReminderDue.class, e -> out.println("reminder for " + e.reminder().assignee()
                    + ": " + e.reminder().title()));
            crm.tasks().fireDueReminders();
            crm.tasks().fireDueReminders();

            TaskId next = rep.tasks().completeWithFollowUp(call, NewTask.of("Send the service offer")
                    .dueAt(MONDAY_9AM.plus(Duration.ofDays(1))));
            out.println("follow-up of the call: " + rep.tasks().get(next).title());
            out.println("team's open tasks: " + maria.tasks().teamOpenTasks(team).size());

            rep.calendar().schedule(NewCalendarEvent.of(CalendarEventKind.VISIT, "Oven check at the bakery",
                    MONDAY_9AM.plus(Duration.ofDays(2)), MONDAY_9AM.plus(Duration.ofDays(2)).plus(Duration.ofHours(1)))
                    .withContacts(anna).withAttendees(UserId.of("maria")).about(Subject.of(bakery)));
            for (CalendarEvent e : maria.calendar().myCalendar(MONDAY_9AM, MONDAY_9AM.plus(Duration.ofDays(7)))) {
                out.println("maria's calendar: " + e.start() + " " + e.kind() + " " + e.title());
            }

            Criteria goodCustomers = Criteria.and(Criteria.field("country").eq("DE"),
                    Criteria.field("purchaseTotal").ge(Money.of("1000.00", "EUR")));
            SegmentId segment = maria.segments().create("German customers over 1000 EUR", SegmentTarget.CONTACT,
                    goodCustomers);
            out.println("segment '" + maria.segments().get(segment).name() + "': " + maria.segments().count(segment)
                    + " member(s) " + maria.segments().members(segment, PageRequest.first(10)).items());
            out.println("saved as " + goodCustomers.toJson());
        }
    }
}
