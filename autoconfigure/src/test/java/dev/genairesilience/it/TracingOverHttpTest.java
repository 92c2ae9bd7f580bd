package dev.genairesilience.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import dev.genairesilience.GeneratedImage;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.autoconfigure.GenAiObservationAutoConfiguration;
import dev.genairesilience.autoconfigure.GenAiTracingAutoConfiguration;
import dev.genairesilience.internal.observation.GenAiMeters;
import dev.genairesilience.internal.observation.GenAiObservations;
import dev.genairesilience.internal.observation.ObservedHttpClient;
import dev.genairesilience.testkit.Fault;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.BraveAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * With Spring Boot's observation, metrics and Brave tracing auto-configuration, as an application with Actuator and
 * {@code micrometer-tracing-bridge-brave} gets it: each generation is a span under the caller's span, each call to a
 * provider a span under it, each HTTP exchange a client span under its call, and the exchanges are timed as
 * {@code http.client.requests}. No span and no meter holds the prompt or the key.
 */
class TracingOverHttpTest extends EmulatedProvidersTest {

    private static final String PROMPT = "a lighthouse in fog, secret-prompt-5d2c";

    private final List<MutableSpan> spans = new CopyOnWriteArrayList<>();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, BraveAutoConfiguration.class,
                    MicrometerTracingAutoConfiguration.class, MetricsAutoConfiguration.class,
                    CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
                    GenAiObservationAutoConfiguration.class, GenAiTracingAutoConfiguration.class))
            .withBean(SpanHandler.class, () -> new SpanHandler() {
                @Override
                public boolean end(TraceContext context, MutableSpan span, Cause cause) {
                    spans.add(span);
                    return true;
                }
            })
            .withBean(CircuitBreakerRegistry.class, EmulatedProvidersTest::breakersThatNeverOpen)
            .withPropertyValues("management.tracing.sampling.probability=1.0");

    private final List<String> chain = with(geminiPair(), "genai.chains.main.providers=pro,flash",
            "genai.retry.max-attempts=2");

    @Test
    void aGenerationIsASpanUnderTheCallersWithASpanPerCallAndAClientSpanPerExchange() {
        emulator().model(PRO).failNext(2, Fault.OVERLOADED);

        run(runner, chain, context -> {
            GeneratedImage image = generateUnderACallersSpan(context);
            assertThat(image.provider()).isEqualTo("flash");

            MutableSpan caller = only("caller");
            MutableSpan generation = only("genai generation main");
            assertThat(generation.parentId()).isEqualTo(caller.id());
            assertThat(generation.traceId()).isEqualTo(caller.traceId());
            assertThat(generation.tags()).containsEntry("chain", "main").containsEntry("provider", "flash")
                    .containsEntry("model", FLASH).containsEntry("resolution", "1K")
                    .containsEntry("outcome", "DELIVERED").containsEntry("degraded", "true")
                    .containsEntry("attempts", "3");

            List<MutableSpan> calls = childrenOf(generation);
            assertThat(calls).extracting(MutableSpan::name, s -> s.tag("provider"), s -> s.tag("outcome"),
                    s -> s.tag("http.status"), s -> s.tag("attempt")).containsExactly(
                            tuple("genai attempt pro", "pro", "OVERLOADED", "503", "1"),
                            tuple("genai attempt pro", "pro", "OVERLOADED", "503", "2"),
                            tuple("genai attempt flash", "flash", "OK", null, "3"));
            assertThat(calls.get(0).error()).hasMessage("OVERLOADED (HTTP 503)");
            assertThat(calls.get(2).error()).isNull();

            for (MutableSpan call : calls) {
                List<MutableSpan> exchanges = childrenOf(call);
                assertThat(exchanges).singleElement().satisfies(exchange -> {
                    assertThat(exchange.name()).isEqualTo("http post");
                    assertThat(exchange.kind()).isEqualTo(brave.Span.Kind.CLIENT);
                    String failedWith = call.tag("http.status");
                    assertThat(exchange.tag("status")).isEqualTo(failedWith == null ? "200" : failedWith);
                    assertThat(exchange.tag("uri")).isEqualTo("/v1beta/models/" + call.tag("model")
                            + ":generateContent");
                    assertThat(exchange.tag("client.name")).isEqualTo("127.0.0.1");
                });
            }
            // the trace goes on at the provider, as it does from Spring's own HTTP clients
            assertThat(emulator().model(FLASH).recordedCalls().get(0).header("traceparent"))
                    .contains(generation.traceId());
        });
    }

    @Test
    void theExchangesAreTimedAsHttpClientRequestsBesideTheUnchangedGenAiMeters() {
        emulator().model(PRO).failNext(1, Fault.OVERLOADED);

        run(runner, chain, context -> {
            assertThat(context.getBean("genAiHttpClient")).isInstanceOf(ObservedHttpClient.class);
            generateUnderACallersSpan(context);
            generateUnderACallersSpan(context);
            MeterRegistry meters = context.getBean(MeterRegistry.class);

            String uri = "/v1beta/models/" + PRO + ":generateContent";
            assertThat(meters.get(ObservedHttpClient.NAME).tags("method", "POST", "uri", uri, "status", "503",
                    "outcome", "SERVER_ERROR", "client.name", "127.0.0.1").timer().count()).isEqualTo(1);
            assertThat(meters.get(ObservedHttpClient.NAME).tags("uri", uri, "status", "200", "outcome", "SUCCESS",
                    "exception", "none").timer().count()).isEqualTo(2);
            assertThat(meters.get(GenAiMeters.GENERATIONS).tags("chain", "main", "provider", "pro",
                    "outcome", "DELIVERED").timer().count()).isEqualTo(2);
            assertThat(meters.get(GenAiMeters.ATTEMPTS).tags("provider", "pro", "outcome", "OVERLOADED").timer()
                    .count()).isEqualTo(1);
            assertThat(meters.get(GenAiObservations.ATTEMPT).tags("provider", "pro", "outcome", "OK").timer()
                    .count()).isEqualTo(2);
            assertThat(meters.getMeters()).allSatisfy(TracingOverHttpTest::holdsNoSecret);
        });
    }

    @Test
    void noSpanNameTagOrErrorHoldsThePromptOrTheKeyEvenWhenNothingDelivers() {
        emulator().model(PRO).overloadRate(1.0);
        emulator().model(FLASH).failNext(5, Fault.UNAUTHORIZED);

        run(runner, chain, context -> {
            try {
                generateUnderACallersSpan(context);
            } catch (RuntimeException expected) {
                // unavailable: what matters is what the spans say
            }

            MutableSpan generation = only("genai generation main");
            assertThat(generation.tags()).containsEntry("outcome", "UNAVAILABLE").containsEntry("provider", "none");
            assertThat(generation.error()).hasMessage("UNAVAILABLE");
            assertThat(childrenOf(generation)).extracting(s -> s.tag("outcome"))
                    .containsExactly("OVERLOADED", "OVERLOADED", "AUTHENTICATION");
            assertThat(spans).hasSizeGreaterThan(5).allSatisfy(span -> {
                List<String> said = new ArrayList<>(span.tags().values());
                said.add(span.name());
                if (span.error() != null) {
                    said.add(span.error().getMessage());
                }
                assertThat(said).noneMatch(s -> s.contains(PROMPT) || s.contains("secret-prompt")
                        || s.contains(API_KEY));
            });
        });
    }

    private GeneratedImage generateUnderACallersSpan(AssertableApplicationContext context) {
        Observation caller = Observation.start("caller", context.getBean(ObservationRegistry.class));
        try (Observation.Scope scope = caller.openScope()) {
            return generator(context).generate("main", ImageRequest.of(PROMPT));
        } finally {
            caller.stop();
        }
    }

    private MutableSpan only(String name) {
        return spans.stream().filter(s -> name.equals(s.name())).reduce((a, b) -> {
            throw new AssertionError("more than one span named " + name);
        }).orElseThrow(() -> new AssertionError("no span named " + name + " in " + spans));
    }

    /** The span's children, in the order they started. */
    private List<MutableSpan> childrenOf(MutableSpan parent) {
        return spans.stream().filter(s -> parent.id().equals(s.parentId()))
                .sorted((a, b) -> Long.compare(a.startTimestamp(), b.startTimestamp())).toList();
    }

    private static void holdsNoSecret(Meter meter) {
        for (Tag tag : meter.getId().getTags()) {
            assertThat(tag.getValue()).doesNotContain("secret-prompt").doesNotContain(API_KEY);
        }
    }
}
