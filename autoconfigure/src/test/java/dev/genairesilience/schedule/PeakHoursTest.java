package dev.genairesilience.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PeakHoursTest {

    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

    private static PeakHours peaks(ZoneId zone, String... windows) {
        return PeakHours.of(List.of(windows).stream().map(w -> DailyWindow.parse(w, zone)).toList());
    }

    private static Instant utc(String instant) {
        return Instant.parse(instant);
    }

    @Test
    void theGeminiWindowsAreOnFromTheirStartsUntilTheirEndsInPacificTime() {
        // 2026-06-10 is in PDT (UTC-7): 09:00-11:00 is 16:00Z-18:00Z, 18:00-22:00 is 01:00Z-05:00Z the next day
        PeakHours gemini = peaks(PACIFIC, "09:00-11:00", "13:00-15:00", "18:00-22:00");

        assertThat(gemini.isOn(utc("2026-06-10T15:59:59Z"))).isFalse();
        assertThat(gemini.isOn(utc("2026-06-10T16:00:00Z"))).isTrue();
        assertThat(gemini.isOn(utc("2026-06-10T17:59:59Z"))).isTrue();
        assertThat(gemini.isOn(utc("2026-06-10T18:00:00Z"))).isFalse();
        assertThat(gemini.windowAt(utc("2026-06-10T20:30:00Z"))).map(DailyWindow::label).contains("13:00-15:00");
        assertThat(gemini.isOn(utc("2026-06-11T04:59:59Z"))).isTrue();
        assertThat(gemini.isOn(utc("2026-06-11T05:00:00Z"))).isFalse();
        assertThat(gemini.nextChange(utc("2026-06-10T16:30:00Z"))).contains(utc("2026-06-10T18:00:00Z"));
        assertThat(gemini.nextChange(utc("2026-06-10T18:00:00Z"))).contains(utc("2026-06-10T20:00:00Z"));
        assertThat(gemini.nextChange(utc("2026-06-11T05:00:00Z"))).contains(utc("2026-06-11T16:00:00Z"));
    }

    @Test
    void aWindowCrossingMidnightIsOnOnBothSidesOfIt() {
        PeakHours night = peaks(ZoneOffset.UTC, "22:00-02:00");

        assertThat(night.isOn(utc("2026-01-05T21:59:59Z"))).isFalse();
        assertThat(night.isOn(utc("2026-01-05T22:00:00Z"))).isTrue();
        assertThat(night.isOn(utc("2026-01-06T00:00:00Z"))).isTrue();
        assertThat(night.isOn(utc("2026-01-06T01:59:59Z"))).isTrue();
        assertThat(night.isOn(utc("2026-01-06T02:00:00Z"))).isFalse();
        assertThat(night.endOf(utc("2026-01-05T23:00:00Z"))).isEqualTo(utc("2026-01-06T02:00:00Z"));
        assertThat(night.nextStart(utc("2026-01-06T01:00:00Z"))).contains(utc("2026-01-06T22:00:00Z"));
    }

    @Test
    void onTheSpringForwardNightAPeakOverTheGapIsAnHourLongInRealTime() {
        // 2026-03-08 02:00 PST does not exist in Los Angeles: 01:00 PST is 09:00Z, 03:00 PDT is 10:00Z
        PeakHours early = peaks(PACIFIC, "01:00-03:00");

        assertThat(early.isOn(utc("2026-03-08T08:59:59Z"))).isFalse();
        assertThat(early.isOn(utc("2026-03-08T09:00:00Z"))).isTrue();
        assertThat(early.isOn(utc("2026-03-08T09:59:59Z"))).isTrue();
        assertThat(early.isOn(utc("2026-03-08T10:00:00Z"))).isFalse();
        assertThat(early.endOf(utc("2026-03-08T09:30:00Z"))).isEqualTo(utc("2026-03-08T10:00:00Z"));
        // the next night it is 01:00 PDT, 08:00Z
        assertThat(early.nextStart(utc("2026-03-08T10:00:00Z"))).contains(utc("2026-03-09T08:00:00Z"));
    }

    @Test
    void onTheFallBackNightAPeakOverTheRepeatedHourIsThreeHoursLongInRealTime() {
        // 2026-11-01: 01:00 PDT is 08:00Z, then 02:00 PDT becomes 01:00 PST; 03:00 PST is 11:00Z
        PeakHours early = peaks(PACIFIC, "01:00-03:00");

        assertThat(early.isOn(utc("2026-11-01T07:59:59Z"))).isFalse();
        assertThat(early.isOn(utc("2026-11-01T08:00:00Z"))).isTrue();
        assertThat(early.isOn(utc("2026-11-01T09:30:00Z"))).as("the second 01:30").isTrue();
        assertThat(early.isOn(utc("2026-11-01T10:59:59Z"))).isTrue();
        assertThat(early.isOn(utc("2026-11-01T11:00:00Z"))).isFalse();
        assertThat(Duration.between(utc("2026-11-01T08:00:00Z"), early.endOf(utc("2026-11-01T08:00:00Z"))))
                .isEqualTo(Duration.ofHours(3));
    }

    @Test
    void windowsThatOverlapOrTouchMakeOnePeakThatEndsWhenTheLastCloses() {
        PeakHours hours = peaks(ZoneOffset.UTC, "09:00-11:00", "10:00-12:00", "12:00-13:00");

        assertThat(hours.endOf(utc("2026-01-05T09:15:00Z"))).isEqualTo(utc("2026-01-05T13:00:00Z"));
        assertThat(hours.nextChange(utc("2026-01-05T08:00:00Z"))).contains(utc("2026-01-05T09:00:00Z"));
        assertThat(hours.nextStart(utc("2026-01-05T09:15:00Z"))).contains(utc("2026-01-06T09:00:00Z"));
    }

    @Test
    void withoutWindowsAPeakIsNeverOnAndNeverChanges() {
        PeakHours none = PeakHours.none();

        assertThat(none.isOn(utc("2026-01-05T10:00:00Z"))).isFalse();
        assertThat(none.windowAt(utc("2026-01-05T10:00:00Z"))).isEmpty();
        assertThat(none.nextChange(utc("2026-01-05T10:00:00Z"))).isEqualTo(Optional.empty());
        assertThat(none).hasToString("none");
    }

    @Test
    void windowsCoveringTheWholeDayAreRefusedAsAPeakThatNeverEnds() {
        assertThatThrownBy(() -> peaks(ZoneOffset.UTC, "00:00-12:00", "11:00-00:00"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cover the whole day");
    }

    @Test
    void aMalformedWindowIsRefusedQuotingIt() {
        assertThatThrownBy(() -> DailyWindow.parse("9-11", PACIFIC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'9-11'").hasMessageContaining("HH:mm-HH:mm");
        assertThatThrownBy(() -> DailyWindow.parse("09:00-24:30", PACIFIC))
                .hasMessageContaining("'24:30' is not a time of day");
    }
}
