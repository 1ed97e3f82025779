package dev.crmkit.core.tracking;

import dev.crmkit.core.common.AdId;
import dev.crmkit.core.common.AffiliateId;
import dev.crmkit.core.common.CampaignId;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.UserId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The touchpoints of one UTC day that share kind, campaign, ad, affiliate site, channel, rep and currency, totalled:
 * what marketing reports add up. Adapters keep these up to date as touchpoints are inserted, in the same
 * transaction, so a report over many days reads a few totals per day instead of every touchpoint. Touchpoints are
 * never deleted and none of these keys ever changes on a stored one (linking a visitor to a lead or anonymising it
 * for an erasure leaves them as they are), so the totals stay exact.
 *
 * @param day         the UTC day the touchpoints occurred on
 * @param currency    ISO 4217 code of their value; null for touchpoints without a value
 * @param touchpoints how many touchpoints (at least 1)
 * @param count       the sum of their {@link Touchpoint#count()}
 * @param value       the sum of their values' amounts (zero without a currency)
 * @param seconds     the sum of their durations
 * @param timed       how many of them have a duration
 */
public record TouchpointDayTotal(LocalDate day, TouchpointKind kind, @Nullable CampaignId campaign, @Nullable AdId ad,
                                 @Nullable AffiliateId affiliate, Channel channel, @Nullable UserId rep,
                                 @Nullable String currency, long touchpoints, long count, BigDecimal value,
                                 long seconds, long timed) {
    /** The zone whose calendar days these totals are by. */
    public static final ZoneOffset ZONE = ZoneOffset.UTC;
    private static final long SECONDS_PER_DAY = 86_400;

    public TouchpointDayTotal {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(value, "value");
    }

    /** The key {@code t} is totalled under: its UTC day, kind, campaign, ad, affiliate, channel, rep, currency. */
    public static Key keyOf(Touchpoint t) {
        return keyOf(t, LocalDate.ofEpochDay(epochDay(t)));
    }

    /**
     * The UTC day {@code t} is totalled under, as days since 1970-01-01: for code that must agree with the totals on
     * which day a touchpoint changed. By arithmetic: LocalDate.ofInstant builds the zone's rules (a map) on every call.
     */
    public static long epochDay(Touchpoint t) {
        return Math.floorDiv(t.occurredAt().getEpochSecond(), SECONDS_PER_DAY);
    }

    private static Key keyOf(Touchpoint t, LocalDate day) {
        Money value = t.value();
        return new Key(day, t.kind(), t.campaign(), t.ad(), t.affiliate(), t.channel(), t.rep(),
                value == null ? null : value.currency().getCurrencyCode());
    }

    /** What touchpoints share to be totalled together. */
    public record Key(LocalDate day, TouchpointKind kind, @Nullable CampaignId campaign, @Nullable AdId ad,
                      @Nullable AffiliateId affiliate, Channel channel, @Nullable UserId rep,
                      @Nullable String currency) {
        public Key {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(channel, "channel");
        }

        /** The total of {@code sums} under this key. */
        public TouchpointDayTotal total(long touchpoints, long count, BigDecimal value, long seconds, long timed) {
            return new TouchpointDayTotal(day, kind, campaign, ad, affiliate, channel, rep, currency, touchpoints,
                    count, value, seconds, timed);
        }
    }

    /**
     * The totals of {@code touchpoints} by key: what an adapter adds to the totals it keeps when it inserts them.
     */
    public static Map<Key, TouchpointDayTotal> of(Collection<Touchpoint> touchpoints) {
        Map<Key, Sum> sums = new HashMap<>();
        long dayNumber = Long.MIN_VALUE;
        LocalDate day = LocalDate.MIN;
        for (Touchpoint t : touchpoints) {
            long n = epochDay(t);
            if (n != dayNumber) { // a batch's touchpoints mostly share their day: one date for them, not one each
                dayNumber = n;
                day = LocalDate.ofEpochDay(n);
            }
            sums.computeIfAbsent(keyOf(t, day), k -> new Sum()).add(t);
        }
        Map<Key, TouchpointDayTotal> totals = new HashMap<>(sums.size() * 2);
        sums.forEach((k, s) -> totals.put(k, k.total(s.touchpoints, s.count, s.value, s.seconds, s.timed)));
        return totals;
    }

    /** This total plus {@code other} (of the same key). */
    public TouchpointDayTotal plus(TouchpointDayTotal other) {
        return new TouchpointDayTotal(day, kind, campaign, ad, affiliate, channel, rep, currency,
                touchpoints + other.touchpoints, Math.addExact(count, other.count), value.add(other.value),
                Math.addExact(seconds, other.seconds), timed + other.timed);
    }

    /** This total less {@code other} (of the same key), null when no touchpoint is left. */
    public @Nullable TouchpointDayTotal minus(TouchpointDayTotal other) {
        if (touchpoints == other.touchpoints) {
            return null;
        }
        return new TouchpointDayTotal(day, kind, campaign, ad, affiliate, channel, rep, currency,
                touchpoints - other.touchpoints, count - other.count, value.subtract(other.value),
                seconds - other.seconds, timed - other.timed);
    }

    /** The key of this total. */
    public Key key() {
        return new Key(day, kind, campaign, ad, affiliate, channel, rep, currency);
    }

    private static final class Sum {
        long touchpoints;
        long count;
        BigDecimal value = BigDecimal.ZERO;
        long seconds;
        long timed;

        void add(Touchpoint t) {
            touchpoints++;
            count = Math.addExact(count, t.count());
            Money v = t.value();
            if (v != null) {
                value = value.add(v.amount());
            }
            Integer d = t.durationSeconds();
            if (d != null) {
                seconds += d;
                timed++;
            }
        }
    }
}
