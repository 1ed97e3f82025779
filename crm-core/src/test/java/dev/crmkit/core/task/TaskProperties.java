package dev.crmkit.core.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.IllegalTransitionException;
import dev.crmkit.core.common.TaskId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.task.TaskEvent.ReminderDue;
import dev.crmkit.core.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class TaskProperties {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    enum Op { COMPLETE, CANCEL, REASSIGN, REMIND, RESCHEDULE }

    private static Crm crm(MutableClock clock) {
        return Crm.builder().clock(clock).actor(Actor.of("t", "boss", Actor.MANAGER)).build();
    }

    @Property
    void theStatusMachineNeverReachesAnIllegalState(@ForAll @Size(max = 12) List<Op> ops) {
        MutableClock clock = new MutableClock(T0);
        Crm crm = crm(clock);
        crm.teams().create("T", UserId.of("boss"), Set.of(UserId.of("a"), UserId.of("b")));
        TaskId id = crm.tasks().create(NewTask.of("t").dueAt(T0.plus(Duration.ofDays(30))));
        Task before = crm.tasks().get(id);
        for (Op op : ops) {
            clock.advance(Duration.ofMinutes(1));
            boolean closed = before.status() != TaskStatus.OPEN;
            try {
                switch (op) {
                    case COMPLETE -> crm.tasks().complete(id);
                    case CANCEL -> crm.tasks().cancel(id);
                    case REASSIGN -> crm.tasks().reassign(id,
                            before.assignee().equals(UserId.of("a")) ? UserId.of("b") : UserId.of("a"));
                    case REMIND -> crm.tasks().remindAt(id, clock.instant().plus(Duration.ofHours(1)));
                    case RESCHEDULE -> crm.tasks().reschedule(id, clock.instant().plus(Duration.ofDays(40)));
                }
                assertThat(closed && (op == Op.COMPLETE || op == Op.CANCEL)).as("closing a closed task").isFalse();
            } catch (IllegalTransitionException e) {
                assertThat(closed).as("only a closed task refuses to close").isTrue();
            }
            Task after = crm.tasks().get(id);
            assertThat(before.status() == after.status() || before.status().canMoveTo(after.status())).isTrue();
            assertThat(after.closedAt() != null).isEqualTo(after.status() != TaskStatus.OPEN);
            if (closed) {
                assertThat(after.status()).isEqualTo(before.status());
                assertThat(after.closedAt()).isEqualTo(before.closedAt());
            }
            before = after;
        }
        for (TaskStatus s : TaskStatus.values()) {
            assertThat(s.canMoveTo(s)).isFalse();
            assertThat(s.canMoveTo(TaskStatus.OPEN)).isFalse();
        }
    }

    @Property
    void closingAClosedTaskIsAlwaysRejected(@ForAll boolean completeFirst, @ForAll boolean completeSecond) {
        Task open = new Task(TaskId.of(new java.util.UUID(7, 7)), 1, "t", null, null, TaskPriority.NORMAL,
                TaskStatus.OPEN, null, null, null, null, UserId.of("a"), UserId.of("a"), null, T0, T0, null);
        Task closed = open.moveTo(completeFirst ? TaskStatus.DONE : TaskStatus.CANCELLED, T0);
        assertThatThrownBy(() -> closed.moveTo(completeSecond ? TaskStatus.DONE : TaskStatus.CANCELLED, T0))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> closed.moveTo(TaskStatus.OPEN, T0)).isInstanceOf(IllegalTransitionException.class);
    }

    /**
     * For tasks due at random times around now and any time zone: "due today" holds exactly the open tasks whose due
     * time falls on today's date in that zone, "overdue" exactly those due before now, both in agenda order.
     */
    @Property(tries = 200)
    void dueTodayAndOverdueFollowTheCalendarOfTheZone(
            @ForAll @Size(max = 10) List<@IntRange(min = -3000, max = 3000) Integer> dueMinutes,
            @ForAll @IntRange(min = -12, max = 14) int offsetHours, @ForAll @IntRange(max = 1439) int nowMinute) {
        MutableClock clock = new MutableClock(T0.plus(Duration.ofMinutes(nowMinute)));
        Crm crm = crm(clock);
        ZoneId zone = ZoneOffset.ofHours(offsetHours);
        for (int m : dueMinutes) {
            crm.tasks().create(NewTask.of("t" + m).dueAt(clock.instant().plus(Duration.ofMinutes(m))));
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<Task> open = crm.tasks().myOpenTasks();
        assertThat(open).isSortedAccordingTo(Task.AGENDA_ORDER).hasSize(dueMinutes.size());
        assertThat(crm.tasks().dueToday(zone)).containsExactlyElementsOf(open.stream()
                .filter(t -> LocalDate.ofInstant(t.due(), zone).equals(today)).toList());
        assertThat(crm.tasks().overdue()).containsExactlyElementsOf(open.stream()
                .filter(t -> t.due().isBefore(now)).toList());
    }

    /**
     * Tasks with reminders at random minutes, some closed early; the host fires at random moments, sometimes
     * twice in a row. Every open task's reminder that fell due fires exactly once, a closed one never.
     */
    @Property(tries = 200)
    void everyDueReminderFiresExactlyOnce(@ForAll @Size(min = 1, max = 8) List<@IntRange(max = 120) Integer> remindMinutes,
                                          @ForAll @Size(max = 8) List<Boolean> closeEarly,
                                          @ForAll @Size(min = 1, max = 10) List<@IntRange(max = 60) Integer> fireSteps,
                                          @ForAll boolean fireTwice) {
        MutableClock clock = new MutableClock(T0);
        Crm crm = crm(clock);
        Map<TaskId, Integer> minuteOf = new HashMap<>();
        List<TaskId> closed = new ArrayList<>();
        for (int i = 0; i < remindMinutes.size(); i++) {
            TaskId id = crm.tasks().create(NewTask.of("t" + i).remindAt(T0.plus(Duration.ofMinutes(remindMinutes.get(i)))));
            minuteOf.put(id, remindMinutes.get(i));
            if (i < closeEarly.size() && closeEarly.get(i)) {
                crm.tasks().cancel(id);
                closed.add(id);
            }
        }
        List<TaskId> alerted = new ArrayList<>();
        crm.events().subscribe(ReminderDue.class, e -> alerted.add(e.reminder().task()));
        List<TaskId> returned = new ArrayList<>();
        for (int step : fireSteps) {
            clock.advance(Duration.ofMinutes(step));
            returned.addAll(crm.tasks().fireDueReminders().stream().map(Reminder::task).toList());
            if (fireTwice) {
                assertThat(crm.tasks().fireDueReminders()).isEmpty();
            }
            assertThat(crm.tasks().dueReminders()).isEmpty();
        }
        long elapsed = Duration.between(T0, clock.instant()).toMinutes();
        List<TaskId> expected = minuteOf.entrySet().stream()
                .filter(e -> e.getValue() <= elapsed && !closed.contains(e.getKey())).map(Map.Entry::getKey).toList();
        assertThat(alerted).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(returned).containsExactlyElementsOf(alerted);
    }
}
