package dev.genairesilience.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a {@link ProviderEmulator} for a JUnit 5 test class:
 * <pre>{@code
 * @RegisterExtension
 * static ProviderEmulatorExtension emulator = new ProviderEmulatorExtension();
 * }</pre>
 * Registered on a static field, the emulator starts once for the class, is {@link ProviderEmulator#reset()
 * reset} before each test and closed after the class; registered on an instance field, it lives for one test.
 * Test methods and constructors may also take a {@link ProviderEmulator} parameter.
 */
public final class ProviderEmulatorExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {

    private ProviderEmulator emulator;
    private String owningClassContext;

    /** The running emulator, started on first use (for example from a {@code @DynamicPropertySource}). */
    public synchronized ProviderEmulator emulator() {
        if (emulator == null) {
            emulator = ProviderEmulator.start();
        }
        return emulator;
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        // nested classes see the outer class's extension: only the outermost class owns the emulator
        if (owningClassContext == null) {
            owningClassContext = context.getUniqueId();
        }
        emulator();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        emulator().reset();
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        if (owningClassContext == null) {
            stop();
        }
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (context.getUniqueId().equals(owningClassContext)) {
            stop();
            owningClassContext = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ProviderEmulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return emulator();
    }

    private void stop() {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }
}
