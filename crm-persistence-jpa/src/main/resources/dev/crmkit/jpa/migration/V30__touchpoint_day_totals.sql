-- Touchpoint totals per UTC day (crm-core's TouchpointDayTotal), added to in the transaction that inserts the
-- touchpoints, so marketing reports over whole days read a few rows per day rather than every touchpoint. An absent
-- campaign, ad or affiliate is the nil UUID and an absent rep or currency the empty string: NULLs never collide in a
-- key, and each total must have exactly one row.
CREATE TABLE crm_touchpoint_day (
    tenant_id        VARCHAR(64)   NOT NULL,
    total_day        DATE          NOT NULL,
    kind             VARCHAR(32)   NOT NULL,
    campaign_id      UUID          NOT NULL,
    ad_id            UUID          NOT NULL,
    affiliate_id     UUID          NOT NULL,
    channel          VARCHAR(16)   NOT NULL,
    rep_id           VARCHAR(128)  NOT NULL,
    currency         VARCHAR(3)    NOT NULL,
    touchpoints      BIGINT        NOT NULL,
    event_count      BIGINT        NOT NULL,
    value_amount     DECIMAL(38,4) NOT NULL,
    duration_seconds BIGINT        NOT NULL,
    timed            BIGINT        NOT NULL,
    PRIMARY KEY (tenant_id, total_day, kind, campaign_id, ad_id, affiliate_id, channel, rep_id, currency)
) ${table_options};

-- The totals of the touchpoints stored before this version; touchpoint_utc_day is each database's UTC day of
-- occurred_at (TouchpointDayTotals.utcDay).
INSERT INTO crm_touchpoint_day (tenant_id, total_day, kind, campaign_id, ad_id, affiliate_id, channel, rep_id, currency, touchpoints, event_count, value_amount, duration_seconds, timed) SELECT tenant_id, ${touchpoint_utc_day}, kind, COALESCE(campaign_id, '00000000-0000-0000-0000-000000000000'), COALESCE(ad_id, '00000000-0000-0000-0000-000000000000'), COALESCE(affiliate_id, '00000000-0000-0000-0000-000000000000'), channel, COALESCE(rep_id, ''), COALESCE(value_currency, ''), COUNT(*), SUM(event_count), COALESCE(SUM(value_amount), 0), COALESCE(SUM(duration_seconds), 0), COUNT(duration_seconds) FROM crm_touchpoint GROUP BY tenant_id, ${touchpoint_utc_day}, kind, COALESCE(campaign_id, '00000000-0000-0000-0000-000000000000'), COALESCE(ad_id, '00000000-0000-0000-0000-000000000000'), COALESCE(affiliate_id, '00000000-0000-0000-0000-000000000000'), channel, COALESCE(rep_id, ''), COALESCE(value_currency, '');
