package dev.genairesilience.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imagen models on Vertex AI:
 * {@code POST /v1/projects/{project}/locations/{location}/publishers/google/models/{model}:predict} with
 * {@code {"instances":[{"prompt"}],"parameters":{"sampleCount","aspectRatio","sampleImageSize"}}}, the bearer token as
 * the model's key. A call's size is its {@code sampleImageSize} ({@code 1K} when absent, 400 when not {@code 1K} or
 * {@code 2K}) in the shape of its {@code aspectRatio} (1:1 when absent, 400 when not one of Imagen's 1:1, 3:4, 4:3,
 * 9:16, 16:9). Images come back as {@code predictions[].bytesBase64Encoded}; a blocked image as a prediction with
 * only a {@code raiFilteredReason}; a blocked prompt as Vertex's 400 {@code INVALID_ARGUMENT}; a malformed answer as
 * {@code {}}. The other errors are {@link VertexFaults}.
 */
final class VertexImagenDialect implements JsonImageDialect {

    private static final Pattern PREDICT = Pattern.compile(VertexDialect.MODELS + ":predict");
    private static final Set<String> ASPECT_RATIOS = Set.of("1:1", "3:4", "4:3", "9:16", "16:9");
    private static final Set<String> SIZES = Set.of("1K", "2K");

    @Override
    public Api api() {
        return Api.VERTEX_AI;
    }

    @Override
    public boolean servesPath(String path) {
        return PREDICT.matcher(path).matches();
    }

    @Override
    public IncomingCall parse(IncomingRequest request) {
        Matcher m = PREDICT.matcher(request.path());
        String model = m.matches() ? m.group(3) : null;
        String key = request.bearerToken();
        JsonNode body = Json.readOrNull(request.body());
        JsonNode prompt = body == null ? null : body.path("instances").path(0).path("prompt");
        if (prompt == null || !prompt.isTextual() || prompt.asText().isBlank()) {
            return IncomingCall.invalid(model, key, "Invalid JSON payload: instances[0].prompt is required.");
        }
        JsonNode parameters = body.path("parameters");
        JsonNode count = parameters.path("sampleCount");
        if (!count.isMissingNode() && (!count.canConvertToInt() || count.asInt() < 1 || count.asInt() > 4)) {
            return IncomingCall.invalid(model, key, "sampleCount must be between 1 and 4.");
        }
        JsonNode sizeNode = parameters.path("sampleImageSize");
        String resolution = sizeNode.isTextual() ? sizeNode.asText().toUpperCase(Locale.ROOT) : "1K";
        if (!sizeNode.isMissingNode() && (!sizeNode.isTextual() || !SIZES.contains(resolution))) {
            return IncomingCall.invalid(model, key, "Unsupported sampleImageSize: the supported sizes are 1K and 2K.");
        }
        JsonNode ratioNode = parameters.path("aspectRatio");
        String ratio = ratioNode.isTextual() ? ratioNode.asText() : "1:1";
        if (!ratioNode.isMissingNode() && (!ratioNode.isTextual() || !ASPECT_RATIOS.contains(ratio))) {
            return IncomingCall.invalid(model, key, "Unsupported aspect ratio: the supported ratios are 1:1, 3:4, 4:3, "
                    + "9:16 and 16:9.");
        }
        return IncomingCall.valid(model, prompt.asText(), key, false, resolution, ImageSize.ofClass(resolution, ratio));
    }



    @Override
    public Answer fault(Fault fault, FaultContext context) {
        return switch (fault) {
            case MALFORMED -> Answer.json(200, Json.object());
            case CONTENT_BLOCKED -> filtered();
            case PROMPT_BLOCKED -> invalid("Image generation failed with the following error: The prompt could not "
                    + "be submitted. This prompt contains sensitive words that violate Google's Responsible AI "
                    + "practices. Try rephrasing the prompt. If you think this was an error, send feedback. Support "
                    + "codes: 42876398");
            default -> VertexFaults.answer(fault, context);
        };
    }

    @Override
    public Answer invalid(String problem) {
        return VertexFaults.invalid(problem);
    }

    @Override
    public ObjectNode imageAnswer(IncomingCall call, String base64) {
        ObjectNode body = Json.object();
        body.putArray("predictions").addObject().put("mimeType", "image/png").put("bytesBase64Encoded", base64);
        return body;
    }

    /** The image was drawn and removed by the Responsible AI filter: its prediction says why, without bytes. */
    private static Answer filtered() {
        ObjectNode body = Json.object();
        body.putArray("predictions").addObject().put("raiFilteredReason", "Unable to show generated images. All "
                + "images were filtered out because they violated Vertex AI's usage guidelines. You will not be "
                + "charged for blocked images. Try rephrasing the prompt. If you think this was an error, send "
                + "feedback. Support codes: 58061214");
        return Answer.json(200, body);
    }
}
