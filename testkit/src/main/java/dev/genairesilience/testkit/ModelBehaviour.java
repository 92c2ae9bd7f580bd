package dev.genairesilience.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The script of one emulated model: which faults it answers, how fast, how many calls at once, how its answers
 * misbehave on the wire (oversized, hung, trickling), and what it received. A new model is healthy: every call
 * succeeds at once. Setters are fluent and thread-safe, and may be changed while calls are running.
 */
public final class ModelBehaviour {

    /**
     * The longest a {@link #hang hung} call or a {@link #trickle trickling} answer holds its connection and
     * its emulator thread before the emulator hangs up: far past any call's timeout, short of a leak. Closing the
     * emulator ends them at once.
     */
    public static final Duration LONGEST_HOLD = Duration.ofMinutes(5);

    private static final Duration DEFAULT_HINT = Duration.ofSeconds(1);
    private static final long MEGABYTE = 1024 * 1024;

    private final String modelId;
    private final Deque<Fault> queuedFaults = new ArrayDeque<>();
    private final Deque<Fault> queuedPollFaults = new ArrayDeque<>();
    private final AtomicInteger polls = new AtomicInteger();
    private final AtomicInteger cancels = new AtomicInteger();
    private volatile int pendingPolls;
    private volatile boolean jobsHeld;
    private final AtomicInteger jobGeneration = new AtomicInteger();
    private final List<RecordedCall> recorded = new ArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger successes = new AtomicInteger();
    private final AtomicInteger metadataCalls = new AtomicInteger();
    private final List<PromptBlock> promptBlocks = new CopyOnWriteArrayList<>();
    private final AtomicLong bodyBytesSent = new AtomicLong();
    private final AtomicInteger abandonedAnswers = new AtomicInteger();
    private final Map<String, Double> overloadByResolution = new ConcurrentHashMap<>();

    private volatile double overloadRate;
    private volatile double malformedRate;
    private volatile double dropConnectionRate;
    private volatile boolean hangs;
    private volatile OversizedAnswer oversized;
    private volatile Duration trickle = Duration.ZERO;
    private volatile RateLimitWindow rateLimit;
    private volatile Duration hint = DEFAULT_HINT;
    private volatile boolean retryAfterAsHttpDate;
    private volatile ColdStart coldStart;
    private volatile Duration latency = Duration.ZERO;
    private volatile Instant outageFrom;
    private volatile Instant outageTo;
    private volatile CapacityGate capacity;
    private volatile Duration refusalHold = Duration.ZERO;
    private volatile String expectedApiKey;
    private final Set<String> acceptedApiKeys = ConcurrentHashMap.newKeySet();
    private final Map<String, RateLimitWindow> keyQuotas = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> callsByKey = new ConcurrentHashMap<>();
    private volatile Fault metadataFault;
    private volatile Random random = new Random();

    ModelBehaviour(String modelId) {
        this.modelId = modelId;
    }

    /** The model id this script belongs to. */
    public String modelId() {
        return modelId;
    }

    /**
     * Each call independently answers 503 overloaded with probability {@code p}, unless a rate is set for its
     * resolution ({@link #overloadRate(String, double)}).
     */
    public ModelBehaviour overloadRate(double p) {
        this.overloadRate = probability(p, "overloadRate");
        return this;
    }

    /**
     * Each call asking for {@code resolution} ({@code 1K}, {@code 2K} or {@code 4K}, case-insensitive) independently
     * answers 503 overloaded with probability {@code p}, in place of the rate {@link #overloadRate(double)} sets for
     * all; drawn from the same {@link #seed seeded} sequence. May be set again at any time, for instance to let one
     * resolution recover during a run. A call's resolution is read from its request: Gemini
     * {@code generationConfig.imageConfig.imageSize}, OpenAI {@code size} and Hugging Face {@code parameters.width}
     * and {@code height} (by the longer side: 4096 pixels or more is 4K, 2048 or more 2K, else 1K); a request that
     * names none asks for 1K.
     */
    public ModelBehaviour overloadRate(String resolution, double p) {
        String label = Resolutions.require(resolution, "resolution");
        overloadByResolution.put(label, probability(p, "overloadRate(" + label + ")"));
        return this;
    }

    /** The next {@code n} calls answer {@code fault}, before any other rule; queues behind earlier ones. */
    public ModelBehaviour failNext(int n, Fault fault) {
        Objects.requireNonNull(fault, "fault");
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        synchronized (queuedFaults) {
            for (int i = 0; i < n; i++) {
                queuedFaults.addLast(fault);
            }
        }
        return this;
    }

    /** Beyond {@code calls} calls in any sliding {@code window}, calls answer 429 with the {@link #hint}. */
    public ModelBehaviour rateLimit(int calls, Duration window) {
        this.rateLimit = new RateLimitWindow(calls, window);
        return this;
    }

    /** The wait the server asks for on 429 and 503 answers, where the API carries one (default 1 s). */
    public ModelBehaviour hint(Duration d) {
        this.hint = Durations.requireNonNegative(d, "hint");
        return this;
    }

    /** Sends {@code Retry-After} as an HTTP date instead of seconds. */
    public ModelBehaviour retryAfterAsHttpDate(boolean asHttpDate) {
        this.retryAfterAsHttpDate = asHttpDate;
        return this;
    }

    /**
     * The model answers 503 loading with {@code estimatedTime} until {@code loadingFor} has passed since
     * its first call. A Hugging Face call with {@code x-wait-for-model: true} waits the rest out instead.
     */
    public ModelBehaviour coldStart(Duration estimatedTime, Duration loadingFor) {
        this.coldStart = new ColdStart(estimatedTime, loadingFor);
        return this;
    }

    /** Every call, whatever its answer, takes at least {@code d} from its arrival. */
    public ModelBehaviour latency(Duration d) {
        this.latency = Durations.requireNonNegative(d, "latency");
        return this;
    }

    /** Calls answer 503 overloaded from {@code from} (inclusive) to {@code to} (exclusive), by wall clock. */
    public ModelBehaviour outage(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("outage ends before it starts");
        }
        synchronized (this) {
            this.outageFrom = from;
            this.outageTo = to;
        }
        return this;
    }

    /** Each call independently answers 200 with a body lacking the image, with probability {@code p}. */
    public ModelBehaviour malformedRate(double p) {
        this.malformedRate = probability(p, "malformedRate");
        return this;
    }

    /** Each call independently has its connection closed without an answer, with probability {@code p}. */
    public ModelBehaviour dropConnectionRate(double p) {
        this.dropConnectionRate = probability(p, "dropConnectionRate");
        return this;
    }

    /**
     * Whether calls hang: each call that no earlier rule answers (key, queued fault, outage, cold start, rate
     * limit, capacity) is accepted, recorded, and never answered, until the emulator closes or
     * {@link #LONGEST_HOLD} has passed, when its connection is closed.
     */
    public ModelBehaviour hang(boolean hangs) {
        this.hangs = hangs;
        return this;
    }

    /**
     * Every call that would answer an image answers one of {@code megabytes} MiB in all, in its API's own
     * format (a JSON API's base64 inside its JSON; Hugging Face's raw bytes), made up while it is sent and never
     * held in memory whole. Decoded, it is the image followed by zeros. With {@code withContentLength} the
     * answer declares its length; without, it is sent chunked. Such answers are not counted as
     * {@link #successes()}; {@code 0} answers images of their natural size again.
     */
    public ModelBehaviour oversizedAnswer(int megabytes, boolean withContentLength) {
        if (megabytes < 0) {
            throw new IllegalArgumentException("megabytes must be >= 0, was " + megabytes);
        }
        this.oversized = megabytes == 0 ? null : new OversizedAnswer(megabytes * MEGABYTE, withContentLength);
        return this;
    }

    /**
     * Every answer to a generation call, whatever it is, sends its status and headers at once, then its body one
     * byte per {@code perByte}, until the body is whole, the caller hangs up, the emulator closes, or
     * {@link #LONGEST_HOLD} has passed, when the emulator hangs up on a short body. {@code Duration.ZERO} sends at
     * full speed again.
     */
    public ModelBehaviour trickle(Duration perByte) {
        this.trickle = Durations.requireNonNegative(perByte, "perByte");
        return this;
    }

    /**
     * At most {@code concurrent} calls are served at once, each holding its slot for {@code serviceTime};
     * a call beyond that answers 503 overloaded at once (or after the {@link #refusalHold}). Replaces a capacity
     * set by {@link #capacityByResolution}.
     */
    public ModelBehaviour capacity(int concurrent, Duration serviceTime) {
        this.capacity = CapacityGate.ofCalls(concurrent, serviceTime);
        return this;
    }

    /**
     * At most {@code units} of room are in use at once, a call taking room by the resolution it asks for (see
     * {@link #overloadRate(String, double)} for how it is read): 1K 1 unit, 2K 2, 4K 4, following the
     * troubleshooting guide's "a 4K request can require 3-4 times the GPU resources of an HD request" rather than
     * the pixel count. An admitted call holds its room for {@code serviceTime}; a call finding too little room free
     * answers 503 overloaded at once (or after the {@link #refusalHold}), so that 4K calls are turned away while
     * smaller ones still fit. Replaces a capacity set by {@link #capacity}.
     */
    public ModelBehaviour capacityByResolution(int units, Duration serviceTime) {
        this.capacity = CapacityGate.ofRoom(units, serviceTime);
        return this;
    }

    /**
     * Each call the {@link #capacity} rule refuses still costs the server: it takes one unit of room (a slot)
     * for {@code hold}, whether or not any is free, before its 503 is sent. Refusals then crowd out calls that
     * could have been served, so that a storm of retries keeps the model collapsed, as overloaded servers are.
     * {@code Duration.ZERO} (the default) refuses at once, at no cost.
     */
    public ModelBehaviour refusalHold(Duration hold) {
        this.refusalHold = Durations.requireNonNegative(hold, "hold");
        return this;
    }

    /**
     * Calls whose prompt contains {@code fragment} (ignoring case) answer {@link Fault#CONTENT_BLOCKED}, so a test
     * can have one model refuse some prompts while it and the others serve the rest. Adds to earlier rules.
     */
    public ModelBehaviour blockPromptsContaining(String fragment) {
        return blockPromptsContaining(fragment, Fault.CONTENT_BLOCKED);
    }

    /**
     * Calls whose prompt contains {@code fragment} (ignoring case) answer {@code block}, which is
     * {@link Fault#CONTENT_BLOCKED} or {@link Fault#PROMPT_BLOCKED}. Asked once the call has passed the outage,
     * cold start, rate limit and capacity rules, before the random rates. Adds to earlier rules; the first one
     * added that matches answers.
     */
    public ModelBehaviour blockPromptsContaining(String fragment, Fault block) {
        Objects.requireNonNull(fragment, "fragment");
        if (fragment.isEmpty()) {
            throw new IllegalArgumentException("fragment must not be empty: it would block every prompt");
        }
        if (block != Fault.CONTENT_BLOCKED && block != Fault.PROMPT_BLOCKED) {
            throw new IllegalArgumentException("block must be CONTENT_BLOCKED or PROMPT_BLOCKED, was " + block);
        }
        promptBlocks.add(new PromptBlock(fragment.toLowerCase(Locale.ROOT), block));
        return this;
    }

    /**
     * For an asynchronous API (Black Forest Labs): each submitted job answers {@code Pending} to this many polls
     * before it is {@code Ready}.
     */
    public ModelBehaviour pendingPolls(int polls) {
        if (polls < 0) {
            throw new IllegalArgumentException("pendingPolls must be 0 or more, was " + polls);
        }
        this.pendingPolls = polls;
        return this;
    }

    /**
     * For an asynchronous API: while {@code held}, every job of the model answers pending to its polls, whatever
     * {@link #pendingPolls(int)} says, as a generation that takes long does; released, each goes on from where its
     * pending polls were.
     */
    public ModelBehaviour holdJobs(boolean held) {
        this.jobsHeld = held;
        return this;
    }

    /**
     * For an asynchronous API: the jobs submitted so far are forgotten, as an API forgets the ones it no longer keeps:
     * their polls, results and images answer as for a job it never had (BFL's {@code Task not found}, a 404). Jobs
     * submitted afterwards are known as usual.
     */
    public ModelBehaviour forgetJobs() {
        jobGeneration.incrementAndGet();
        return this;
    }

    /** For an asynchronous API: the next {@code n} polls of any job answer {@code fault} instead of its state. */
    public ModelBehaviour failNextPolls(int n, Fault fault) {
        Objects.requireNonNull(fault, "fault");
        synchronized (queuedPollFaults) {
            for (int i = 0; i < n; i++) {
                queuedPollFaults.addLast(fault);
            }
        }
        return this;
    }

    /** The cancellations the model's jobs received (an asynchronous API's). */
    public int cancels() {
        return cancels.get();
    }

    void recordCancel() {
        cancels.incrementAndGet();
    }

    /** The polls the model's jobs received (an asynchronous API's), answered or not. */
    public int polls() {
        return polls.get();
    }

    /** Calls that do not carry exactly this key answer 401. */
    public ModelBehaviour expectApiKey(String key) {
        this.expectedApiKey = Objects.requireNonNull(key, "key");
        return this;
    }

    /**
     * Calls that carry none of these keys answer 401 (several keys of one account; replaces
     * {@link #expectApiKey(String)}).
     */
    public ModelBehaviour expectApiKeys(String... keys) {
        this.expectedApiKey = null;
        acceptedApiKeys.clear();
        acceptedApiKeys.addAll(List.of(keys));
        return this;
    }

    /**
     * The quota of one key: at most {@code calls} admitted calls carrying {@code key} within any {@code window};
     * beyond it they answer 429 with the model's hint, as {@link #rateLimit(int, Duration)} does for every key.
     */
    public ModelBehaviour keyQuota(String key, int calls, Duration window) {
        keyQuotas.put(Objects.requireNonNull(key, "key"), new RateLimitWindow(calls, window));
        return this;
    }

    /** The generation calls received that carried {@code key}. */
    public int callsWithKey(String key) {
        AtomicInteger counted = callsByKey.get(key);
        return counted == null ? 0 : counted.get();
    }

    /**
     * The free metadata reads (Gemini {@code GET /v1beta/models/{model}}, OpenAI {@code GET /v1/models/{model}})
     * answer {@code fault} until it is set back to {@code null}; generation calls are not affected.
     */
    public ModelBehaviour metadataFault(Fault fault) {
        this.metadataFault = fault;
        return this;
    }

    /** Makes the random rates repeatable. */
    public ModelBehaviour seed(long seed) {
        this.random = new Random(seed);
        return this;
    }

    /** Generation calls received (metadata requests are not counted). */
    public int calls() {
        return calls.get();
    }

    /** Metadata reads received (Gemini and OpenAI model GETs), whatever they answered. */
    public int metadataCalls() {
        return metadataCalls.get();
    }

    /** Bytes of generation answers' bodies written to the callers' connections. */
    public long bodyBytesSent() {
        return bodyBytesSent.get();
    }

    /** Generation answers whose caller closed the connection before their body was written whole. */
    public int abandonedAnswers() {
        return abandonedAnswers.get();
    }

    /** Calls answered with a generated image (a blocked call's stand-in black image is not counted). */
    public int successes() {
        return successes.get();
    }

    /** The generation calls received, oldest first. */
    public List<RecordedCall> recordedCalls() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    /** Back to healthy: every rule, counter and record cleared. */
    void reset() {
        synchronized (queuedPollFaults) {
            queuedPollFaults.clear();
        }
        polls.set(0);
        cancels.set(0);
        pendingPolls = 0;
        jobsHeld = false;
        // the jobs of earlier tests are forgotten with them
        jobGeneration.incrementAndGet();
        synchronized (queuedFaults) {
            queuedFaults.clear();
        }
        synchronized (recorded) {
            recorded.clear();
        }
        calls.set(0);
        successes.set(0);
        metadataCalls.set(0);
        bodyBytesSent.set(0);
        abandonedAnswers.set(0);
        metadataFault = null;
        promptBlocks.clear();
        overloadRate = 0;
        overloadByResolution.clear();
        malformedRate = 0;
        dropConnectionRate = 0;
        hangs = false;
        oversized = null;
        trickle = Duration.ZERO;
        rateLimit = null;
        hint = DEFAULT_HINT;
        retryAfterAsHttpDate = false;
        coldStart = null;
        latency = Duration.ZERO;
        synchronized (this) {
            outageFrom = null;
            outageTo = null;
        }
        capacity = null;
        refusalHold = Duration.ZERO;
        expectedApiKey = null;
        acceptedApiKeys.clear();
        keyQuotas.clear();
        callsByKey.clear();
        random = new Random();
    }

    void record(RecordedCall call) {
        synchronized (recorded) {
            recorded.add(call);
        }
        calls.incrementAndGet();
    }

    void recordMetadataCall() {
        metadataCalls.incrementAndGet();
    }

    Fault metadataFault() {
        return metadataFault;
    }

    void recordBodyBytes(long bytes) {
        bodyBytesSent.addAndGet(bytes);
    }

    void recordAbandonedAnswer() {
        abandonedAnswers.incrementAndGet();
    }

    void recordSuccess() {
        successes.incrementAndGet();
    }

    int pendingPollsPerJob() {
        return pendingPolls;
    }

    boolean jobsHeld() {
        return jobsHeld;
    }

    /** Which jobs the model knows: those submitted in the {@link #forgetJobs() generation} this says. */
    int jobGeneration() {
        return jobGeneration.get();
    }

    /** Counts a poll; the fault it answers instead of the job's state, or {@code null}. */
    Fault recordPoll() {
        polls.incrementAndGet();
        synchronized (queuedPollFaults) {
            return queuedPollFaults.pollFirst();
        }
    }

    Fault pollQueuedFault() {
        synchronized (queuedFaults) {
            return queuedFaults.pollFirst();
        }
    }

    /** The block fault of the first rule {@code prompt} matches, or {@code null}. */
    Fault blockFor(String prompt) {
        if (promptBlocks.isEmpty()) {
            return null;
        }
        String text = prompt.toLowerCase(Locale.ROOT);
        for (PromptBlock rule : promptBlocks) {
            if (text.contains(rule.fragment())) {
                return rule.block();
            }
        }
        return null;
    }

    synchronized boolean inOutage(Instant now) {
        return outageFrom != null && !now.isBefore(outageFrom) && now.isBefore(outageTo);
    }

    boolean acceptsKey(String key) {
        if (key != null) {
            callsByKey.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        }
        if (!acceptedApiKeys.isEmpty()) {
            return acceptedApiKeys.contains(key);
        }
        String expected = expectedApiKey;
        return expected == null || expected.equals(key);
    }

    /** The quota of {@code key}, or {@code null} when it has none of its own. */
    RateLimitWindow keyQuota(String key) {
        return key == null ? null : keyQuotas.get(key);
    }

    boolean draw(double p) {
        return p > 0 && random.nextDouble() < p;
    }

    /** The overload rate of a call asking for {@code resolution}, {@code null} for an unreadable call. */
    double overloadRate(String resolution) {
        Double own = resolution == null ? null : overloadByResolution.get(resolution);
        return own != null ? own : overloadRate;
    }

    double malformedRate() {
        return malformedRate;
    }

    double dropConnectionRate() {
        return dropConnectionRate;
    }

    boolean hangs() {
        return hangs;
    }

    OversizedAnswer oversizedAnswer() {
        return oversized;
    }

    Duration trickle() {
        return trickle;
    }

    RateLimitWindow rateLimitWindow() {
        return rateLimit;
    }

    Duration hint() {
        return hint;
    }

    boolean retryAfterAsHttpDate() {
        return retryAfterAsHttpDate;
    }

    ColdStart coldStartState() {
        return coldStart;
    }

    Duration latency() {
        return latency;
    }

    CapacityGate capacityGate() {
        return capacity;
    }

    Duration refusalHold() {
        return refusalHold;
    }

    private static double probability(double p, String name) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " must be within [0, 1], was " + p);
        }
        return p;
    }

    private record PromptBlock(String fragment, Fault block) {
    }

    /** Names the model only: the expected key and the blocked fragments stay hidden. */
    @Override
    public String toString() {
        return "ModelBehaviour[" + modelId + "]";
    }
}
