package dev.crmkit.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.TouchpointId;
import dev.crmkit.core.tracking.Touchpoint;
import dev.crmkit.core.tracking.TouchpointKind;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TouchpointColumnsTest {
    private static Touchpoint click(long id, Instant at, String external) {
        return click(id, at, external, "visitor-1", null);
    }

    private static Touchpoint click(long id, Instant at, String external, String visitor, String detail) {
        return new Touchpoint(TouchpointId.of(new UUID(0, id)), TouchpointKind.AD_CLICK, at, external, visitor,
                null, null, null, null, null, null, Channel.WEB, 1, null, null, null, detail, null, null, null, null,
                null);
    }

    @Test
    void anInsertThatFailsLeavesNoTraceBehind() {
        TouchpointColumns columns = new TouchpointColumns();
        UndoLog undo = new UndoLog();
        Instant now = Instant.parse("2026-12-06T10:00:00Z");
        columns.insert(click(1, now, "evt-1"), undo);

        assertThatThrownBy(() -> columns.insert(click(2, Instant.MAX, "evt-2"), undo))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> columns.insert(click(3, now, "x".repeat(TextArena.MAX_LENGTH + 1)), undo))
                .isInstanceOf(IllegalArgumentException.class);
        undo.rollback();

        assertThat(columns.size()).isZero();
        assertThat(columns.find(TouchpointId.of(new UUID(0, 2)))).isEmpty();
        assertThat(columns.hasExternalId("evt-2")).isFalse();
        assertThat(columns.insert(click(2, now, "evt-2"), undo)).isTrue();
        assertThat(columns.insert(click(1, now, "evt-1"), undo)).isTrue();
        assertThat(columns.byVisitor("visitor-1")).extracting(Touchpoint::externalEventId)
                .containsExactly("evt-1", "evt-2"); // same time: by id
    }

    @Test
    void aVisitorIdTooLongForTheArenaFailsTheInsertOrChangeBeforeAnythingIsFiled() {
        TouchpointColumns columns = new TouchpointColumns();
        UndoLog undo = new UndoLog();
        Instant now = Instant.parse("2026-12-06T10:00:00Z");
        Touchpoint kept = click(1, now, "evt-1", "visitor-1", "https://example.com/a");
        columns.insert(kept, undo);
        String tooLong = "v".repeat(TextArena.MAX_LENGTH + 1);

        assertThatThrownBy(() -> columns.insert(click(2, now, "evt-2", tooLong, "https://example.com/b"), undo))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> columns.replace(click(1, now, "evt-1", tooLong, "https://example.com/c"), undo))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(columns.size()).isEqualTo(1);
        assertThat(columns.hasExternalId("evt-2")).isFalse();
        assertThat(columns.find(kept.id())).contains(kept);
        undo.rollback();
        assertThat(columns.size()).isZero();
        assertThat(columns.insert(click(2, now, "evt-2"), undo)).isTrue();
        assertThat(columns.find(TouchpointId.of(new UUID(0, 2)))).isPresent();
        assertThat(columns.find(kept.id())).isEmpty();
    }
}
