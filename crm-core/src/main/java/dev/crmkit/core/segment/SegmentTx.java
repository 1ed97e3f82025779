package dev.crmkit.core.segment;

import dev.crmkit.core.spi.Tx;

/**
 * The storage transaction as this capability sees it: the segment repository and the storage's evaluation of
 * segment criteria.
 */
public interface SegmentTx extends Tx {
    SegmentRepository segments();

    /** Evaluates segment criteria in the storage (SQL for database adapters). */
    SegmentQueries segmentQueries();
}
