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
        return new Touchpoint(TouchpointId.of(new UUID(0, id)), TouchpointKind.AD_CLICK, at, external, "visitor-1",
                null, null, null, null, null, null, Channel.WEB, 1, null, null, null, null, null, null, null, null,
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
}
