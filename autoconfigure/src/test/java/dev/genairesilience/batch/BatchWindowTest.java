package dev.genairesilience.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genairesilience.schedule.DailyWindow;
import dev.genairesilience.schedule.PeakHours;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BatchWindowTest {

    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    private static final ZoneId UTC = ZoneId.of("UTC");

    private static Instant utc(String instant) {
        return Instant.parse(instant);
    }

    private static Instant pacific(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), PACIFIC).toInstant();
    }

    @Test
    void aDaytimeWindowContainsItsStartButNotItsEnd() {
        BatchWindow window = BatchWindow.parse("02:00-07:00", PACIFIC);

        assertThat(window.contains(pacific("2026-06-10T01:59:59"))).isFalse();
        assertThat(window.contains(pacific("2026-06-10T02:00"))).isTrue();
        assertThat(window.contains(pacific("2026-06-10T06:59:59"))).isTrue();
        assertThat(window.contains(pacific("2026-06-10T07:00"))).isFalse();
    }

    @Test
    void outsideTheWindowTheNextOpeningIsTheNextStartInTheZone() {
        BatchWindow window = BatchWindow.parse("02:00-07:00", PACIFIC);

        assertThat(window.openAt(pacific("2026-06-10T01:00"))).isEqualTo(pacific("2026-06-10T02:00"));
        assertThat(window.openAt(pacific("2026-06-10T12:00"))).isEqualTo(pacific("2026-06-11T02:00"));
        assertThat(window.openAt(pacific("2026-06-10T03:30"))).isEqualTo(pacific("2026-06-10T03:30"));
        assertThat(pacific("2026-06-10T02:00")).isEqualTo(Instant.parse("2026-06-10T09:00:00Z"));
    }

    @Test
    void aWindowCrossingMidnightIsOpenOnBothSidesOfIt() {
        BatchWindow window = BatchWindow.parse("22:00-06:00", UTC);

        assertThat(window.contains(Instant.parse("2026-01-05T21:59:00Z"))).isFalse();
        assertThat(window.contains(Instant.parse("2026-01-05T22:00:00Z"))).isTrue();
        assertThat(window.contains(Instant.parse("2026-01-05T23:59:59Z"))).isTrue();
        assertThat(window.contains(Instant.parse("2026-01-06T00:00:00Z"))).isTrue();
        assertThat(window.contains(Instant.parse("2026-01-06T05:59:59Z"))).isTrue();
        assertThat(window.contains(Instant.parse("2026-01-06T06:00:00Z"))).isFalse();
        assertThat(window.openAt(utc("2026-01-06T06:00:00Z"))).isEqualTo(utc("2026-01-06T22:00:00Z"));
    }

    @Test
    void theNextWindowAfterAJobFoundNoCapacityAtNightIsTomorrowNight() {
        BatchWindow window = BatchWindow.parse("22:00-06:00", UTC);

        assertThat(window.nextOpeningAfter(Instant.parse("2026-01-06T01:00:00Z")))
                .isEqualTo(Instant.parse("2026-01-06T22:00:00Z"));
        assertThat(window.nextOpeningAfter(Instant.parse("2026-01-05T23:00:00Z")))
                .isEqualTo(Instant.parse("2026-01-06T22:00:00Z"));
    }

    @Test
    void onTheSpringForwardNightAWindowStartingInTheGapOpensWhenTheClockJumpsAndIsAnHourShorter() {
        // 2026-03-08 02:00 PST does not exist in Los Angeles: clocks jump to 03:00 PDT
        BatchWindow window = BatchWindow.parse("02:00-07:00", PACIFIC);
        Instant jump = Instant.parse("2026-03-08T10:00:00Z");

        assertThat(window.openAt(Instant.parse("2026-03-08T09:30:00Z"))).isEqualTo(jump);
        assertThat(window.contains(jump.minusSeconds(1))).isFalse();
        assertThat(window.contains(jump)).isTrue();
        Instant close = Instant.parse("2026-03-08T14:00:00Z");
        assertThat(window.contains(close.minusSeconds(1))).isTrue();
        assertThat(window.contains(close)).isFalse();
        assertThat(Duration.between(jump, close)).isEqualTo(Duration.ofHours(4));
        // the night before and after are in PST and PDT respectively
        assertThat(window.openAt(utc("2026-03-07T16:00:00Z"))).isEqualTo(utc("2026-03-08T10:00:00Z"));
        assertThat(window.openAt(utc("2026-03-08T15:00:00Z"))).isEqualTo(utc("2026-03-09T09:00:00Z"));
    }

    @Test
    void onTheFallBackNightTheWindowOpensAtTwoInStandardTime() {
        // 2026-11-01 02:00 PDT becomes 01:00 PST: 02:00-07:00 local is 10:00Z to 15:00Z, the night before 09:00Z
        BatchWindow window = BatchWindow.parse("02:00-07:00", PACIFIC);

        assertThat(window.openAt(utc("2026-11-01T08:00:00Z"))).isEqualTo(utc("2026-11-01T10:00:00Z"));
        assertThat(window.contains(Instant.parse("2026-11-01T14:59:59Z"))).isTrue();
        assertThat(window.contains(Instant.parse("2026-11-01T15:00:00Z"))).isFalse();
        assertThat(window.openAt(utc("2026-10-31T16:00:00Z"))).isEqualTo(utc("2026-11-01T10:00:00Z"));
        assertThat(window.openAt(utc("2026-10-30T16:00:00Z"))).isEqualTo(utc("2026-10-31T09:00:00Z"));
    }

    @Test
    void aWindowStartingInTheRepeatedHourOpensAtItsFirstOccurrenceAndIsAnHourLongerInRealTime() {
        // 01:30 happens twice on 2026-11-01 in Los Angeles: 08:30Z (PDT) and 09:30Z (PST); 03:00 PST is 11:00Z
        BatchWindow window = BatchWindow.parse("01:30-03:00", PACIFIC);

        assertThat(window.openAt(utc("2026-11-01T07:00:00Z"))).isEqualTo(utc("2026-11-01T08:30:00Z"));
        assertThat(window.contains(Instant.parse("2026-11-01T09:45:00Z"))).isTrue();
        assertThat(window.contains(Instant.parse("2026-11-01T10:59:59Z"))).isTrue();
        assertThat(window.contains(Instant.parse("2026-11-01T11:00:00Z"))).isFalse();
        assertThat(window.drainedBy(Instant.parse("2026-11-01T07:00:00Z"), Duration.ofMinutes(150)))
                .isEqualTo(Instant.parse("2026-11-01T11:00:00Z"));
    }

    @Test
    void aWindowCrossingMidnightAcrossTheSpringForwardNight() {
        BatchWindow window = BatchWindow.parse("23:00-04:00", PACIFIC);
        Instant opening = Instant.parse("2026-03-08T07:00:00Z"); // 23:00 PST on the 7th
        Instant closing = Instant.parse("2026-03-08T11:00:00Z"); // 04:00 PDT on the 8th

        assertThat(window.openAt(Instant.parse("2026-03-07T20:00:00Z"))).isEqualTo(opening);
        assertThat(window.contains(closing.minusSeconds(1))).isTrue();
        assertThat(window.contains(closing)).isFalse();
        assertThat(Duration.between(opening, closing)).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void drainingMoreWorkThanOneWindowHoldsContinuesInTheNextWindows() {
        BatchWindow window = BatchWindow.parse("02:00-07:00", UTC);
        Instant noon = Instant.parse("2026-06-10T12:00:00Z");

        assertThat(window.drainedBy(noon, Duration.ofHours(1))).isEqualTo(Instant.parse("2026-06-11T03:00:00Z"));
        assertThat(window.drainedBy(noon, Duration.ofHours(5))).isEqualTo(Instant.parse("2026-06-11T07:00:00Z"));
        assertThat(window.drainedBy(noon, Duration.ofHours(11))).isEqualTo(Instant.parse("2026-06-13T03:00:00Z"));
        assertThat(window.drainedBy(Instant.parse("2026-06-10T06:00:00Z"), Duration.ofHours(2)))
                .isEqualTo(Instant.parse("2026-06-11T03:00:00Z"));
    }

    @Test
    void anAlwaysOpenWindowNeverWaits() {
        BatchWindow window = BatchWindow.parse("always", PACIFIC);
        Instant now = Instant.parse("2026-03-08T10:30:00Z");

        assertThat(window.isAlways()).isTrue();
        assertThat(window.contains(now)).isTrue();
        assertThat(window.openAt(now)).isEqualTo(now);
        assertThat(window.nextOpeningAfter(now)).isEqualTo(now);
        assertThat(window.drainedBy(now, Duration.ofSeconds(90))).isEqualTo(now.plusSeconds(90));
        assertThat(window).hasToString("always");
    }

    private static PeakHours peaks(ZoneId zone, String... windows) {
        return PeakHours.of(List.of(windows).stream().map(w -> DailyWindow.parse(w, zone)).toList());
    }

    @Test
    void aPeakInsideTheWindowClosesItAndSplitsItInTwoOpenings() {
        BatchWindow window = BatchWindow.parse("22:00-06:00", UTC).excluding(peaks(UTC, "01:00-02:00"));

        assertThat(window.contains(utc("2026-01-06T00:59:59Z"))).isTrue();
        assertThat(window.contains(utc("2026-01-06T01:00:00Z"))).isFalse();
        assertThat(window.contains(utc("2026-01-06T01:59:59Z"))).isFalse();
        assertThat(window.contains(utc("2026-01-06T02:00:00Z"))).isTrue();
        assertThat(window.openAt(utc("2026-01-06T01:30:00Z"))).isEqualTo(utc("2026-01-06T02:00:00Z"));
        assertThat(window.nextOpeningAfter(utc("2026-01-06T00:30:00Z"))).isEqualTo(utc("2026-01-06T02:00:00Z"));
        // 3 h of work from 23:00: 2 h before the peak, then the last hour after it
        assertThat(window.drainedBy(utc("2026-01-05T23:00:00Z"), Duration.ofHours(3)))
                .isEqualTo(utc("2026-01-06T03:00:00Z"));
        assertThat(window.isAlways()).isFalse();
        assertThat(window).hasToString("22:00-06:00 UTC outside peak hours [01:00-02:00 UTC]");
    }

    @Test
    void aPeakOverTheWindowsStartDelaysTheOpeningToThePeaksEnd() {
        BatchWindow window = BatchWindow.parse("02:00-07:00", PACIFIC).excluding(peaks(PACIFIC, "01:00-03:00"));

        // 2026-06-10, PDT: 03:00 is 10:00Z
        assertThat(window.openAt(pacific("2026-06-10T00:00"))).isEqualTo(pacific("2026-06-10T03:00"));
        assertThat(window.contains(pacific("2026-06-10T02:30"))).isFalse();
    }

    @Test
    void anAlwaysOpenWindowIsClosedOnlyDuringThePeaks() {
        BatchWindow window = BatchWindow.always().excluding(peaks(PACIFIC, "09:00-11:00", "13:00-15:00"));

        assertThat(window.contains(pacific("2026-06-10T08:59"))).isTrue();
        assertThat(window.contains(pacific("2026-06-10T09:00"))).isFalse();
        assertThat(window.openAt(pacific("2026-06-10T10:00"))).isEqualTo(pacific("2026-06-10T11:00"));
        assertThat(window.nextOpeningAfter(pacific("2026-06-10T12:00"))).isEqualTo(pacific("2026-06-10T12:00"));
        assertThat(window.drainedBy(pacific("2026-06-10T10:00"), Duration.ofHours(3)))
                .isEqualTo(pacific("2026-06-10T16:00"));
    }

    @Test
    void aWindowThatLiesInsideThePeaksIsRefusedAsNeverOpen() {
        BatchWindow window = BatchWindow.parse("02:00-07:00", UTC);

        assertThatThrownBy(() -> window.excluding(peaks(UTC, "01:00-08:00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("never opens");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "2-7", "02:00", "02:00-07", "25:00-07:00", "02:60-07:00", "02:00 to 07:00", "never" })
    void aMalformedWindowIsRefusedSayingWhatIsExpected(String spec) {
        assertThatThrownBy(() -> BatchWindow.parse(spec, UTC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + spec + "'");
    }

    @Test
    void aWindowThatStartsWhenItEndsIsRefusedAsNeverOpen() {
        assertThatThrownBy(() -> BatchWindow.parse("03:00-03:00", UTC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("never open");
    }
}
