package dev.genairesilience.internal.warmup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Warms every {@link WarmupTarget} once the application is ready, all at once, off the main thread; holds readiness
 * back meanwhile (when given a {@link ReadinessGate}) and releases it when every warm-up has ended or the longest
 * timeout has passed (a warm-up method that ignores its timeout does not hold traffic back forever). Then keeps
 * each target with a keep-alive hot. A failed warm-up is logged and shown in health; with {@code required}, it
 * closes the application.
 */
public final class WarmupCoordinator implements ApplicationListener<ApplicationReadyEvent>, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(WarmupCoordinator.class);

    /** What a warm-up may overrun its own timeout by (its last call's answer on the way) before the gate opens. */
    private static final Duration GRACE = Duration.ofSeconds(1);

    private final Supplier<List<WarmupTarget>> targets;
    private final WarmupRunner runner;
    private final WarmupStates states;
    private final PeriodicCalls periodic;
    private final Executor executor;
    private final ReadinessGate gate;
    private final boolean required;
    private final AtomicBoolean finished = new AtomicBoolean();

    /**
     * @param targets  every target, asked once all singletons exist (so {@code @WarmOnStartup} methods are known)
     * @param runner   warms one target
     * @param states   where targets are made known as pending
     * @param periodic schedules the gate's timeout and the keep-alives
     * @param executor runs the first warm-ups
     * @param gate     holds readiness back while warming, or {@code null} not to
     * @param required whether a failed warm-up closes the application
     */
    public WarmupCoordinator(Supplier<List<WarmupTarget>> targets, WarmupRunner runner, WarmupStates states,
            PeriodicCalls periodic, Executor executor, ReadinessGate gate, boolean required) {
        this.targets = Objects.requireNonNull(targets, "targets");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.states = Objects.requireNonNull(states, "states");
        this.periodic = Objects.requireNonNull(periodic, "periodic");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.gate = gate;
        this.required = required;
    }

    /** Health shows every target as not warmed yet from the start. */
    @Override
    public void afterSingletonsInstantiated() {
        targets.get().forEach(target -> states.pending(target.name()));
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        List<WarmupTarget> all = targets.get();
        if (all.isEmpty()) {
            return;
        }
        if (gate != null) {
            gate.hold();
        }
        ConfigurableApplicationContext context = event.getApplicationContext();
        List<CompletableFuture<Boolean>> warmUps = new ArrayList<>();
        Duration longest = Duration.ZERO;
        for (WarmupTarget target : all) {
            warmUps.add(CompletableFuture.supplyAsync(() -> runner.warm(target), executor)
                    .whenComplete((warm, error) -> keepAlive(target)));
            longest = target.timeout().compareTo(longest) > 0 ? target.timeout() : longest;
        }
        log.info("genai warm-up of {} target(s) started{}", all.size(),
                gate == null ? "" : "; readiness refuses traffic until it ends");
        periodic.once(longest.plus(GRACE), () -> finish(context, all, "timed out"));
        CompletableFuture.allOf(warmUps.toArray(CompletableFuture[]::new))
                .whenComplete((done, error) -> finish(context, all, "ended"));
    }

    private void keepAlive(WarmupTarget target) {
        if (target.keepAlive() != null) {
            periodic.every(target.keepAlive(), () -> runner.warm(target));
        }
    }

    private void finish(ConfigurableApplicationContext context, List<WarmupTarget> all, String how) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        List<String> cold = all.stream().map(WarmupTarget::name)
                .filter(name -> states.status(name).map(s -> s.state() != WarmupStatus.State.WARM).orElse(true))
                .toList();
        if (gate != null) {
            gate.release();
        }
        if (cold.isEmpty()) {
            log.info("genai warm-up {}: every target is warm{}", how, gate == null ? "" : "; accepting traffic");
        } else if (required) {
            log.error("genai warm-up {} with {} not warm, and genai.warmup.required=true: closing the application",
                    how, cold);
            // not on this thread: it belongs to the executor the closing context shuts down
            Thread exit = new Thread(() -> SpringApplication.exit(context, () -> 1), "genai-warmup-exit");
            exit.start();
        } else {
            log.warn("genai warm-up {} with {} not warm; the application serves anyway (health shows why)", how,
                    cold);
        }
    }
}
