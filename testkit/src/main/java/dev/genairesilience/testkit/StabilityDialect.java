package dev.genairesilience.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stability AI's v2beta Stable Image API: {@code POST /v2beta/stable-image/generate/{ultra|core|sd3}}, key as a
 * bearer token, a {@code multipart/form-data} body ({@code prompt}, {@code aspect_ratio}, {@code output_format},
 * {@code model} for sd3); the image's bytes back with {@code finish-reason: SUCCESS}, or a blurred one with
 * {@code finish-reason: CONTENT_FILTERED} for a blocked image; errors {@code {"id", "name", "errors": […]}}, the
 * prompt moderation's a {@code 403 content_moderation}, the rate limit's a {@code 429} without {@code Retry-After}
 * (its lockout is in the message only). The model a call reaches is {@code ultra}, {@code core} or the sd3 model;
 * its size class is 2K for ultra, else 1K.
 */
final class StabilityDialect implements Dialect {

    private static final Pattern PATH = Pattern.compile("/v2beta/stable-image/generate/(ultra|core|sd3)");
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("name=\"([^\"]+)\"");

    @Override
    public Api api() {
        return Api.STABILITY;
    }

    @Override
    public boolean servesPath(String path) {
        return PATH.matcher(path).matches();
    }

    @Override
    public IncomingCall parse(IncomingRequest request) {
        String key = request.bearerToken();
        Matcher path = PATH.matcher(request.path());
        String endpoint = path.matches() ? path.group(1) : null;
        Map<String, String> form = form(request);
        if (form == null) {
            return IncomingCall.invalid(endpoint, key, "the body must be multipart/form-data");
        }
        String model = "sd3".equals(endpoint) ? form.getOrDefault("model", "sd3.5-large") : endpoint;
        String prompt = form.get("prompt");
        if (prompt == null || prompt.isBlank()) {
            return IncomingCall.invalid(model, key, "prompt: cannot be empty");
        }
        String resolution = "ultra".equals(endpoint) ? "2K" : "1K";
        return IncomingCall.valid(model, prompt, key, false, resolution,
                ImageSize.ofClass(resolution, form.get("aspect_ratio")));
    }

    /** The text fields of a multipart body, or {@code null} when it is none. */
    private static Map<String, String> form(IncomingRequest request) {
        String type = request.header("content-type");
        Matcher boundary = type == null ? null : BOUNDARY.matcher(type);
        if (boundary == null || !type.startsWith("multipart/form-data") || !boundary.find()) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String part : request.bodyText().split("--" + Pattern.quote(boundary.group(1)))) {
            int blank = part.indexOf("\r\n\r\n");
            Matcher name = NAME.matcher(blank < 0 ? "" : part.substring(0, blank));
            if (name.find()) {
                String value = part.substring(blank + 4);
                fields.put(name.group(1), value.endsWith("\r\n") ? value.substring(0, value.length() - 2) : value);
            }
        }
        return fields;
    }

    @Override
    public Answer success(IncomingCall call, byte[] png) {
        return Answer.bytes(200, "image/png", png).withHeader("finish-reason", "SUCCESS").withHeader("seed", "42");
    }

    @Override
    public Answer oversized(IncomingCall call, byte[] png, OversizedAnswer oversized) {
        return Answer.streamed(200, "image/png", OversizedBody.raw(png, oversized))
                .withHeader("finish-reason", "SUCCESS");
    }

    @Override
    public Answer fault(Fault fault, FaultContext context) {
        return switch (fault) {
            case OVERLOADED, LOADING -> error(503, "service_unavailable", "The service is temporarily unavailable.");
            case RATE_LIMITED -> error(429, "rate_limit_exceeded", "You have exceeded the rate limit of 150 "
                    + "requests within a 10 second period, and have been timed out for 60 seconds.");
            case BAD_REQUEST -> invalid("Invalid request: the emulator was scripted to reject it.");
            case UNPROCESSABLE -> error(422, "invalid_parameters", "The request could not be processed.");
            case UNAUTHORIZED -> error(401, "unauthorized", "authorization: invalid or missing header value");
            case FORBIDDEN -> error(403, "forbidden", "You do not have access to this resource.");
            case OUT_OF_CREDITS -> error(402, "payment_required", "You lack sufficient credits to make this request.");
            case NOT_FOUND -> error(404, "not_found", "The requested resource was not found.");
            case SERVER_ERROR -> error(500, "internal_error", "An unexpected server error has occurred.");
            case BAD_GATEWAY -> Answer.gatewayPage(502, "Bad Gateway");
            case GATEWAY_TIMEOUT -> Answer.gatewayPage(504, "Gateway Time-out");
            case MALFORMED -> Answer.json(200, Json.object());
            case DROP_CONNECTION -> Answer.drop();
            case PROMPT_BLOCKED -> error(403, "content_moderation", "Your request was flagged by our content "
                    + "moderation system, as a result your request was denied and you were not charged.");
            case CONTENT_BLOCKED -> Answer.bytes(200, "image/png", new PngRenderer().render("filtered"))
                    .withHeader("finish-reason", "CONTENT_FILTERED");
        };
    }

    @Override
    public Answer invalid(String problem) {
        return error(400, "bad_request", problem);
    }

    private static Answer error(int status, String name, String message) {
        ObjectNode body = Json.object().put("id", UUID.randomUUID().toString().replace("-", "")).put("name", name);
        body.putArray("errors").add(message);
        return Answer.bytes(status, "application/json", Json.write(body));
    }
}
