package dev.crmkit.core.task;

import dev.crmkit.core.common.AccessDeniedException;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.NotFoundException;
import dev.crmkit.core.common.Ref;
import dev.crmkit.core.common.TaskId;
import dev.crmkit.core.common.TeamId;
import dev.crmkit.core.common.Text;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.context.CrmContext;
import dev.crmkit.core.task.TaskEvent.ReminderDue;
import dev.crmkit.core.task.TaskEvent.TaskClosed;
import dev.crmkit.core.task.TaskEvent.TaskCreated;
import dev.crmkit.core.task.TaskEvent.TaskOverdue;
import dev.crmkit.core.task.TaskEvent.TaskReassigned;
import dev.crmkit.core.task.TaskEvent.TaskRescheduled;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Tasks, follow-ups and reminders. Who may do what:
 * <ul>
 * <li>anyone assigns tasks to themselves; assigning to someone else needs the {@link Actor#MANAGER} role and a
 * {@link Team} the actor manages with that user as a member (administrators may assign to anyone); otherwise
 * {@link AccessDeniedException};</li>
 * <li>a task is changed by its assignee, its creator, a manager of the assignee's team, or an administrator.</li>
 * </ul>
 * Reminders: {@link #dueReminders} lists those that fell due and were not delivered yet; a host calls
 * {@link #fireDueReminders()} periodically (any interval) and listens for {@link ReminderDue}, published once per
 * reminder.
 */
public final class TaskService {
    private final CrmContext<? extends TaskTx> ctx;

    /** Created by {@code Crm}; hosts obtain it from the facade. */
    public TaskService(CrmContext<? extends TaskTx> ctx) {
        this.ctx = ctx;
    }

    // ---- writing ------------------------------------------------------------------------------------------------

    /** Creates an open task; every invalid field is reported at once. */
    public TaskId create(NewTask task) {
        Validation.argument("task", task);
        return ctx.write(tx -> insert(tx, task, null, null).id());
    }

    private Task insert(TaskTx tx, NewTask in, @Nullable TaskId followUpOf, @Nullable Task original) {
        Validation v = new Validation();
        String title = v.requireText("title", in.title());
        v.maxLength("title", title, TaskLimits.TASK_TITLE);
        v.multiLine("description", in.description(), 0);
        v.instant("due", in.due());
        v.instant("remindAt", in.remindAt());
        v.check(in.remindAt() == null || in.due() == null || !in.remindAt().isAfter(in.due()), "remindAt",
                "must not be after due");
        Subject subject = in.subject() != null ? in.subject() : original == null ? null : original.subject();
        Subjects.check(tx, subject, v);
        v.throwIfInvalid();
        UserId assignee = in.assignee() != null ? in.assignee() : original != null ? original.assignee() : ctx.user();
        requireMayAssignTo(tx, assignee);
        Instant now = ctx.now();
        TaskPriority priority = in.priority() == null ? TaskPriority.NORMAL : in.priority();
        Task saved = tx.tasks().save(new Task(TaskId.of(ctx.newId()), 0, Validation.checked(title),
                Text.blankToNull(in.description()), subject, priority, TaskStatus.OPEN, in.due(), in.remindAt(), null,
                null, assignee, ctx.user(), followUpOf, now, now, null));
        ctx.raise(new TaskCreated(ctx.actor().tenant(), now, saved));
        return saved;
    }

    /**
     * Marks the task done; a task already done or cancelled is an {@code IllegalTransitionException}. Pass the task you
     * read to refuse a stale change.
     */
    public Task complete(Ref<TaskId> id) {
        return ctx.write(tx -> close(tx, id, TaskStatus.DONE));
    }

    /**
     * Marks the task done and creates {@code followUp} from it, in one transaction. The follow-up is about the same
     * subject and goes to the same assignee unless it says otherwise; returns its id. Pass the task you read to refuse
     * a stale change.
     */
    public TaskId completeWithFollowUp(Ref<TaskId> id, NewTask followUp) {
        Validation.argument("followUp", followUp);
        return ctx.write(tx -> {
            Task done = close(tx, id, TaskStatus.DONE);
            return insert(tx, followUp, done.id(), done).id();
        });
    }

    /**
     * Cancels the open task; a closed one is an {@code IllegalTransitionException}. Pass the task you read to refuse a
     * stale change.
     */
    public Task cancel(Ref<TaskId> id) {
        return ctx.write(tx -> close(tx, id, TaskStatus.CANCELLED));
    }

    private Task close(TaskTx tx, Ref<TaskId> id, TaskStatus target) {
        Task t = changeable(tx, id);
        Task saved = tx.tasks().save(t.moveTo(target, ctx.now()));
        ctx.raise(new TaskClosed(ctx.actor().tenant(), ctx.now(), saved));
        return saved;
    }

    /**
     * Hands the task to {@code assignee}, under the same rule as creating a task for them. Pass the task you read to
     * refuse a stale change.
     */
    public Task reassign(Ref<TaskId> id, UserId assignee) {
        Validation.argument("assignee", assignee);
        return ctx.write(tx -> {
            Task t = changeable(tx, id);
            if (t.assignee().equals(assignee)) {
                return t;
            }
            requireMayAssignTo(tx, assignee);
            Task saved = tx.tasks().save(t.withAssignee(assignee, ctx.now()));
            ctx.raise(new TaskReassigned(ctx.actor().tenant(), ctx.now(), saved, t.assignee()));
            return saved;
        });
    }

    /**
     * Moves the due time (null: no due time); a reminder after the new due time is a ValidationException. Pass the task
     * you read to refuse a stale change.
     */
    public Task reschedule(Ref<TaskId> id, Instant due) {
        return ctx.write(tx -> {
            Task t = changeable(tx, id);
            Validation v = new Validation();
            v.instant("due", due);
            v.check(due == null || t.remindAt() == null || !t.remindAt().isAfter(due), "due",
                    "must not be before the reminder");
            v.throwIfInvalid();
            return rescheduled(tx, t.withDue(due, ctx.now()));
        });
    }

    /**
     * Sets (or with null clears) the reminder time; a new time is pending again even if an earlier one fired. Pass the
     * task you read to refuse a stale change.
     */
    public Task remindAt(Ref<TaskId> id, Instant remindAt) {
        return ctx.write(tx -> {
            Task t = changeable(tx, id);
            Validation v = new Validation();
            v.instant("remindAt", remindAt);
            v.check(remindAt == null || t.due() == null || !remindAt.isAfter(t.due()), "remindAt",
                    "must not be after due");
            v.throwIfInvalid();
            return rescheduled(tx, t.withReminder(remindAt, ctx.now()));
        });
    }

    private Task rescheduled(TaskTx tx, Task changed) {
        Task saved = tx.tasks().save(changed);
        ctx.raise(new TaskRescheduled(ctx.actor().tenant(), ctx.now(), saved));
        return saved;
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    /**
     * The task, or {@code NotFoundException}, also for one the caller may not see: a task is seen by its assignee, its
     * creator, the managers above either (see {@link Hierarchy}) and ADMINs.
     */
    public Task get(TaskId id) {
        return ctx.read(tx -> visible(tx, id));
    }

    /** The task, when the caller sees it; else the {@code NotFoundException} of a missing one. */
    private Task visible(TaskTx tx, TaskId id) {
        Task t = tx.tasks().get(id);
        if (!seen(tx, t)) {
            throw new NotFoundException("Task", id);
        }
        return t;
    }

    private boolean seen(TaskTx tx, Task t) {
        return Hierarchy.sees(tx, ctx.actor(), new HashSet<>(List.of(t.assignee(), t.createdBy())));
    }

    /** The acting user's open tasks in {@link Task#AGENDA_ORDER}. */
    public List<Task> myOpenTasks() {
        return ctx.read(tx -> tx.tasks().findOpenByAssignee(ctx.user()));
    }

    /** The acting user's open tasks whose due time has passed. */
    public List<Task> overdue() {
        Instant now = ctx.now();
        return myOpenTasks().stream().filter(t -> t.isOverdue(now)).toList();
    }

    /** The acting user's open tasks due today (also those already past today) in the clock's time zone. */
    public List<Task> dueToday() {
        return dueToday(ctx.clock().getZone());
    }

    /** The acting user's open tasks due on today's date in {@code zone}. */
    public List<Task> dueToday(ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(ctx.now(), zone);
        Instant from = today.atStartOfDay(zone).toInstant();
        Instant to = today.plusDays(1).atStartOfDay(zone).toInstant();
        return myOpenTasks().stream()
                .filter(t -> t.due() != null && !t.due().isBefore(from) && t.due().isBefore(to)).toList();
    }

    /**
     * Open tasks of the team's members in {@link Task#AGENDA_ORDER}: for the team's manager or an administrator,
     * others get {@link AccessDeniedException}.
     */
    public List<Task> teamOpenTasks(TeamId team) {
        return ctx.read(tx -> {
            Team t = tx.teams().get(team);
            Actor actor = ctx.actor();
            if (!actor.hasRole(Actor.ADMIN) && !t.manager().equals(actor.user())) {
                throw new AccessDeniedException(actor.user() + " does not manage team '" + t.name() + "'");
            }
            List<Task> all = new ArrayList<>();
            t.members().forEach(m -> all.addAll(tx.tasks().findOpenByAssignee(m)));
            all.sort(Task.AGENDA_ORDER);
            return all;
        });
    }

    /** Every task about {@code subject} the caller sees, oldest first. */
    public List<Task> ofSubject(Subject subject) {
        Validation.argument("subject", subject);
        return ctx.read(tx -> tx.tasks().findBySubject(subject).stream().filter(t -> seen(tx, t)).toList());
    }

    // ---- reminders ----------------------------------------------------------------------------------------------

    /** Reminders of every user of the tenant that fell due by the clock's now and were not delivered yet. */
    public List<Reminder> dueReminders() {
        return dueReminders(ctx.now());
    }

    /** Reminders of every user of the tenant due at or before {@code now} and not delivered yet, oldest first. */
    public List<Reminder> dueReminders(Instant now) {
        Validation.argument("now", now);
        return ctx.read(tx -> tx.tasks().findPendingReminders(now).stream().map(Reminder::of).toList());
    }

    /**
     * Announces the tasks that fell overdue: for each open task whose due time passed and was not announced, publishes
     * {@link TaskOverdue} after the commit (workflow rules on {@code TaskOverdue} run off it). A host calls it
     * periodically ({@code crm.automation().runDue()} does); calling again announces nothing new, a task given a new
     * due time is announced again when that passes. Returns the tasks announced.
     */
    public List<Task> fireOverdue() {
        Instant now = ctx.now();
        if (ctx.read(tx -> tx.tasks().findPendingOverdue(now).isEmpty())) {
            return List.of();
        }
        return ctx.write(tx -> {
            List<Task> fired = new ArrayList<>();
            for (Task t : tx.tasks().findPendingOverdue(now)) {
                Task saved = tx.tasks().save(t.overdueFired(now));
                ctx.raise(new TaskOverdue(ctx.actor().tenant(), now, saved));
                fired.add(saved);
            }
            return fired;
        });
    }

    /**
     * Delivers every reminder due by the clock's now: marks it delivered and publishes one {@link ReminderDue} per
     * reminder after the commit. Calling again fires nothing new; two hosts firing at once cannot both deliver one
     * reminder (the slower write fails with {@code ConcurrentUpdateException}). Returns what was fired.
     */
    public List<Reminder> fireDueReminders() {
        Instant now = ctx.now();
        // Most polls find nothing due: look under the read lock first, so they never block writers.
        if (ctx.read(tx -> tx.tasks().findPendingReminders(now).isEmpty())) {
            return List.of();
        }
        return ctx.write(tx -> {
            List<Reminder> fired = new ArrayList<>();
            for (Task t : tx.tasks().findPendingReminders(now)) {
                Reminder r = Reminder.of(tx.tasks().save(t.reminderFired(now)));
                ctx.raise(new ReminderDue(ctx.actor().tenant(), now, r));
                fired.add(r);
            }
            return fired;
        });
    }

    // ---- rules --------------------------------------------------------------------------------------------------

    private void requireMayAssignTo(TaskTx tx, UserId assignee) {
        Actor actor = ctx.actor();
        if (assignee.equals(actor.user()) || actor.hasRole(Actor.ADMIN)) {
            return;
        }
        actor.require(Actor.MANAGER, "assign tasks to " + assignee);
        boolean manages = tx.teams().findByMember(assignee).stream().anyMatch(t -> t.manager().equals(actor.user()));
        if (!manages) {
            throw new AccessDeniedException(actor.user() + " manages no team with member " + assignee);
        }
    }

    /** The task {@code id} names, if the actor may change it and (given a read record) it is unchanged since. */
    private Task changeable(TaskTx tx, Ref<TaskId> id) {
        visible(tx, Objects.requireNonNull(id, "id").id()); // hidden before stale: as for a missing one
        Task t = tx.tasks().current(id);
        Actor actor = ctx.actor();
        UserId user = actor.user();
        if (t.assignee().equals(user) || t.createdBy().equals(user) || actor.hasRole(Actor.ADMIN)
                || tx.teams().findByMember(t.assignee()).stream().anyMatch(team -> team.manager().equals(user))) {
            return t;
        }
        throw new AccessDeniedException(user + " may not change task " + t.id());
    }
}
