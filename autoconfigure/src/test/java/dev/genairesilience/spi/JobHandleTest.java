package dev.genairesilience.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.genairesilience.Resolution;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JobHandleTest {

    private static final String SIGNED = "{\"polling_url\":\"https://api.bfl.ai/v1/get_result?id=1&sig=s3cr3t\"}";

    @Test
    void itsTextNamesTheJobOnlyNeverItsValue() {
        JobHandle handle = JobHandle.of("job-1", SIGNED);

        assertThat(handle.toString()).isEqualTo("JobHandle[job-1]");
        assertThat(handle.value()).isEqualTo(SIGNED);
        assertThat(handle).isEqualTo(JobHandle.of("job-1", SIGNED)).isNotEqualTo(JobHandle.of("job-1", "{}"));
    }

    @Test
    void aValueTooLongOrBlankIsRefusedWithoutBeingQuoted() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> JobHandle.of("job-1", SIGNED + "x".repeat(JobHandle.MAX_VALUE_LENGTH)))
                .withMessageContaining("job-1").withMessageContaining(String.valueOf(JobHandle.MAX_VALUE_LENGTH))
                .withMessageNotContaining("s3cr3t");
        assertThatIllegalArgumentException().isThrownBy(() -> JobHandle.of("job-1", " "));
        assertThatIllegalArgumentException().isThrownBy(() -> JobHandle.of("", SIGNED))
                .withMessageNotContaining("s3cr3t");
    }

    @Test
    void aCallMadeTheOldWayTellsNobody() {
        GenerationCall call = new GenerationCall("a kite", Resolution.ONE_K, "1:1", Duration.ofSeconds(5));

        assertThat(call.submissions()).isSameAs(SubmissionListener.NONE);
        assertThat(new GenerationCall("a kite", Resolution.ONE_K, "1:1", Duration.ofSeconds(5), null).submissions())
                .isSameAs(SubmissionListener.NONE);
        call.submissions().submitted(JobHandle.of("job-1", SIGNED));
    }
}
