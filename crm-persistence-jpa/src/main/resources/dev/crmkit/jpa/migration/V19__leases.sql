-- Named leases for scheduled work (Storage.leases()): which node holds each and until when. A row per lease name,
-- taken by a conditional UPDATE (free, expired, or renewed by its holder) or, the first time, by an INSERT whose
-- primary key lets only one of several nodes in.
CREATE TABLE crm_lease (
    name        VARCHAR(100)  NOT NULL,
    holder      VARCHAR(100)  NOT NULL,
    held_until  ${instant}    NOT NULL,
    PRIMARY KEY (name)
) ${table_options};
