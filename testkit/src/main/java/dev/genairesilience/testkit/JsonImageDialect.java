package dev.genairesilience.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;

/** A dialect whose APIs answer an image as base64 inside a JSON body: its success and oversized answers, once. */
interface JsonImageDialect extends Dialect {

    /** The 200 body carrying {@code base64} where this API puts the image. */
    ObjectNode imageAnswer(IncomingCall call, String base64);

    @Override
    default Answer success(IncomingCall call, byte[] png) {
        return Answer.json(200, imageAnswer(call, Base64.getEncoder().encodeToString(png)));
    }

    @Override
    default Answer oversized(IncomingCall call, byte[] png, OversizedAnswer oversized) {
        byte[] envelope = Json.write(imageAnswer(call, OversizedBody.IMAGE_SLOT));
        return Answer.json(200, OversizedBody.base64(envelope, png, oversized));
    }
}
