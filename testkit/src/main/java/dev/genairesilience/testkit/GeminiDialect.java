package dev.genairesilience.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Google Gemini: {@code POST /v1beta/models/{model}:generateContent} and the model metadata GET. A call's size is
 * its {@code generationConfig.imageConfig.imageSize} ({@code 1K} when absent, 400 when none of 1K, 2K, 4K): 1024,
 * 2048 or 4096 pixels on the long side, in the shape of its {@code aspectRatio} (square when absent, 400 when not of
 * the form {@code W:H}).
 */
final class GeminiDialect implements JsonImageDialect {

    private static final Pattern GENERATE = Pattern.compile("/v1beta/models/([^/:]+):generateContent");
    private static final Pattern METADATA = Pattern.compile("/v1beta/models/([^/:]+)");
    private static final String OVERLOADED = "The model is overloaded. Please try again later.";

    @Override
    public Api api() {
        return Api.GEMINI;
    }

    @Override
    public boolean servesPath(String path) {
        return GENERATE.matcher(path).matches();
    }

    /** The model whose metadata {@code path} asks for, or {@code null} when it is no metadata path. */
    String metadataModel(String path) {
        Matcher m = METADATA.matcher(path);
        return m.matches() ? m.group(1) : null;
    }

    /** The model resource, as {@code GET models/{model}} returns it. */
    Answer metadata(String model) {
        ObjectNode body = Json.object()
                .put("name", "models/" + model)
                .put("version", "001")
                .put("displayName", model)
                .put("description", "Emulated by the genai-resilience testkit")
                .put("inputTokenLimit", 32768)
                .put("outputTokenLimit", 32768);
        body.putArray("supportedGenerationMethods").add("generateContent").add("countTokens");
        return Answer.json(200, body);
    }

    /** The key of a metadata or generation request: header first, then the {@code key} query parameter. */
    String apiKey(IncomingRequest request) {
        String header = request.header("x-goog-api-key");
        return header != null ? header : request.queryParameter("key");
    }

    @Override
    public IncomingCall parse(IncomingRequest request) {
        Matcher m = GENERATE.matcher(request.path());
        return parse(m.matches() ? m.group(1) : null, apiKey(request), request.body());
    }

    /** Reads a {@code generateContent} body sent to {@code model} with {@code key} (Vertex AI sends the same). */
    IncomingCall parse(String model, String key, byte[] requestBody) {
        JsonNode body = Json.readOrNull(requestBody);
        if (body == null || !body.path("contents").isArray()) {
            return IncomingCall.invalid(model, key, "Invalid JSON payload received: 'contents' is required.");
        }
        StringBuilder prompt = new StringBuilder();
        for (JsonNode content : body.path("contents")) {
            for (JsonNode part : content.path("parts")) {
                if (part.path("text").isTextual()) {
                    prompt.append(prompt.length() == 0 ? "" : "\n").append(part.path("text").asText());
                }
            }
        }
        if (prompt.toString().isBlank()) {
            return IncomingCall.invalid(model, key, "* GenerateContentRequest.contents: contents is not specified");
        }
        JsonNode imageConfig = body.path("generationConfig").path("imageConfig");
        JsonNode imageSize = imageConfig.path("imageSize");
        String resolution = imageSize.isMissingNode() || imageSize.isNull() ? Resolutions.DEFAULT : imageSize.asText();
        if (!imageSize.isMissingNode() && !imageSize.isNull()
                && (!imageSize.isTextual() || !Resolutions.LABELS.contains(resolution))) {
            return IncomingCall.invalid(model, key, "* GenerateContentRequest.generation_config.image_config"
                    + ".image_size: must be one of " + String.join(", ", Resolutions.LABELS));
        }
        JsonNode ratio = imageConfig.path("aspectRatio");
        ImageSize size = ImageSize.ofClass(resolution, ratio.isTextual() ? ratio.asText() : null);
        if (size == null || !ratio.isMissingNode() && !ratio.isNull() && !ratio.isTextual()) {
            return IncomingCall.invalid(model, key, "* GenerateContentRequest.generation_config.image_config"
                    + ".aspect_ratio: must be of the form width:height, such as 16:9");
        }
        return IncomingCall.valid(model, prompt.toString(), key, false, resolution, size);
    }



    @Override
    public Answer fault(Fault fault, FaultContext context) {
        return switch (fault) {
            case OVERLOADED, LOADING -> error(503, "UNAVAILABLE", OVERLOADED);
            case RATE_LIMITED -> rateLimited(context);
            case BAD_REQUEST -> invalid("Request contains an invalid argument.");
            case UNPROCESSABLE -> error(422, "INVALID_ARGUMENT", "Unable to process the input of the request.");
            case UNAUTHORIZED -> error(401, "UNAUTHENTICATED", "API key not valid. Please pass a valid API key.");
            case FORBIDDEN, OUT_OF_CREDITS -> error(403, "PERMISSION_DENIED", "Your API key doesn't have the required permissions.");
            case NOT_FOUND -> error(404, "NOT_FOUND", "models/" + context.model()
                    + " is not found for API version v1beta, or is not supported for generateContent.");
            case SERVER_ERROR -> error(500, "INTERNAL", "An internal error has occurred. Please retry or report in "
                    + "https://developers.generativeai.google/guide/troubleshooting");
            case BAD_GATEWAY -> Answer.gatewayPage(502, "Bad Gateway");
            case GATEWAY_TIMEOUT -> error(504, "DEADLINE_EXCEEDED",
                    "The service is unable to finish processing within the deadline.");
            case MALFORMED -> textOnly();
            case DROP_CONNECTION -> Answer.drop();
            case CONTENT_BLOCKED -> imageBlocked(context);
            case PROMPT_BLOCKED -> promptBlocked(context);
        };
    }

    @Override
    public Answer invalid(String problem) {
        return error(400, "INVALID_ARGUMENT", problem);
    }

    private Answer rateLimited(FaultContext context) {
        ObjectNode body = errorBody(429, "RESOURCE_EXHAUSTED",
                "You exceeded your current quota, please check your plan and billing details.");
        ((ObjectNode) body.path("error")).putArray("details").addObject()
                .put("@type", "type.googleapis.com/google.rpc.RetryInfo")
                .put("retryDelay", HintFormat.protobufDuration(context.hint()));
        return Answer.json(429, body);
    }

    @Override
    public ObjectNode imageAnswer(IncomingCall call, String base64) {
        ObjectNode body = Json.object();
        ArrayNode parts = candidate(body);
        parts.addObject().put("text", "Here is the image you asked for.");
        parts.addObject().putObject("inlineData")
                .put("mimeType", "image/png")
                .put("data", base64);
        body.put("modelVersion", call.model());
        return body;
    }

    /** A finished candidate whose only part is text: the image the caller asked for is missing. */
    Answer textOnly() {
        ObjectNode body = Json.object();
        candidate(body).addObject().put("text", "I can't draw that right now, but here is a description.");
        return Answer.json(200, body);
    }

    /** A candidate stopped by the image safety filter: a finish reason and no content at all. */
    static Answer imageBlocked(FaultContext context) {
        ObjectNode body = Json.object();
        body.putArray("candidates").addObject().put("finishReason", "IMAGE_SAFETY").put("index", 0);
        body.put("modelVersion", context.model());
        return Answer.json(200, body);
    }

    /** A prompt refused before generation: the feedback says why and no candidate is returned. */
    static Answer promptBlocked(FaultContext context) {
        ObjectNode body = Json.object();
        body.putObject("promptFeedback").put("blockReason", "SAFETY");
        body.put("modelVersion", context.model());
        return Answer.json(200, body);
    }

    private static ArrayNode candidate(ObjectNode body) {
        ObjectNode candidate = body.putArray("candidates").addObject();
        ObjectNode content = candidate.putObject("content");
        ArrayNode parts = content.putArray("parts");
        content.put("role", "model");
        candidate.put("finishReason", "STOP").put("index", 0);
        return parts;
    }

    /** Google's error answer: {@code {"error":{"code","message","status"}}}. */
    static Answer error(int code, String status, String message) {
        return Answer.json(code, errorBody(code, status, message));
    }

    private static ObjectNode errorBody(int code, String status, String message) {
        ObjectNode body = Json.object();
        body.putObject("error").put("code", code).put("message", message).put("status", status);
        return body;
    }
}
