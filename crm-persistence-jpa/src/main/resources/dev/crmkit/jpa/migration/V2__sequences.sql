-- Named per-tenant counters (spi.Sequences): support tracking numbers, round-robin positions. A value is taken by
-- incrementing the row inside the caller's transaction, so the row lock orders concurrent takers, also across nodes.
CREATE TABLE crm_sequence (
    tenant_id   VARCHAR(64)  NOT NULL,
    name        VARCHAR(128) NOT NULL,
    last_value  BIGINT       NOT NULL,
    PRIMARY KEY (tenant_id, name)
) ${table_options};
