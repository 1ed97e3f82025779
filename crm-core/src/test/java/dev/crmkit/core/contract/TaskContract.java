package dev.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.AccessDeniedException;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.CaseId;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.ConcurrentUpdateException;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.IllegalTransitionException;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.NotFoundException;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.TaskId;
import dev.crmkit.core.common.TeamId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.customer.AccountDetails;
import dev.crmkit.core.customer.ContactDetails;
import dev.crmkit.core.sales.NewOpportunity;
import dev.crmkit.core.service.NewCase;
import dev.crmkit.core.task.NewTask;
import dev.crmkit.core.task.Reminder;
import dev.crmkit.core.task.Subject;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.task.TaskEvent.ReminderDue;
import dev.crmkit.core.task.TaskEvent.TaskClosed;
import dev.crmkit.core.task.TaskEvent.TaskCreated;
import dev.crmkit.core.task.TaskEvent;
import dev.crmkit.core.task.TaskPriority;
import dev.crmkit.core.task.TaskStatus;
import dev.crmkit.core.task.Team;
import dev.crmkit.core.testkit.TestLeads;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tasks, follow-ups, reminders and teams through {@code TaskService} and {@code TeamService}. */
public abstract class TaskContract extends ContractSupport {
    private static final UserId BOSS = UserId.of("boss");
    private static final UserId ANNA = UserId.of("anna");
    private static final UserId BEN = UserId.of("ben");
    private static final UserId OUTSIDER = UserId.of("outsider");

    private Crm boss;
    private Crm anna;
    private Crm ben;
    private TeamId team;
    private final List<TaskEvent> events = new ArrayList<>();

    @BeforeEach
    void setUpTeam() {
        boss = as("boss", Actor.MANAGER);
        anna = as("anna");
        ben = as("ben");
        team = boss.teams().create("North", BOSS, Set.of(ANNA, BEN));
        crm.events().subscribe(TaskEvent.class, events::add);
    }

    private Instant in(Duration d) {
        return clock.instant().plus(d);
    }

    @Test
    void aRepCreatesATaskForThemselvesAboutALead() {
        LeadId lead = TestLeads.save(storage(), tenant, "ada@example.com", START);
        TaskId id = anna.tasks().create(NewTask.of("  Call Ada back ").about(Subject.of(lead))
                .withDescription("pricing question").withPriority(TaskPriority.HIGH).dueAt(in(Duration.ofHours(2)))
                .remindAt(in(Duration.ofHours(1))));

        Task t = anna.tasks().get(id);
        assertThat(t.title()).isEqualTo("Call Ada back");
        assertThat(t.description()).isEqualTo("pricing question");
        assertThat(t.subject()).isEqualTo(Subject.of(lead));
        assertThat(t.priority()).isEqualTo(TaskPriority.HIGH);
        assertThat(t.status()).isEqualTo(TaskStatus.OPEN);
        assertThat(t.assignee()).isEqualTo(ANNA);
        assertThat(t.createdBy()).isEqualTo(ANNA);
        assertThat(t.due()).isEqualTo(START.plus(Duration.ofHours(2)));
        assertThat(t.remindAt()).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(t.version()).isEqualTo(1);
        assertThat(anna.tasks().ofSubject(Subject.of(lead))).extracting(Task::id).containsExactly(id);
        assertThat(events).singleElement().isInstanceOf(TaskCreated.class);
    }

    @Test
    protected void priorityDefaultsToNormalAndTasksMayLinkToEveryKindOfRecord() {
        AccountId acme = crm.accounts().create(AccountDetails.named("Acme"));
        ContactId ada = crm.contacts().create(ContactDetails.of(acme, "Ada", "Lovelace", null));
        OpportunityId deal = crm.opportunities().create(NewOpportunity.of(acme, "Engines", Money.of("100.00", "EUR"),
                LocalDate.of(2026, 3, 31)));
        CaseId jam = crm.cases().open(NewCase.from(ada, Channel.PHONE, "Mill jams")).id();
        TaskId a = crm.tasks().create(NewTask.of("Plan QBR").about(Subject.of(acme)));
        TaskId c = crm.tasks().create(NewTask.of("Send deck").about(Subject.of(ada)));
        TaskId o = crm.tasks().create(NewTask.of("Prepare quote").about(Subject.of(deal)));
        TaskId k = crm.tasks().create(NewTask.of("Call about the jam").about(Subject.of(jam)));

        assertThat(crm.tasks().get(a).priority()).isEqualTo(TaskPriority.NORMAL);
        assertThat(crm.tasks().ofSubject(Subject.of(acme))).extracting(Task::id).containsExactly(a);
        assertThat(crm.tasks().ofSubject(Subject.of(ada))).extracting(Task::id).containsExactly(c);
        assertThat(crm.tasks().ofSubject(Subject.of(deal))).extracting(Task::id).containsExactly(o);
        assertThat(crm.tasks().ofSubject(Subject.of(jam))).extracting(Task::id).containsExactly(k);
        for (Subject unknown : List.of(Subject.of(OpportunityId.of(UUID.randomUUID())),
                Subject.of(CaseId.of(UUID.randomUUID())), Subject.of(ContactId.of(UUID.randomUUID())))) {
            assertThatThrownBy(() -> crm.tasks().create(NewTask.of("x").about(unknown)))
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.hasErrorFor("subject")).isTrue());
        }
    }

    @Test
    void badInputNamesEveryFieldAndWritesNothing() {
        assertThatThrownBy(() -> anna.tasks().create(new NewTask(" ", null,
                Subject.of(LeadId.of(UUID.randomUUID())), null, in(Duration.ofHours(1)), in(Duration.ofHours(2)),
                null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.hasErrorFor("title")).isTrue();
                    assertThat(e.hasErrorFor("subject")).isTrue();
                    assertThat(e.hasErrorFor("remindAt")).isTrue();
                });
        assertThat(anna.tasks().myOpenTasks()).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void aManagerAssignsToMembersOfTheirTeamOnly() {
        TaskId forAnna = boss.tasks().create(NewTask.of("Visit Acme").assignTo(ANNA));
        assertThat(anna.tasks().myOpenTasks()).extracting(Task::id).containsExactly(forAnna);
        assertThat(anna.tasks().get(forAnna).createdBy()).isEqualTo(BOSS);

        assertThatThrownBy(() -> boss.tasks().create(NewTask.of("x").assignTo(OUTSIDER)))
                .isInstanceOf(AccessDeniedException.class);
        // A rep is no manager, even of a teammate.
        assertThatThrownBy(() -> anna.tasks().create(NewTask.of("x").assignTo(BEN)))
                .isInstanceOf(AccessDeniedException.class);
        // A manager of another team may not reach into this one.
        Crm otherBoss = as("other-boss", Actor.MANAGER);
        assertThatThrownBy(() -> otherBoss.tasks().create(NewTask.of("x").assignTo(ANNA)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(ben.tasks().myOpenTasks()).isEmpty();
        assertThat(as("outsider").tasks().myOpenTasks()).isEmpty();
        // An administrator (like the system actor of single-user hosts) assigns to anyone.
        TaskId byAdmin = as("admin", Actor.ADMIN).tasks().create(NewTask.of("Audit").assignTo(OUTSIDER));
        assertThat(as("outsider").tasks().myOpenTasks()).extracting(Task::id).containsExactly(byAdmin);
    }

    @Test
    void reassigningFollowsTheSameRuleAndNewMembersCanBeAssigned() {
        TaskId id = boss.tasks().create(NewTask.of("Visit Acme").assignTo(ANNA));
        assertThatThrownBy(() -> anna.tasks().reassign(id, BEN)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> boss.tasks().reassign(id, OUTSIDER)).isInstanceOf(AccessDeniedException.class);

        boss.teams().addMember(team, OUTSIDER);
        Task moved = boss.tasks().reassign(id, OUTSIDER);
        assertThat(moved.assignee()).isEqualTo(OUTSIDER);
        assertThat(anna.tasks().myOpenTasks()).isEmpty();
        assertThat(as("outsider").tasks().myOpenTasks()).extracting(Task::id).containsExactly(id);
        assertThat(events).filteredOn(TaskEvent.TaskReassigned.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((TaskEvent.TaskReassigned) e).previous()).isEqualTo(ANNA));
    }

    @Test
    void onlyInvolvedUsersChangeATask() {
        TaskId id = anna.tasks().create(NewTask.of("Mine"));
        assertThatThrownBy(() -> ben.tasks().complete(id)).as("a task one does not see is not found")
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as("other-boss", Actor.MANAGER).tasks().cancel(id))
                .isInstanceOf(NotFoundException.class);
        assertThat(anna.tasks().get(id).status()).isEqualTo(TaskStatus.OPEN);
        assertThat(boss.tasks().complete(id).status()).isEqualTo(TaskStatus.DONE);
    }

    @Test
    void teamsAreManagedByTheirManager() {
        assertThatThrownBy(() -> anna.teams().create("Rogue", ANNA, Set.of(BEN)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> boss.teams().create("Puppet", UserId.of("someone-else"), Set.of()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> anna.teams().addMember(team, OUTSIDER)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> boss.teams().create(" ", null, Set.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.hasErrorFor("name")).isTrue();
                    assertThat(e.hasErrorFor("manager")).isTrue();
                });

        Team removed = boss.teams().removeMember(team, BEN);
        assertThat(removed.members()).containsExactly(ANNA);
        assertThat(crm.teams().teamsOf(BEN)).isEmpty();
        assertThat(crm.teams().teamsOf(ANNA)).extracting(Team::id).containsExactly(team);
        assertThat(crm.teams().managedBy(BOSS)).extracting(Team::name).containsExactly("North");
        // An administrator hands the team over.
        Team handed = crm.teams().changeManager(team, UserId.of("boss-2"));
        assertThat(crm.teams().managedBy(BOSS)).isEmpty();
        assertThat(handed.manager()).isEqualTo(UserId.of("boss-2"));
        assertThatThrownBy(() -> boss.tasks().create(NewTask.of("x").assignTo(ANNA)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void statusMachineRejectsChangesToClosedTasks() {
        TaskId id = anna.tasks().create(NewTask.of("Call"));
        Task done = anna.tasks().complete(id);
        assertThat(done.status()).isEqualTo(TaskStatus.DONE);
        assertThat(done.closedAt()).isEqualTo(START);
        assertThatThrownBy(() -> anna.tasks().cancel(id)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> anna.tasks().complete(id)).isInstanceOf(IllegalTransitionException.class);
        assertThat(anna.tasks().get(id).version()).isEqualTo(2);
        assertThat(events).filteredOn(TaskClosed.class::isInstance).hasSize(1);
    }

    @Test
    void completingWithAFollowUpCarriesSubjectAndAssignee() {
        AccountId acme = crm.accounts().create(AccountDetails.named("Acme"));
        TaskId first = boss.tasks().create(NewTask.of("Demo").about(Subject.of(acme)).assignTo(ANNA));
        clock.advance(Duration.ofHours(1));
        TaskId next = anna.tasks().completeWithFollowUp(first,
                NewTask.of("Send summary").dueAt(in(Duration.ofDays(1))));

        Task followUp = anna.tasks().get(next);
        assertThat(anna.tasks().get(first).status()).isEqualTo(TaskStatus.DONE);
        assertThat(followUp.followUpOf()).isEqualTo(first);
        assertThat(followUp.subject()).isEqualTo(Subject.of(acme));
        assertThat(followUp.assignee()).isEqualTo(ANNA);
        assertThat(anna.tasks().ofSubject(Subject.of(acme))).extracting(Task::id).containsExactly(first, next);
    }

    @Test
    void aFailedFollowUpLeavesTheOriginalOpen() {
        TaskId first = anna.tasks().create(NewTask.of("Demo"));
        assertThatThrownBy(() -> anna.tasks().completeWithFollowUp(first, NewTask.of("Next").assignTo(BEN)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> anna.tasks().completeWithFollowUp(first, NewTask.of("")))
                .isInstanceOf(ValidationException.class);
        assertThat(anna.tasks().get(first).status()).isEqualTo(TaskStatus.OPEN);
        assertThat(anna.tasks().myOpenTasks()).extracting(Task::id).containsExactly(first);
    }

    @Test
    void myOpenTasksOverdueAndDueTodayFollowTheClock() {
        // START is Monday 09:00 UTC.
        TaskId yesterday = anna.tasks().create(NewTask.of("late").dueAt(START.minus(Duration.ofHours(20))));
        TaskId thisMorning = anna.tasks().create(NewTask.of("early").dueAt(START.minus(Duration.ofHours(1))));
        TaskId tonightLow = anna.tasks().create(NewTask.of("evening low").dueAt(START.plus(Duration.ofHours(12)))
                .withPriority(TaskPriority.LOW));
        TaskId tonightUrgent = anna.tasks().create(NewTask.of("evening urgent")
                .dueAt(START.plus(Duration.ofHours(12))).withPriority(TaskPriority.URGENT));
        TaskId tomorrow = anna.tasks().create(NewTask.of("tomorrow").dueAt(START.plus(Duration.ofHours(16))));
        TaskId undated = anna.tasks().create(NewTask.of("someday"));
        TaskId done = anna.tasks().create(NewTask.of("done").dueAt(START.minus(Duration.ofHours(2))));
        anna.tasks().complete(done);
        ben.tasks().create(NewTask.of("ben's").dueAt(START.minus(Duration.ofHours(1))));

        assertThat(anna.tasks().myOpenTasks()).extracting(Task::id)
                .containsExactly(yesterday, thisMorning, tonightUrgent, tonightLow, tomorrow, undated);
        assertThat(anna.tasks().overdue()).extracting(Task::id).containsExactly(yesterday, thisMorning);
        assertThat(anna.tasks().dueToday()).extracting(Task::id)
                .containsExactly(thisMorning, tonightUrgent, tonightLow);
        // In New York it is 04:00 on Monday: that day runs until 05:00 UTC on Tuesday, so "tomorrow" is today there.
        assertThat(anna.tasks().dueToday(ZoneId.of("America/New_York"))).extracting(Task::id)
                .containsExactly(thisMorning, tonightUrgent, tonightLow, tomorrow);

        clock.advance(Duration.ofDays(1));
        assertThat(anna.tasks().overdue()).extracting(Task::id)
                .containsExactly(yesterday, thisMorning, tonightUrgent, tonightLow, tomorrow);
        assertThat(anna.tasks().dueToday()).extracting(Task::id).containsExactly(tomorrow);
    }

    @Test
    void theManagerSeesTheTeamsOpenTasksAndOthersDoNot() {
        TaskId a = anna.tasks().create(NewTask.of("a").dueAt(in(Duration.ofHours(3))));
        TaskId b = ben.tasks().create(NewTask.of("b").dueAt(in(Duration.ofHours(1))));
        TaskId closed = ben.tasks().create(NewTask.of("closed"));
        ben.tasks().cancel(closed);
        as("outsider").tasks().create(NewTask.of("not in the team"));

        assertThat(boss.tasks().teamOpenTasks(team)).extracting(Task::id).containsExactly(b, a);
        assertThatThrownBy(() -> anna.tasks().teamOpenTasks(team)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("other-boss", Actor.MANAGER).tasks().teamOpenTasks(team))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void remindersFireOnceWhenTheyFallDue() {
        List<ReminderDue> alerts = new ArrayList<>();
        crm.events().subscribe(ReminderDue.class, alerts::add);
        TaskId soon = anna.tasks().create(NewTask.of("soon").remindAt(in(Duration.ofMinutes(10))));
        TaskId later = ben.tasks().create(NewTask.of("later").remindAt(in(Duration.ofHours(2))));
        anna.tasks().create(NewTask.of("no reminder"));

        assertThat(crm.tasks().dueReminders()).isEmpty();
        assertThat(crm.tasks().fireDueReminders()).isEmpty();

        clock.advance(Duration.ofMinutes(10));
        assertThat(crm.tasks().dueReminders()).extracting(Reminder::task).containsExactly(soon);
        assertThat(crm.tasks().dueReminders(in(Duration.ofHours(3)))).extracting(Reminder::task)
                .containsExactly(soon, later);
        List<Reminder> fired = crm.tasks().fireDueReminders();
        assertThat(fired).singleElement().satisfies(r -> {
            assertThat(r.task()).isEqualTo(soon);
            assertThat(r.assignee()).isEqualTo(ANNA);
            assertThat(r.title()).isEqualTo("soon");
        });
        assertThat(alerts).extracting(a -> a.reminder().task()).containsExactly(soon);
        assertThat(crm.tasks().fireDueReminders()).isEmpty();
        assertThat(crm.tasks().dueReminders()).isEmpty();
        assertThat(anna.tasks().get(soon).reminderFiredAt()).isEqualTo(clock.instant());

        // Snoozing sets a new reminder time that fires again; a closed task's reminder never fires.
        anna.tasks().remindAt(soon, in(Duration.ofMinutes(5)));
        ben.tasks().complete(later);
        clock.advance(Duration.ofHours(3));
        assertThat(crm.tasks().fireDueReminders()).extracting(Reminder::task).containsExactly(soon);
        assertThat(alerts).extracting(a -> a.reminder().task()).containsExactly(soon, soon);
    }

    @Test
    void hostsFiringAtTheSameTimeDeliverEachReminderOnce() throws Exception {
        List<TaskId> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(anna.tasks().create(NewTask.of("t" + i).remindAt(in(Duration.ofMinutes(i)))));
        }
        clock.advance(Duration.ofHours(1));
        List<TaskId> alerted = Collections.synchronizedList(new ArrayList<>());
        crm.events().subscribe(ReminderDue.class, e -> alerted.add(e.reminder().task()));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(pool.submit(() -> {
                    try {
                        crm.tasks().fireDueReminders();
                    } catch (ConcurrentUpdateException lostTheRace) {
                        // Another host delivered them; this one delivered nothing.
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        crm.tasks().fireDueReminders();
        assertThat(alerted).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
        assertThat(crm.tasks().dueReminders()).isEmpty();
    }

    @Test
    void reschedulingKeepsTheReminderBeforeTheDueTime() {
        TaskId id = anna.tasks().create(NewTask.of("x").dueAt(in(Duration.ofHours(5)))
                .remindAt(in(Duration.ofHours(4))));
        assertThatThrownBy(() -> anna.tasks().reschedule(id, in(Duration.ofHours(3))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("due")).isTrue());
        assertThatThrownBy(() -> anna.tasks().remindAt(id, in(Duration.ofHours(6))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasErrorFor("remindAt")).isTrue());
        assertThat(anna.tasks().reschedule(id, in(Duration.ofHours(8))).due()).isEqualTo(in(Duration.ofHours(8)));
        assertThat(anna.tasks().get(id).version()).isEqualTo(2);
    }
}
