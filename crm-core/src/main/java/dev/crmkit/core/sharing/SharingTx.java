package dev.crmkit.core.sharing;

import dev.crmkit.core.task.TaskTx;

/** The storage transaction as record visibility sees it: the shares, and the teams their hierarchy comes from. */
public interface SharingTx extends TaskTx {
    ShareRepository shares();

    /** The owners of shareable records (a port: the capabilities above supply it). */
    OwnedRecords ownedRecords();
}
