-- A customer's special instructions for a whole quote and for the order it becomes (crm-core's
-- SalesLimits.SPECIAL_INSTRUCTIONS, 2000 characters, so the column is exactly that wide like every other
-- width-limited text). Each line's own instructions need no column: they are a field of the line items' JSON, and
-- rows stored before this version simply have none. Existing quotes and orders get none (null).

ALTER TABLE crm_quote ADD COLUMN special_instructions VARCHAR(2000);

ALTER TABLE crm_order ADD COLUMN special_instructions VARCHAR(2000);
