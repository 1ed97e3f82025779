package dev.crmkit.core.segment;

import dev.crmkit.core.sharing.SharingTx;

/**
 * The storage transaction as this capability sees it: the segment repository and the storage's evaluation of
 * segment criteria, over record sharing (members are listed as their reader sees them).
 */
public interface SegmentTx extends SharingTx {
    SegmentRepository segments();

    /** Evaluates segment criteria in the storage (SQL for database adapters). */
    SegmentQueries segmentQueries();
}
