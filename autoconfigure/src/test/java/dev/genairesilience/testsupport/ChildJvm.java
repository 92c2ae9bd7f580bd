package dev.genairesilience.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a test application in a JVM of its own, on this test run's class path and a free loopback port, with its
 * output appended to a log file: for tests that must kill an application, or hold it to a small heap.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * Starts {@code mainClass} with {@code --server.port=port --server.address=127.0.0.1} and {@code arguments}.
     *
     * @param jvmOptions such as {@code -Xmx256m}
     */
    public static Process start(List<String> jvmOptions, Class<?> mainClass, int port, List<String> arguments,
            Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath(), mainClass.getName(), "--server.port=" + port,
                "--server.address=127.0.0.1"));
        command.addAll(arguments);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** A loopback port nothing listens on right now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Surefire names the test class path in a property of its own; a plain JVM has it as java.class.path. */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        String classPath = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
        if (classPath == null || classPath.isBlank()) {
            throw new IllegalStateException("No test class path to start the application with");
        }
        return classPath;
    }
}
