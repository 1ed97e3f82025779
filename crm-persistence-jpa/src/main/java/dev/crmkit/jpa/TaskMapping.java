package dev.crmkit.jpa;

import dev.crmkit.core.task.Subject;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** The entities of tasks, teams, calendar events and segments, and the subject columns tasks and events share. */
final class TaskMapping {
    static final List<Class<?>> ENTITIES = List.of(TaskEntity.class, TeamEntity.class, TeamMemberRow.class,
            CalendarEventEntity.class, CalendarUserRow.class, CalendarContactRow.class, SegmentEntity.class,
            AccountTagRow.class);

    private TaskMapping() {
    }

    static String subjectKind(Subject s) {
        return s == null ? null : s.kind().name();
    }

    static UUID subjectId(Subject s) {
        return s == null ? null : s.id();
    }

    static Subject subject(String kind, UUID id) {
        return kind == null ? null : new Subject(Subject.Kind.valueOf(kind), id);
    }

    /**
     * {@code items} in the domain's order, for orders SQL does not give alike on every database: names by Java's
     * string order rather than a collation, a task agenda by priority.
     */
    static <T> List<T> sorted(List<T> items, Comparator<? super T> order) {
        return items.stream().sorted(order).toList();
    }

    /** An HQL condition on alias {@code r}: its subject is {@code :kind}/{@code :subject}. */
    static Filter bySubject(String tenantId, Subject s) {
        return new Filter(tenantId).and("r.subjectKind = :kind", "kind", s.kind().name())
                .and("r.subjectId = :subject", "subject", s.id());
    }
}
