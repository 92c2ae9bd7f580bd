package dev.genairesilience.testkit;

/** The provider HTTP APIs the emulator speaks. */
public enum Api {
    /** Google Gemini {@code generateContent}. */
    GEMINI,
    /** Vertex AI: Gemini's {@code generateContent} and Imagen's {@code predict}, bearer token. */
    VERTEX_AI,
    /** OpenAI {@code images/generations}. */
    OPENAI,
    /** Azure OpenAI {@code images/generations}, its v1 form and its deployment form. */
    AZURE_OPENAI,
    /** Replicate's predictions: create, waited for, then polled. */
    REPLICATE,
    /** fal's queue API: submit {@code /{model_id}}, then poll. */
    FAL,
    /** Stability AI's v2beta Stable Image {@code generate}. */
    STABILITY,
    /** Black Forest Labs' FLUX API: submit {@code /v1/{model}}, then poll. */
    BFL,
    /** Hugging Face Inference API {@code models/{model}}. */
    HUGGINGFACE
}
