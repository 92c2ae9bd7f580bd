package dev.genairesilience.it;

import static dev.genairesilience.chain.GenAiBreakerDefaults.FAULTS_IN_A_ROW;
import static dev.genairesilience.chain.GenAiBreakerDefaults.FIRST_OPEN_WAIT;
import static dev.genairesilience.chain.GenAiBreakerDefaults.LONGEST_OPEN_WAIT;
import static dev.genairesilience.chain.GenAiBreakerDefaults.PROBES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.GeneratedImage;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.chain.ProviderBreakers;
import dev.genairesilience.testkit.Fault;
import dev.genairesilience.testkit.ModelBehaviour;
import dev.genairesilience.testsupport.MutableClock;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.StateTransition;
import io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The starter's breaker defaults, as an application with {@code resilience4j-spring-boot3} and no
 * {@code resilience4j.*} properties gets them, against real HTTP: an outage is cut off, a brownout is not, a
 * recovered provider is found after the first short wait, and the wait grows while the provider stays down.
 * Waits are judged on a test clock given as {@code genAiClock}, which the defaults tell time by.
 */
class BreakerDefaultsOverHttpTest extends EmulatedProvidersTest {

    private static final ImageRequest REQUEST = ImageRequest.of("a paper crane");
    private static final Duration JUST = Duration.ofMillis(100);

    private final MutableClock clock = new MutableClock();

    private ApplicationContextRunner starter() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CircuitBreakerAutoConfiguration.class));
    }

    private ApplicationContextRunner starterOnTheTestClock() {
        return starter().withBean("genAiClock", Clock.class, () -> clock);
    }

    private List<String> chain() {
        return with(geminiPair(), "genai.chains.main.providers=pro,flash");
    }

    @Test
    void anOutageOpensThePrimarysBreakerAtItsSixteenthFaultInARowAndTheSecondaryServesMeanwhile() {
        ModelBehaviour pro = emulator().model(PRO).overloadRate(1.0);
        run(starter(), chain(), context -> {
            openByTheOutage(context);
            assertThat(pro.calls()).isEqualTo(FAULTS_IN_A_ROW);

            for (int i = 0; i < 20; i++) {
                assertThat(generate(context).provider()).isEqualTo("flash");
            }
            assertThat(pro.calls()).as("no call reaches the dead provider while its breaker is open")
                    .isEqualTo(FAULTS_IN_A_ROW);
        });
    }

    @Test
    void aSeededFortyFivePercentBrownoutOverThreeHundredRequestsNeverOpensTheBreaker() {
        ModelBehaviour pro = emulator().model(PRO).overloadRate(0.45).seed(45);
        run(starter(), chain(), context -> {
            List<StateTransition> transitions = transitionsOf(breaker(context));
            int servedByPro = 0;
            for (int i = 0; i < 300; i++) {
                servedByPro += "pro".equals(generate(context).provider()) ? 1 : 0;
            }

            assertThat(transitions).isEmpty();
            double failed = (double) (pro.calls() - pro.successes()) / pro.calls();
            assertThat(failed).as("share of the primary's calls that failed").isBetween(0.35, 0.55);
            assertThat(servedByPro).as("requests the user's first choice served").isGreaterThanOrEqualTo(150);
        });
    }

    @Test
    void aRecoveredProviderIsFoundByTheFirstProbeAfterTwoSecondsAndOneFailedProbeDoesNotReopenIt() {
        ModelBehaviour pro = emulator().model(PRO).overloadRate(1.0);
        run(starterOnTheTestClock(), chain(), context -> {
            CircuitBreaker breaker = openByTheOutage(context);
            List<StateTransition> transitions = transitionsOf(breaker);
            pro.overloadRate(0.0);

            assertStillOpenJustBefore(FIRST_OPEN_WAIT, context);
            clock.advance(JUST.multipliedBy(2));
            int callsBefore = pro.calls();
            GeneratedImage probed = generate(context);
            assertThat(probed.provider()).isEqualTo("pro");
            assertThat(breaker.getState()).isEqualTo(State.HALF_OPEN);

            pro.failNext(1, Fault.OVERLOADED);
            for (int i = 0; i < PROBES && breaker.getState() == State.HALF_OPEN; i++) {
                generate(context);
            }

            assertThat(breaker.getState()).isEqualTo(State.CLOSED);
            assertThat(pro.calls() - callsBefore).as("probe calls").isEqualTo(PROBES);
            assertThat(transitions).containsExactly(StateTransition.OPEN_TO_HALF_OPEN,
                    StateTransition.HALF_OPEN_TO_CLOSED);
            assertThat(generate(context).provider()).isEqualTo("pro");
        });
    }

    @Test
    void eachReopeningDoublesTheOpenWaitUpToTenSecondsAndClosingStartsAgainFromTwo() {
        ModelBehaviour pro = emulator().model(PRO).overloadRate(1.0);
        run(starterOnTheTestClock(), chain(), context -> {
            CircuitBreaker breaker = openByTheOutage(context);
            for (Duration wait : List.of(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                    LONGEST_OPEN_WAIT, LONGEST_OPEN_WAIT)) {
                assertStillOpenJustBefore(wait, context);
                clock.advance(JUST.multipliedBy(2));
                int callsBefore = pro.calls();
                requestUntil(context, breaker, State.OPEN);
                assertThat(pro.calls() - callsBefore).as("failed probes after a wait of %s", wait).isEqualTo(PROBES);
            }

            pro.overloadRate(0.0);
            clock.advance(LONGEST_OPEN_WAIT.plus(JUST));
            requestUntil(context, breaker, State.CLOSED);
            pro.overloadRate(1.0);
            requestUntil(context, breaker, State.OPEN);

            assertStillOpenJustBefore(FIRST_OPEN_WAIT, context);
            clock.advance(JUST.multipliedBy(2));
            int callsBefore = pro.calls();
            generate(context);
            assertThat(pro.calls()).as("probed again after the first wait").isGreaterThan(callsBefore);
        });
    }

    /** Sends requests until the primary's breaker opens; each is served by the secondary. */
    private CircuitBreaker openByTheOutage(AssertableApplicationContext context) {
        CircuitBreaker breaker = breaker(context);
        for (int i = 0; i < FAULTS_IN_A_ROW && breaker.getState() == State.CLOSED; i++) {
            assertThat(generate(context).provider()).isEqualTo("flash");
        }
        assertThat(breaker.getState()).as("open within %d requests", FAULTS_IN_A_ROW).isEqualTo(State.OPEN);
        return breaker;
    }

    /** Moves the test clock to just short of {@code wait}; a request then makes no call to the primary. */
    private void assertStillOpenJustBefore(Duration wait, AssertableApplicationContext context) {
        clock.advance(wait.minus(JUST));
        int calls = emulator().model(PRO).calls();
        assertThat(generate(context).provider()).isEqualTo("flash");
        assertThat(emulator().model(PRO).calls()).as("no call %s into a wait of %s", wait.minus(JUST), wait)
                .isEqualTo(calls);
    }

    /** Sends one request, then more until the breaker is in {@code state} (an open one shows open until asked). */
    private void requestUntil(AssertableApplicationContext context, CircuitBreaker breaker, State state) {
        int requests = 0;
        do {
            generate(context);
        } while (++requests < FAULTS_IN_A_ROW && breaker.getState() != state);
        assertThat(breaker.getState()).isEqualTo(state);
    }

    private static List<StateTransition> transitionsOf(CircuitBreaker breaker) {
        List<StateTransition> transitions = new CopyOnWriteArrayList<>();
        breaker.getEventPublisher().onStateTransition(e -> transitions.add(e.getStateTransition()));
        return transitions;
    }

    private static CircuitBreaker breaker(AssertableApplicationContext context) {
        return context.getBean(ProviderBreakers.class).forId("pro");
    }

    private static GeneratedImage generate(AssertableApplicationContext context) {
        return generator(context).generate(REQUEST);
    }
}
