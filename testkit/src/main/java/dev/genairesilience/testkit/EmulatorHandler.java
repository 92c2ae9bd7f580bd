package dev.genairesilience.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** Routes each request to its API's dialect and the called model's script, and writes the answer. */
final class EmulatorHandler implements HttpHandler {

    private final GeminiDialect gemini = new GeminiDialect();
    private final OpenAiDialect openAi = new OpenAiDialect();
    private final BflDialect bfl;
    private final FalDialect fal;
    private final ReplicateDialect replicate;
    private final List<Dialect> dialects;
    private final CallPipeline pipeline = new CallPipeline();
    private final Function<String, ModelBehaviour> models;

    EmulatorHandler(Function<String, ModelBehaviour> models) {
        this.models = models;
        this.bfl = new BflDialect(models);
        this.fal = new FalDialect(models);
        this.replicate = new ReplicateDialect(models);
        this.dialects = List.of(gemini, new VertexDialect(gemini), new VertexImagenDialect(), openAi,
                new AzureOpenAiDialect(), bfl, fal, replicate, new StabilityDialect(), new HuggingFaceDialect());
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Instant arrival = Instant.now();
        Answer answer;
        try {
            IncomingRequest request = IncomingRequest.of(exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes());
            answer = route(request, arrival);
        } catch (InterruptedException e) {
            // the emulator is closing: leave the call unanswered
            Thread.currentThread().interrupt();
            answer = Answer.drop();
        } catch (RuntimeException e) {
            // an emulator bug must show as such, not as a provider fault the client would classify
            answer = Answer.bytes(500, "text/plain; charset=UTF-8",
                    ("testkit emulator error: " + e).getBytes(StandardCharsets.UTF_8));
        }
        if (answer.isDrop()) {
            // without response headers sent, closing the exchange closes the connection: a dropped call
            exchange.close();
            return;
        }
        send(exchange, answer);
    }

    private Answer route(IncomingRequest request, Instant arrival) throws InterruptedException {
        if (request.path().startsWith(FalDialect.QUEUE_PREFIX)) {
            return fal.queue(request);
        }
        if (request.path().startsWith(ReplicateDialect.PREFIX)) {
            return replicate.prediction(request);
        }
        if ("GET".equals(request.method())) {
            if (BflDialect.POLL_PATH.equals(request.path())) {
                return bfl.poll(request);
            }
            if (request.path().startsWith(BflDialect.DELIVERY_PREFIX)) {
                return bfl.delivery(request.path());
            }
            String geminiModel = gemini.metadataModel(request.path());
            if (geminiModel != null) {
                return metadata(gemini, gemini.apiKey(request), geminiModel, () -> gemini.metadata(geminiModel));
            }
            String openAiModel = openAi.metadataModel(request.path());
            if (openAiModel != null) {
                return metadata(openAi, request.bearerToken(), openAiModel, () -> openAi.metadata(openAiModel));
            }
        }
        for (Dialect dialect : dialects) {
            if (dialect.servesPath(request.path())) {
                return "POST".equals(request.method())
                        ? generate(dialect, request, arrival)
                        : plain(405, "Method " + request.method() + " not allowed on " + request.path());
            }
        }
        return plain(404, "No emulated API at " + request.path());
    }

    /** A free metadata read: counted apart from generation calls, answering the key check or a scripted fault. */
    private Answer metadata(Dialect dialect, String apiKey, String modelId, Supplier<Answer> answer) {
        ModelBehaviour model = models.apply(modelId);
        model.recordMetadataCall();
        if (!model.acceptsKey(apiKey)) {
            return dialect.fault(Fault.UNAUTHORIZED, FaultContext.of(model, model.hint()));
        }
        Fault fault = model.metadataFault();
        return fault != null ? dialect.fault(fault, FaultContext.of(model, model.hint())) : answer.get();
    }

    private Answer generate(Dialect dialect, IncomingRequest request, Instant arrival) throws InterruptedException {
        IncomingCall call = dialect.parse(request);
        if (call.model() == null) {
            return dialect.invalid(call.problem());
        }
        ModelBehaviour model = models.apply(call.model());
        model.record(new RecordedCall(dialect.api(), request.path(), request.headers(), request.bodyText(),
                call.resolution(), arrival));
        return pipeline.answer(dialect, call, model, arrival);
    }

    private static Answer plain(int status, String message) {
        return Answer.bytes(status, "text/plain; charset=UTF-8", message.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends the answer. When writing its body fails the exchange is left open, for the server to close the
     * connection: closing the exchange would end a chunked body as if it were whole.
     */
    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        long length = answer.body().length();
        // the JDK server reads -1 as no body and 0 as a chunked one
        exchange.sendResponseHeaders(answer.status(), length == 0 ? -1 : Math.max(length, 0));
        if (length != 0) {
            answer.body().writeTo(exchange.getResponseBody());
        }
        exchange.close();
    }
}
