package dev.genairesilience.chain;

import static dev.genairesilience.Resolution.ONE_K;
import static dev.genairesilience.chain.Engine.plan;
import static dev.genairesilience.chain.Engine.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genairesilience.Attempt;
import dev.genairesilience.GenerationUnavailableException;
import dev.genairesilience.failure.Failure;
import dev.genairesilience.failure.FailureKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The executor brackets each execution and each call with its observer: every call started inside its execution,
 * every handle ended exactly once, and an observer that throws changes nothing.
 */
class ChainExecutorObserverTest {

    private final Engine engine = new Engine();
    private final Recorder recorder = new Recorder();

    @Test
    void eachCallIsBracketedInsideItsExecutionAndEachEndsOnceWithWhatHappened() {
        ScriptedCall flaky = ScriptedCall.succeeding("image").afterFailing(Failure.of(FailureKind.OVERLOADED));
        ScriptedCall spare = ScriptedCall.succeeding("image");

        engine.executorBuilder(engine.settings).observer(recorder).build()
                .execute(plan(step("pro", ONE_K, ScriptedCall.failing(FailureKind.AUTHENTICATION)),
                        step("flash", ONE_K, flaky), step("card", ONE_K, spare)));

        assertThat(recorder.events).containsExactly("start test-chain",
                "start test-chain pro #1", "end AUTHENTICATION",
                "start test-chain flash #2", "end OVERLOADED",
                "start test-chain flash #3", "end OK",
                "end DELIVERED by flash after 3 calls");
    }

    @Test
    void aGenerationThatDeliversNothingEndsWithItsReport() {
        ChainExecutor executor = engine.executorBuilder(engine.settings).observer(recorder).build();

        assertThatThrownBy(() -> executor.execute(plan(step("pro", ONE_K,
                ScriptedCall.failing(FailureKind.AUTHENTICATION))))).isInstanceOf(GenerationUnavailableException.class);

        assertThat(recorder.events).containsExactly("start test-chain", "start test-chain pro #1",
                "end AUTHENTICATION", "end UNAVAILABLE by none after 1 calls");
    }

    @Test
    void anErrorThatCutsTheWorkShortFailsTheCallAndTheExecutionAndGoesOn() {
        AssertionError bug = new AssertionError("a bug in a provider");
        ChainExecutor executor = engine.executorBuilder(engine.settings).observer(recorder).build();

        assertThatThrownBy(() -> executor.execute(plan(step("pro", ONE_K, attempt -> {
            throw bug;
        })))).isSameAs(bug);

        assertThat(recorder.events).containsExactly("start test-chain", "start test-chain pro #1",
                "failed AssertionError", "failed AssertionError");
    }

    @Test
    void anObserverThatThrowsNeverBreaksTheGeneration() {
        ExecutionObserver broken = new ExecutionObserver() {
            @Override
            public Observed<ExecutionReport> executionStarted(String plan) {
                throw new IllegalStateException("observer bug");
            }

            @Override
            public Observed<Attempt> attemptStarted(String plan, Step<?> step, int number) {
                return new Observed<>() {
                    @Override
                    public void finished(Attempt result) {
                        throw new IllegalStateException("observer bug");
                    }

                    @Override
                    public void failed(Throwable error) {
                        throw new IllegalStateException("observer bug");
                    }
                };
            }
        };
        ChainExecutor executor = engine.executorBuilder(engine.settings).observer(broken).build();

        Outcome<String> outcome = executor.execute(plan(step("pro", ONE_K, ScriptedCall.succeeding("image"))));

        assertThat(outcome.value()).isEqualTo("image");
    }

    /** Writes down what it was told, in order. */
    private static final class Recorder implements ExecutionObserver {

        final List<String> events = new ArrayList<>();

        @Override
        public Observed<ExecutionReport> executionStarted(String plan) {
            events.add("start " + plan);
            return new Once<>() {
                @Override
                String describe(ExecutionReport report) {
                    return report.result() + " by " + (report.delivered() == null ? "none"
                            : report.delivered().provider()) + " after " + report.attempts().size() + " calls";
                }
            };
        }

        @Override
        public Observed<Attempt> attemptStarted(String plan, Step<?> step, int number) {
            events.add("start " + plan + " " + step.provider() + " #" + number);
            return new Once<>() {
                @Override
                String describe(Attempt attempt) {
                    return attempt.succeeded() ? "OK" : attempt.failure().name();
                }
            };
        }

        /** A handle that records its end, and fails the test when ended twice. */
        private abstract class Once<R> implements Observed<R> {

            private boolean ended;

            abstract String describe(R result);

            @Override
            public void finished(R result) {
                end("end " + describe(result));
            }

            @Override
            public void failed(Throwable error) {
                end("failed " + error.getClass().getSimpleName());
            }

            private void end(String event) {
                assertThat(ended).as("ended once").isFalse();
                ended = true;
                events.add(event);
            }
        }
    }
}
