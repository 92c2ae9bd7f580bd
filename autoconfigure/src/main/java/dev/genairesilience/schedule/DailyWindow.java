package dev.genairesilience.schedule;

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
 * A window that opens every day at the same wall-clock time in a zone, {@code HH:mm-HH:mm} such as
 * {@code 09:00-11:00}. A window whose end is not after its start crosses midnight ({@code 22:00-06:00}). This is the
 * one grammar and the one set of rules for the off-peak queue's window and for peak hours.
 *
 * <p>Times are wall-clock times in the zone, so on daylight-saving days a window is shorter or longer in real time.
 * A start or end that falls into the spring-forward gap moves forward by the gap (02:30 becomes 03:30); one that
 * falls into the autumn overlap takes the earlier of the two instants. Each opening is half-open: it contains its
 * start, not its end.
 */
public final class DailyWindow {

    private static final Pattern SPEC = Pattern.compile("(\\d{2}:\\d{2})\\s*-\\s*(\\d{2}:\\d{2})");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final LocalTime start;
    private final LocalTime end;
    private final ZoneId zone;

    private DailyWindow(LocalTime start, LocalTime end, ZoneId zone) {
        this.start = start;
        this.end = end;
        this.zone = zone;
    }

    /** Whether {@code spec} has the form {@code HH:mm-HH:mm}, whatever its numbers. */
    public static boolean looksLikeWindow(String spec) {
        return spec != null && SPEC.matcher(spec.trim()).matches();
    }

    /**
     * Parses {@code HH:mm-HH:mm}.
     *
     * @throws IllegalArgumentException saying what is wrong, quoting {@code spec}, when the text is not of that form,
     *                                  a time is not a time of day, or the window is empty
     */
    public static DailyWindow parse(String spec, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        Matcher matcher = SPEC.matcher(spec == null ? "" : spec.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + spec + "' is not HH:mm-HH:mm (such as 09:00-11:00)");
        }
        LocalTime start = time(matcher.group(1), spec);
        LocalTime end = time(matcher.group(2), spec);
        if (start.equals(end)) {
            throw new IllegalArgumentException("'" + spec + "' starts and ends at the same time, so it is never open");
        }
        return new DailyWindow(start, end, zone);
    }

    private static LocalTime time(String text, String spec) {
        try {
            return LocalTime.parse(text, HH_MM);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + spec + "': '" + text + "' is not a time of day (00:00 to 23:59)",
                    e);
        }
    }

    /** The zone of the wall-clock times. */
    public ZoneId zone() {
        return zone;
    }

    /** Whether the window contains this wall-clock time of day (in its zone). */
    boolean containsTimeOfDay(LocalTime time) {
        return end.isAfter(start) ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }

    /** Whether the window is open at {@code instant}. */
    public boolean contains(Instant instant) {
        return openingAround(instant) != null;
    }

    /**
     * When the opening that contains {@code instant} ends.
     *
     * @throws IllegalArgumentException when the window is closed at {@code instant}
     */
    public Instant endOf(Instant instant) {
        Opening opening = openingAround(instant);
        if (opening == null) {
            throw new IllegalArgumentException(this + " is closed at " + instant);
        }
        return opening.end();
    }

    /**
     * When the first opening that starts after {@code instant} starts (the next one when {@code instant} is in an
     * opening); an opening that is empty on a daylight-saving day, as one inside the spring-forward gap is, is
     * passed over.
     */
    public Instant nextStart(Instant instant) {
        LocalDate day = instant.atZone(zone).toLocalDate();
        for (int offset = 0; ; offset++) {
            Opening candidate = openingOn(day.plusDays(offset));
            if (candidate.start().isAfter(instant) && candidate.end().isAfter(candidate.start())) {
                return candidate.start();
            }
        }
    }

    /** The opening that contains {@code instant}, or {@code null}. */
    private Opening openingAround(Instant instant) {
        LocalDate day = instant.atZone(zone).toLocalDate();
        for (int offset = -1; offset <= 0; offset++) {
            Opening opening = openingOn(day.plusDays(offset));
            if (!instant.isBefore(opening.start()) && instant.isBefore(opening.end())) {
                return opening;
            }
        }
        return null;
    }

    /** The opening that starts on {@code day}, local time; it ends the next day when it crosses midnight. */
    private Opening openingOn(LocalDate day) {
        LocalDate endDay = end.isAfter(start) ? day : day.plusDays(1);
        return new Opening(ZonedDateTime.of(day, start, zone).toInstant(),
                ZonedDateTime.of(endDay, end, zone).toInstant());
    }

    /** The window as written, {@code HH:mm-HH:mm}, without its zone. */
    public String label() {
        return HH_MM.format(start) + "-" + HH_MM.format(end);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DailyWindow w && start.equals(w.start) && end.equals(w.end) && zone.equals(w.zone);
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, end, zone);
    }

    /** {@code HH:mm-HH:mm zone}. */
    @Override
    public String toString() {
        return label() + " " + zone;
    }

    private record Opening(Instant start, Instant end) {
    }
}
