package dev.genairesilience.shared;

import dev.genairesilience.spi.SharedStateStore;
import dev.genairesilience.testkit.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/** The Redis store on a real Redis server (skipped, saying why, where {@code redis-server} is not installed). */
@EnabledIf(value = "dev.genairesilience.testkit.RedisServer#installed", disabledReason = RedisServer.NOT_INSTALLED)
class RedisSharedStateStoreTest extends SharedStateStoreContract {

    private static RedisServer server;
    private static LettuceConnectionFactory connections;

    @BeforeAll
    static void start() throws Exception {
        server = RedisServer.startOrSkip();
        connections = connections(server.port());
    }

    @AfterAll
    static void stop() throws Exception {
        if (connections != null) {
            connections.destroy();
        }
        if (server != null) {
            server.close();
        }
    }

    /** A started Lettuce connection factory to the server on {@code port}. */
    static LettuceConnectionFactory connections(int port) {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", port));
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }

    @Override
    SharedStateStore store() {
        return new RedisSharedStateStore(connections);
    }
}
