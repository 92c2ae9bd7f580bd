package dev.genairesilience.chain;

import static dev.genairesilience.Resolution.FOUR_K;
import static dev.genairesilience.Resolution.ONE_K;
import static dev.genairesilience.Resolution.TWO_K;
import static dev.genairesilience.chain.Engine.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genairesilience.Attempt;
import dev.genairesilience.GenerationRejectedException;
import dev.genairesilience.GenerationUnavailableException;
import dev.genairesilience.chain.ExecutionReport.Result;
import dev.genairesilience.failure.Failure;
import dev.genairesilience.failure.FailureKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The executor tells its listener of every attempt, refusal and ending, and a failing listener changes nothing. */
class ChainExecutorListenerTest {

    private static final String PROMPT = "a lighthouse at dusk";

    private final Engine engine = new Engine();
    private final Recorder recorder = new Recorder();

    @Test
    void everyAttemptIsReportedAndTheExecutionEndsWithOneDeliveredReport() {
        ScriptedCall pro = ScriptedCall.succeeding("image").afterFailing(Failure.of(FailureKind.OVERLOADED),
                Failure.of(FailureKind.OVERLOADED));

        executor(engine.settings).execute(plan(step("pro", FOUR_K, pro)));

        assertThat(recorder.attempts).extracting(Attempt::failure)
                .containsExactly(FailureKind.OVERLOADED, FailureKind.OVERLOADED, null);
        assertThat(recorder.plans).containsOnly("product-shots");
        ExecutionReport report = recorder.single();
        assertThat(report.result()).isEqualTo(Result.DELIVERED);
        assertThat(report.delivered().provider()).isEqualTo("pro");
        assertThat(report.attempts()).hasSize(3);
        assertThat(report.degraded()).isFalse();
        assertThat(report.fellBack()).isFalse();
        assertThat(report.resolutionLowered()).isFalse();
        assertThat(report.prompt()).isEqualTo(PROMPT);
        assertThat(report.duration()).isPositive();
    }

    @Test
    void aFallbackToALowerResolutionShowsInTheReport() {
        ScriptedCall pro = ScriptedCall.failing(FailureKind.AUTHENTICATION);
        ScriptedCall flash = ScriptedCall.succeeding("image");

        executor(engine.settings).execute(plan(step("pro", FOUR_K, pro), step("flash", TWO_K, flash)));

        ExecutionReport report = recorder.single();
        assertThat(report.requested().provider()).isEqualTo("pro");
        assertThat(report.delivered().provider()).isEqualTo("flash");
        assertThat(report.fellBack()).isTrue();
        assertThat(report.resolutionLowered()).isTrue();
        assertThat(report.degraded()).isTrue();
    }

    @Test
    void aStepSkippedByAnOpenBreakerIsReported() {
        engine.breaker("pro").transitionToOpenState();

        executor(engine.settings).execute(plan(step("pro", FOUR_K, ScriptedCall.succeeding("x")),
                step("flash", FOUR_K, ScriptedCall.succeeding("image"))));

        assertThat(recorder.breakerRefusals).containsExactly("pro");
        assertThat(recorder.attempts).extracting(Attempt::provider).containsExactly("flash");
    }

    @Test
    void aRetryRefusedByASpentBudgetIsReported() {
        RetrySettings noBudget = Engine.settingsBuilder().budget(0.0, 0, Duration.ofSeconds(10)).build();

        assertThatThrownBy(() -> executor(noBudget).execute(plan(step("pro", ONE_K,
                ScriptedCall.failing(FailureKind.SERVER_ERROR))))).isInstanceOf(GenerationUnavailableException.class);

        assertThat(recorder.budgetRefusals).containsExactly("pro");
        assertThat(recorder.single().result()).isEqualTo(Result.UNAVAILABLE);
        assertThat(recorder.single().delivered()).isNull();
        assertThat(recorder.single().attempts()).hasSize(1);
    }

    @Test
    void aRejectedRequestEndsWithARejectedReport() {
        assertThatThrownBy(() -> executor(engine.settings).execute(plan(step("pro", ONE_K,
                ScriptedCall.failing(FailureKind.BAD_REQUEST))))).isInstanceOf(GenerationRejectedException.class);

        assertThat(recorder.single().result()).isEqualTo(Result.REJECTED);
    }

    @Test
    void theLastResortEndsWithALastResortReport() {
        Step<String> card = Step.<String>builder("card", attempt -> "card").resolution(ONE_K)
                .timeout(Duration.ofSeconds(1)).alwaysDegraded(true).build();
        Plan<String> plan = Plan.<String>builder("product-shots", Duration.ofSeconds(60))
                .step(step("pro", ONE_K, ScriptedCall.failing(FailureKind.MODEL_NOT_FOUND))).lastResort(card)
                .aspectRatio("1:1").prompt(PROMPT).build();

        executor(engine.settings).execute(plan);

        assertThat(recorder.single().result()).isEqualTo(Result.LAST_RESORT);
        assertThat(recorder.single().fellBack()).isTrue();
        assertThat(recorder.single().degraded()).isTrue();
    }

    @Test
    void aListenerThatThrowsNeverBreaksTheGeneration() {
        ExecutionListener broken = new ExecutionListener() {
            @Override
            public void attemptFinished(String plan, Attempt attempt) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void executionFinished(ExecutionReport report) {
                throw new IllegalStateException("listener bug");
            }
        };
        ChainExecutor executor = engine.executorBuilder(engine.settings).random(new Random(1))
                .listener(ExecutionListeners.of(List.of(broken, recorder))).build();

        Outcome<String> outcome = executor.execute(plan(step("pro", ONE_K, ScriptedCall.succeeding("image"))));

        assertThat(outcome.value()).isEqualTo("image");
        assertThat(recorder.reports).hasSize(1);
    }

    @Test
    void neitherThePlanNorTheReportShowsThePrompt() {
        executor(engine.settings).execute(plan(step("pro", ONE_K, ScriptedCall.succeeding("image"))));

        assertThat(recorder.single().toString()).doesNotContain(PROMPT).contains("chars");
        assertThat(plan(step("pro", ONE_K, ScriptedCall.succeeding("image"))).toString()).doesNotContain(PROMPT);
    }

    private ChainExecutor executor(RetrySettings settings) {
        return ChainExecutor.builder(FailureException.classification(),
                ProviderLanes.builder(new RegistryProviderBreakers(engine.registry),
                        new RetryBudgets(settings, engine.clock)).maxHold(settings.maxServerWait()).clock(engine.clock)
                        .build())
                .settings(settings).clock(engine.clock).sleeper(engine.sleeper).random(new Random(42))
                .listener(recorder).build();
    }

    @SafeVarargs
    private static Plan<String> plan(Step<String>... steps) {
        return Plan.<String>builder("product-shots", Duration.ofSeconds(60)).steps(List.of(steps)).aspectRatio("1:1")
                .prompt(PROMPT).build();
    }

    /** Remembers what it was told. */
    private static final class Recorder implements ExecutionListener {

        final List<String> plans = new ArrayList<>();
        final List<Attempt> attempts = new ArrayList<>();
        final List<String> breakerRefusals = new ArrayList<>();
        final List<String> budgetRefusals = new ArrayList<>();
        final List<ExecutionReport> reports = new ArrayList<>();

        @Override
        public void attemptFinished(String plan, Attempt attempt) {
            plans.add(plan);
            attempts.add(attempt);
        }

        @Override
        public void breakerRefused(String plan, Step<?> step) {
            breakerRefusals.add(step.provider());
        }

        @Override
        public void retryBudgetRefused(String plan, Step<?> step) {
            budgetRefusals.add(step.provider());
        }

        @Override
        public void executionFinished(ExecutionReport report) {
            reports.add(report);
        }

        ExecutionReport single() {
            assertThat(reports).hasSize(1);
            return reports.get(0);
        }
    }
}
