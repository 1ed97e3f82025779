-- Interactions on every channel (TouchpointKind.INTERACTION): which way they went, and the channel's own reference
-- (chat transcript id, social handle or post URL, mail piece id). Both null on every other kind.
ALTER TABLE crm_touchpoint ADD COLUMN direction VARCHAR(8);
ALTER TABLE crm_touchpoint ADD COLUMN channel_reference VARCHAR(500);
