-- Documents attached to accounts, contacts, opportunities, quotes and cases: a record per stored version, and the
-- bytes of the database document store in chunks (JpaDocumentStore), each at most 256 KiB, read one at a time.
CREATE TABLE crm_document (
    tenant_id   VARCHAR(64)   NOT NULL,
    id          UUID          NOT NULL,
    owner_kind  VARCHAR(16)   NOT NULL,
    owner_id    UUID          NOT NULL,
    name        VARCHAR(255)  NOT NULL,
    media_type  VARCHAR(255)  NOT NULL,
    size_bytes  BIGINT        NOT NULL,
    sha256      VARCHAR(64)   NOT NULL,
    version     INT           NOT NULL,
    created_by  VARCHAR(128)  NOT NULL,
    created_at  ${instant}    NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ${table_options};
-- A record's documents, by name and version.
CREATE INDEX crm_document_owner ON crm_document (tenant_id, owner_kind, owner_id, name, version);

CREATE TABLE crm_document_chunk (
    tenant_id    VARCHAR(64)  NOT NULL,
    content_key  VARCHAR(64)  NOT NULL,
    seq          INT          NOT NULL,
    data         ${binary}    NOT NULL,
    PRIMARY KEY (tenant_id, content_key, seq)
) ${table_options};
