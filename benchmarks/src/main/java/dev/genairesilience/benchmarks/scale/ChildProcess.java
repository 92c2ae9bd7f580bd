package dev.genairesilience.benchmarks.scale;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM spoken to by lines: its standard output is read line by line, its standard input written to; its
 * standard error goes to ours.
 */
final class ChildProcess implements AutoCloseable {

    private static final String END = "\u0000end";

    private final Process process;
    private final PrintWriter input;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private ChildProcess(Process process) {
        this.process = process;
        this.input = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readOutput, "child-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code command}. */
    static ChildProcess start(List<String> command) throws IOException {
        return new ChildProcess(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }

    /** The next line of output, or {@code null} once the process has ended and everything was read. */
    String nextLine(Duration timeout) throws InterruptedException {
        String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            throw new IllegalStateException("no output from the child JVM within " + timeout);
        }
        return line.equals(END) ? null : line;
    }

    /** The value of the next line starting with {@code prefix}, skipping others. */
    String awaitValue(String prefix, Duration timeout) throws InterruptedException {
        for (String line = nextLine(timeout); line != null; line = nextLine(timeout)) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length());
            }
        }
        throw new IllegalStateException("the child JVM ended without printing " + prefix);
    }

    /** Writes one line to its standard input. */
    void send(String line) {
        input.println(line);
    }

    private void readOutput() {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the process went away: what was read stands
        } finally {
            lines.add(END);
        }
    }

    /** Closes its standard input and waits for it to end, destroying it after 30 s. */
    @Override
    public void close() throws InterruptedException {
        input.close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
