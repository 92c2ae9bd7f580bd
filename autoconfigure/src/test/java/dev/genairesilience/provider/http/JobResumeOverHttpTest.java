package dev.genairesilience.provider.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.genairesilience.Resolution;
import dev.genairesilience.provider.ProviderTestSupport;
import dev.genairesilience.provider.bfl.BflProviderFactory;
import dev.genairesilience.provider.fal.FalProviderFactory;
import dev.genairesilience.provider.replicate.ReplicateProviderFactory;
import dev.genairesilience.spi.AbandonedJobException;
import dev.genairesilience.spi.GenerationCall;
import dev.genairesilience.spi.ImageProvider;
import dev.genairesilience.spi.ImageProviderFactory;
import dev.genairesilience.spi.JobHandle;
import dev.genairesilience.spi.ProviderImage;
import dev.genairesilience.spi.UnknownJobException;
import dev.genairesilience.testkit.Fault;
import dev.genairesilience.testkit.ModelBehaviour;
import dev.genairesilience.testkit.ProviderEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The asynchronous providers resume a job they submitted, over real HTTP: the handle is told before any poll,
 * polled again by the attempt rule (a transient poll failure is polled again, never resubmitted), unknown once the
 * API forgot it, and abandoned (cancelled where the API can) when still pending at the end of its time.
 */
class JobResumeOverHttpTest {

    /** The three asynchronous types, with a model the emulator speaks for each. */
    enum Type {
        BFL(new BflProviderFactory(), "flux-pro-1.1", false),
        REPLICATE(new ReplicateProviderFactory(), "black-forest-labs/flux-schnell", true),
        FAL(new FalProviderFactory(), "fal-ai/flux/dev", true);

        final ImageProviderFactory factory;
        final String model;
        final boolean cancels;

        Type(ImageProviderFactory factory, String model, boolean cancels) {
            this.factory = factory;
            this.model = model;
            this.cancels = cancels;
        }
    }

    private static ProviderEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = ProviderEmulator.start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void reset() {
        emulator.reset();
    }

    private static ImageProvider provider(Type type) {
        return type.factory.create(ProviderTestSupport.settings(type.factory.type(), type.model,
                emulator.baseUrl()), ProviderTestSupport.HTTP);
    }

    private static ModelBehaviour model(Type type) {
        return emulator.model(type.model).expectApiKey(ProviderTestSupport.KEY);
    }

    /** Submits, keeping the handle the call is told of, and "dies" there: nothing is polled or cancelled. */
    private static JobHandle submitAndDie(ImageProvider provider, ModelBehaviour model) {
        List<JobHandle> told = new ArrayList<>();
        List<Integer> pollsWhenTold = new ArrayList<>();
        RuntimeException died = new IllegalStateException("the instance died");
        GenerationCall call = new GenerationCall(ProviderTestSupport.PROMPT, Resolution.ONE_K, "1:1",
                Duration.ofSeconds(10), handle -> {
                    told.add(handle);
                    pollsWhenTold.add(model.polls());
                    throw died;
                });
        assertThat(catchThrowableOfType(IllegalStateException.class, () -> provider.generate(call))).isSameAs(died);
        assertThat(told).hasSize(1);
        assertThat(pollsWhenTold).as("told before the first poll").containsExactly(0);
        assertThat(model.calls()).isEqualTo(1);
        return told.get(0);
    }

    @ParameterizedTest
    @EnumSource(Type.class)
    void aResumedJobIsPolledAgainThroughTransientFailuresAndFetchedWithoutASecondSubmission(Type type)
            throws Exception {
        ModelBehaviour model = model(type).holdJobs(true);
        ImageProvider provider = provider(type);
        JobHandle handle = submitAndDie(provider, model);
        assertThat(provider.resumes()).isTrue();
        assertThat(handle.toString()).isEqualTo("JobHandle[" + handle.id() + "]");
        assertThat(handle.value()).contains(emulator.baseUrl().getHost()).doesNotContain(ProviderTestSupport.KEY)
                .doesNotContain(ProviderTestSupport.PROMPT);

        model.holdJobs(false).pendingPolls(0).failNextPolls(2, Fault.OVERLOADED);
        ProviderImage image = provider.resume(handle, Duration.ofSeconds(10));

        ProviderTestSupport.png(image.bytes());
        assertThat(model.calls()).as("submissions").isEqualTo(1);
        assertThat(model.polls()).as("two failed polls, then the one that found it done").isGreaterThanOrEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Type.class)
    void aJobTheApiForgotIsUnknown(Type type) throws Exception {
        ModelBehaviour model = model(type).holdJobs(true);
        ImageProvider provider = provider(type);
        JobHandle handle = submitAndDie(provider, model);
        model.forgetJobs().holdJobs(false);

        UnknownJobException unknown = catchThrowableOfType(UnknownJobException.class,
                () -> provider.resume(handle, Duration.ofSeconds(5)));

        assertThat(unknown.jobId()).isEqualTo(handle.id());
        assertThat(unknown.getMessage()).doesNotContain(handle.value()).doesNotContain(emulator.baseUrl().toString());
        assertThat(model.calls()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Type.class)
    void aJobStillPendingAtTheEndOfItsTimeIsAbandonedAndCancelledWhereTheApiCan(Type type) throws Exception {
        ModelBehaviour model = model(type).holdJobs(true);
        ImageProvider provider = provider(type);
        JobHandle handle = submitAndDie(provider, model);

        AbandonedJobException abandoned = catchThrowableOfType(AbandonedJobException.class,
                () -> provider.resume(handle, Duration.ofMillis(800)));

        assertThat(abandoned.jobId()).isEqualTo(handle.id());
        assertThat(abandoned.cancelled()).isEqualTo(type.cancels);
        assertThat(model.cancels()).isEqualTo(type.cancels ? 1 : 0);
        assertThat(model.polls()).isPositive();
        assertThat(model.calls()).isEqualTo(1);
    }
}
