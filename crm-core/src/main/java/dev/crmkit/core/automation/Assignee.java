package dev.crmkit.core.automation;

import dev.crmkit.core.common.UserId;
import java.util.List;

/** Who a rule's task or owner assignment goes to. */
public sealed interface Assignee {
    /** The owner of the record the event is about. */
    record Owner() implements Assignee {
    }

    /** A fixed user. */
    record User(UserId user) implements Assignee {
    }

    /** Each user of a team in turn. */
    record RoundRobin(List<UserId> users) implements Assignee {
        public RoundRobin {
            users = List.copyOf(users);
        }
    }
}
