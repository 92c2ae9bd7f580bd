package dev.genairesilience.benchmarks.scenario;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Each request's prompt carries its number, so the emulator's records tell which request made which call. */
final class Prompts {

    private static final Pattern NUMBER = Pattern.compile("\\[req-(\\d+)]");

    private Prompts() {
    }

    /** The prompt of request {@code index}. */
    static String of(int index) {
        return "a lighthouse at dusk, watercolour [req-" + index + "]";
    }

    /**
     * A prompt that many requests share, {@code group} telling the groups apart. It carries no request number:
     * calls made with it are counted, not told apart by request.
     */
    static String shared(int group) {
        return "a lighthouse at dusk, watercolour [group-" + group + "]";
    }

    /** The request number a call's body carries, or -1 when it carries none. */
    static int indexIn(String body) {
        Matcher m = NUMBER.matcher(body);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }
}
