package dev.genairesilience.testkit;

/** The provider HTTP APIs the emulator speaks. */
public enum Api {
    /** Google Gemini {@code generateContent}. */
    GEMINI,
    /** OpenAI {@code images/generations}. */
    OPENAI,
    /** Hugging Face Inference API {@code models/{model}}. */
    HUGGINGFACE
}
