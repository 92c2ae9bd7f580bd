package dev.genairesilience.batch;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The daily off-peak window in which queued jobs run, such as {@code 02:00-07:00} in {@code America/Los_Angeles},
 * or {@code always}. A window whose end is not after its start crosses midnight ({@code 22:00-06:00}).
 *
 * <p>Times are wall-clock times in the zone, so on daylight-saving days a window is shorter or longer in real time.
 * A start or end that falls into the spring-forward gap moves forward by the gap (02:30 becomes 03:30); one that
 * falls into the autumn overlap takes the earlier of the two instants.
 */
public final class BatchWindow {

    private static final Pattern SPEC = Pattern.compile("(\\d{2}:\\d{2})\\s*-\\s*(\\d{2}:\\d{2})");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final LocalTime start;
    private final LocalTime end;
    private final ZoneId zone;

    private BatchWindow(LocalTime start, LocalTime end, ZoneId zone) {
        this.start = start;
        this.end = end;
        this.zone = zone;
    }

    /** A window that is always open: queued jobs run as soon as the drain limits allow. */
    public static BatchWindow always() {
        return new BatchWindow(null, null, ZoneId.of("UTC"));
    }

    /**
     * Parses {@code HH:mm-HH:mm} or {@code always}.
     *
     * @throws IllegalArgumentException saying what is wrong when the text is neither, or the window is empty
     */
    public static BatchWindow parse(String spec, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        String text = spec == null ? "" : spec.trim();
        if (text.equalsIgnoreCase("always")) {
            return always();
        }
        Matcher matcher = SPEC.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "'" + spec + "' is neither HH:mm-HH:mm (such as 02:00-07:00) nor 'always'");
        }
        LocalTime start = time(matcher.group(1), spec);
        LocalTime end = time(matcher.group(2), spec);
        if (start.equals(end)) {
            throw new IllegalArgumentException("'" + spec + "' starts and ends at the same time, so it is never open;"
                    + " use 'always' for a window that never closes");
        }
        return new BatchWindow(start, end, zone);
    }

    private static LocalTime time(String text, String spec) {
        try {
            return LocalTime.parse(text, HH_MM);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + spec + "': '" + text + "' is not a time of day (00:00 to 23:59)",
                    e);
        }
    }

    /** Whether this window never closes. */
    public boolean isAlways() {
        return start == null;
    }

    /** Whether the window is open at {@code instant}. */
    public boolean contains(Instant instant) {
        return isAlways() || openingAround(instant) != null;
    }

    /** {@code instant} itself when the window is open then, else the next time it opens. */
    public Instant openAt(Instant instant) {
        if (isAlways()) {
            return instant;
        }
        Interval current = openingAround(instant);
        return current != null ? instant : firstStartAfter(instant);
    }

    /**
     * When the window opens next after the opening {@code instant} falls in (or after {@code instant}, when the
     * window is closed then): where a job goes that found no capacity in this window. An {@link #always()} window
     * never closes, so this is {@code instant} itself.
     */
    public Instant nextOpeningAfter(Instant instant) {
        return isAlways() ? instant : firstStartAfter(instant);
    }

    /**
     * When {@code work} of in-window time, counted from {@code from}, is done: the time outside the window does not
     * count, so work that does not fit into this opening continues in the next ones.
     */
    public Instant drainedBy(Instant from, Duration work) {
        if (isAlways()) {
            return from.plus(work);
        }
        Instant cursor = from;
        Duration left = work;
        while (true) {
            Interval current = openingAround(cursor);
            Interval open = current != null ? current : firstOpeningAfter(cursor);
            Instant begin = current != null ? cursor : open.start();
            Duration available = Duration.between(begin, open.end());
            if (left.compareTo(available) <= 0) {
                return begin.plus(left);
            }
            left = left.minus(available);
            cursor = open.end();
        }
    }

    /** The opening that contains {@code instant}, or {@code null}. */
    private Interval openingAround(Instant instant) {
        LocalDate day = instant.atZone(zone).toLocalDate();
        for (int offset = -1; offset <= 0; offset++) {
            Interval interval = openingOn(day.plusDays(offset));
            if (!instant.isBefore(interval.start()) && instant.isBefore(interval.end())) {
                return interval;
            }
        }
        return null;
    }

    private Instant firstStartAfter(Instant instant) {
        return firstOpeningAfter(instant).start();
    }

    /** The first opening that starts after {@code instant} and is not empty (as a window inside a DST gap is). */
    private Interval firstOpeningAfter(Instant instant) {
        LocalDate day = instant.atZone(zone).toLocalDate();
        for (int offset = 0; ; offset++) {
            Interval candidate = openingOn(day.plusDays(offset));
            if (candidate.start().isAfter(instant) && candidate.end().isAfter(candidate.start())) {
                return candidate;
            }
        }
    }

    /** The opening that starts on {@code day}, local time; it ends the next day when it crosses midnight. */
    private Interval openingOn(LocalDate day) {
        LocalDate endDay = end.isAfter(start) ? day : day.plusDays(1);
        return new Interval(ZonedDateTime.of(day, start, zone).toInstant(),
                ZonedDateTime.of(endDay, end, zone).toInstant());
    }

    @Override
    public String toString() {
        return isAlways() ? "always" : HH_MM.format(start) + "-" + HH_MM.format(end) + " " + zone;
    }

    private record Interval(Instant start, Instant end) {
    }
}
