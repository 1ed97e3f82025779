-- Leads now check their own rules when loaded (Lead's constructor). Rows written before could break two of them:
-- a merged lead given a visitor (identifying a visitor with a merged lead did that; the visitor now goes to the
-- survivor), and, in theory, a reason kept outside UNQUALIFIED or a score on spam. Bring them within the rules, so
-- every stored lead still loads; the visitors dropped here are linked again the next time they are identified.
DELETE FROM crm_lead_visitor WHERE lead_id IN (SELECT id FROM crm_lead WHERE status = 'MERGED');
UPDATE crm_lead SET visitor_ids = '[]' WHERE status = 'MERGED';
UPDATE crm_lead SET unqualified_reason = NULL WHERE status <> 'UNQUALIFIED' AND unqualified_reason IS NOT NULL;
UPDATE crm_lead SET score = 0 WHERE score < 0 OR (spam = TRUE AND score <> 0);
