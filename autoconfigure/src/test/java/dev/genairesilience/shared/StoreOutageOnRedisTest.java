package dev.genairesilience.shared;

import dev.genairesilience.testkit.RedisServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.condition.EnabledIf;

/** Acceptance 2 of issue 13 on a real Redis server, stopped and started again on its port. */
@EnabledIf(value = "dev.genairesilience.testkit.RedisServer#installed", disabledReason = RedisServer.NOT_INSTALLED)
class StoreOutageOnRedisTest extends StoreOutageContract {

    private RedisServer redis;

    @BeforeEach
    void start() throws Exception {
        redis = RedisServer.startOrSkip();
    }

    @AfterEach
    void stop() throws Exception {
        if (redis != null) {
            redis.close();
        }
    }

    @Override
    List<String> storeArguments() {
        return List.of("--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=" + redis.port(),
                "--spring.data.redis.timeout=300ms", "--genai.shared-state.store=redis");
    }

    @Override
    void stopStore() throws Exception {
        redis.stop();
    }

    @Override
    void startStore() throws Exception {
        redis.restart();
    }
}
