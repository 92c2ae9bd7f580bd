package dev.genairesilience.testkit;

/**
 * A failure the emulator can answer with. Each API answers it with its own status, body and headers.
 */
public enum Fault {
    /** 503, the model is overloaded (Gemini {@code UNAVAILABLE}). */
    OVERLOADED,
    /**
     * 503, the model is loading: Hugging Face's {@code estimated_time} body, with the model's hint as the
     * estimate. Gemini and OpenAI have no cold start and answer it as {@link #OVERLOADED}.
     */
    LOADING,
    /** 429, the key's quota is used up; carries the model's hint in each API's own way. */
    RATE_LIMITED,
    /** 400, the request is invalid. */
    BAD_REQUEST,
    /** 422, the request is well-formed but cannot be processed. */
    UNPROCESSABLE,
    /** 401, the API key is missing or wrong. */
    UNAUTHORIZED,
    /** 403, the key may not use this model. */
    FORBIDDEN,
    /**
     * 402, the account has no credits left (Black Forest Labs, Hugging Face); APIs that answer no 402 answer it as
     * {@link #FORBIDDEN}.
     */
    OUT_OF_CREDITS,
    /** 404, no such model. */
    NOT_FOUND,
    /** 500, an internal error. */
    SERVER_ERROR,
    /** 502, an HTML page from a gateway in front of the API. */
    BAD_GATEWAY,
    /** 504 (Gemini {@code DEADLINE_EXCEEDED}; the others a gateway's HTML page). */
    GATEWAY_TIMEOUT,
    /** 200 with a body that lacks the image. */
    MALFORMED,
    /** The connection is closed without any answer. */
    DROP_CONNECTION,
    /**
     * The content policy refused the image it drew, in each API's own way: Gemini answers 200 with a candidate
     * whose {@code finishReason} is {@code IMAGE_SAFETY} and no parts; OpenAI 400 {@code moderation_blocked}
     * ({@code type: image_generation_user_error}) for gpt-image models and 400 {@code content_policy_violation}
     * ({@code type: invalid_request_error}) for {@code dall-e-*}; Hugging Face, which documents no block answer,
     * 200 with an all-black PNG, as the diffusers safety checker of the models it serves returns in place of
     * a flagged image (a client cannot tell it from a drawn image).
     */
    CONTENT_BLOCKED,
    /**
     * The content policy refused the prompt before anything was drawn: Gemini answers 200 with
     * {@code promptFeedback.blockReason: SAFETY} and no candidates. OpenAI's moderation refuses prompts and
     * images with the same 400, and Hugging Face has no prompt block, so both answer it as
     * {@link #CONTENT_BLOCKED}.
     */
    PROMPT_BLOCKED
}
