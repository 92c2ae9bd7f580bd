package dev.genairesilience.testkit;

import java.time.Duration;
import java.time.Instant;

/**
 * Runs a model's script on one generation call. The rules are asked in a fixed order, the first that
 * fires answers: key, invalid request, queued faults, outage, cold start, rate limit, capacity, hang, blocked
 * prompts, the random rates (overload, at the call's resolution's rate; drop; malformed), and else an image,
 * oversized if so scripted. Whatever the answer, its body then trickles if so scripted.
 */
final class CallPipeline {

    private final PngRenderer renderer = new PngRenderer();

    /** The answer to {@code call}, given no earlier than the model's latency after {@code arrival}. */
    Answer answer(Dialect dialect, IncomingCall call, ModelBehaviour model, Instant arrival)
            throws InterruptedException {
        Answer answer = decide(dialect, call, model);
        Durations.sleepUntil(arrival.plus(model.latency()));
        return answer.trickled(model.trickle(), ModelBehaviour.LONGEST_HOLD).countedFor(model);
    }

    private Answer decide(Dialect dialect, IncomingCall call, ModelBehaviour model) throws InterruptedException {
        if (!model.acceptsKey(call.apiKey())) {
            return fault(dialect, Fault.UNAUTHORIZED, model);
        }
        if (call.problem() != null) {
            return dialect.invalid(call.problem());
        }
        Fault queued = model.pollQueuedFault();
        if (queued != null) {
            return fault(dialect, queued, model);
        }
        if (model.inOutage(Instant.now())) {
            return fault(dialect, Fault.OVERLOADED, model);
        }
        ColdStart coldStart = model.coldStartState();
        if (coldStart != null) {
            Duration loading = coldStart.remainingLoading(Instant.now());
            if (!loading.isZero()) {
                if (!call.waitForModel()) {
                    return dialect.fault(Fault.LOADING, FaultContext.of(model, coldStart.estimatedTime()));
                }
                Durations.sleep(loading);
            }
        }
        RateLimitWindow rateLimit = model.rateLimitWindow();
        if (rateLimit != null && !rateLimit.tryAdmit(Instant.now())) {
            return fault(dialect, Fault.RATE_LIMITED, model);
        }
        RateLimitWindow keyQuota = model.keyQuota(call.apiKey());
        if (keyQuota != null && !keyQuota.tryAdmit(Instant.now())) {
            return fault(dialect, Fault.RATE_LIMITED, model);
        }
        CapacityGate gate = model.capacityGate();
        if (gate == null) {
            return generate(dialect, call, model);
        }
        int units = gate.unitsFor(call.resolution());
        if (!gate.tryEnter(units)) {
            return refuse(dialect, model, gate);
        }
        try {
            Answer answer = generate(dialect, call, model);
            Durations.sleep(gate.serviceTime());
            return answer;
        } finally {
            gate.leave(units);
        }
    }

    /** 503 overloaded for want of room, after holding one unit for the model's refusal hold, if any. */
    private static Answer refuse(Dialect dialect, ModelBehaviour model, CapacityGate gate)
            throws InterruptedException {
        Duration hold = model.refusalHold();
        if (!hold.isZero()) {
            gate.overdraw(1);
            try {
                Durations.sleep(hold);
            } finally {
                gate.leave(1);
            }
        }
        return fault(dialect, Fault.OVERLOADED, model);
    }

    private Answer generate(Dialect dialect, IncomingCall call, ModelBehaviour model) throws InterruptedException {
        if (model.hangs()) {
            Durations.sleep(ModelBehaviour.LONGEST_HOLD);
            return Answer.drop();
        }
        Fault block = model.blockFor(call.prompt());
        if (block != null) {
            return fault(dialect, block, model);
        }
        if (model.draw(model.overloadRate(call.resolution()))) {
            return fault(dialect, Fault.OVERLOADED, model);
        }
        if (model.draw(model.dropConnectionRate())) {
            return Answer.drop();
        }
        if (model.draw(model.malformedRate())) {
            return fault(dialect, Fault.MALFORMED, model);
        }
        OversizedAnswer oversized = model.oversizedAnswer();
        if (oversized != null) {
            return dialect.oversized(call, renderer.render(call.prompt(), call.size()), oversized);
        }
        model.recordSuccess();
        return dialect.success(call, renderer.render(call.prompt(), call.size()));
    }

    /** A scripted fault; a scripted loading answer reports the hint as its estimate. */
    private static Answer fault(Dialect dialect, Fault fault, ModelBehaviour model) {
        return dialect.fault(fault, FaultContext.of(model, model.hint()));
    }
}
