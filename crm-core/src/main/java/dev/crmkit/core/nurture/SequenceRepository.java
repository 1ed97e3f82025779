package dev.crmkit.core.nurture;

import dev.crmkit.core.spi.Repository;
import java.util.List;

/** Storage port for a tenant's nurture sequences. */
public interface SequenceRepository extends Repository<SequenceId, Sequence> {
    /** The tenant's sequences, oldest first (by id). */
    List<Sequence> list();

    @Override
    default String kind() {
        return "Sequence";
    }
}
