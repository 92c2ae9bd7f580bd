package dev.genairesilience.shared;

import dev.genairesilience.testkit.RedisServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Acceptance of issue 13 on one real Redis server ({@code genai.shared-state.store=redis}), Debian's
 * {@code redis-server}; skipped, saying why, where it is not installed.
 */
@EnabledIf(value = "dev.genairesilience.testkit.RedisServer#installed", disabledReason = RedisServer.NOT_INSTALLED)
class ThreeInstancesOnRedisTest extends ThreeInstancesContract {

    private static RedisServer redis;

    @BeforeAll
    static void start() throws Exception {
        redis = RedisServer.startOrSkip();
    }

    @AfterAll
    static void stop() throws Exception {
        if (redis != null) {
            redis.close();
        }
    }

    @Override
    List<String> storeArguments() {
        return List.of("--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=" + redis.port(),
                "--genai.shared-state.store=redis");
    }
}
