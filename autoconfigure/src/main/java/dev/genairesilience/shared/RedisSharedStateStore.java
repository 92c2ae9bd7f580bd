package dev.genairesilience.shared;

import dev.genairesilience.spi.SharedStateStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The shared state in Redis ({@code genai.shared-state.store=redis}), on the application's
 * {@link RedisConnectionFactory} (Spring Data Redis, Lettuce by default). A hold is a key that expires when the hold
 * ends; a pace is the next free slot, taken by a script that reads Redis's own {@code TIME}; places are a sorted set
 * scored by lease end. Each operation is one round trip.
 */
public final class RedisSharedStateStore implements SharedStateStore {

    private static final RedisScript<Long> HOLD = RedisScript.of("""
            local want = tonumber(ARGV[1])
            if redis.call('PTTL', KEYS[1]) < want then
              redis.call('SET', KEYS[1], '1', 'PX', want)
            end
            return 1
            """, Long.class);

    private static final RedisScript<Long> PACE = RedisScript.of("""
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
            local next = tonumber(redis.call('GET', KEYS[1]) or '0')
            if next > now then
              return 0
            end
            local interval = tonumber(ARGV[1])
            redis.call('SET', KEYS[1], string.format('%.0f', math.max(next, now) + interval),
              'PX', math.ceil(interval / 1000) + 1000)
            return 1
            """, Long.class);

    private static final RedisScript<Long> TAKE_PLACE = RedisScript.of("""
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local lease = tonumber(ARGV[3])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
            if redis.call('ZSCORE', KEYS[1], ARGV[1]) or redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
              redis.call('ZADD', KEYS[1], now + lease, ARGV[1])
              redis.call('PEXPIRE', KEYS[1], lease)
              return 1
            end
            return 0
            """, Long.class);

    private final StringRedisTemplate redis;

    public RedisSharedStateStore(RedisConnectionFactory connections) {
        this.redis = new StringRedisTemplate(connections);
    }

    @Override
    public String description() {
        return "redis";
    }

    @Override
    public void hold(String key, Duration wait) {
        redis.execute(HOLD, List.of(key), Long.toString(Math.max(1, wait.toMillis())));
    }

    @Override
    public Duration heldFor(String key) {
        Long left = redis.getExpire(key, TimeUnit.MILLISECONDS);
        if (left == null) {
            throw new IllegalStateException("Redis answered PTTL " + key + " with nothing");
        }
        return left <= 0 ? Duration.ZERO : Duration.ofMillis(left);
    }

    @Override
    public boolean tryPace(String key, Duration interval) {
        return Long.valueOf(1).equals(
                redis.execute(PACE, List.of(key), Long.toString(Math.max(1, interval.toNanos() / 1000))));
    }

    @Override
    public boolean tryTakePlace(String key, String holder, int permits, Duration lease) {
        return Long.valueOf(1).equals(redis.execute(TAKE_PLACE, List.of(key), holder, Integer.toString(permits),
                Long.toString(Math.max(1, lease.toMillis()))));
    }

    @Override
    public void leavePlace(String key, String holder) {
        redis.opsForZSet().remove(key, holder);
    }

    @Override
    public void ping() {
        String answer = redis.execute((RedisCallback<String>) RedisConnection::ping);
        if (!"PONG".equalsIgnoreCase(answer)) {
            throw new IllegalStateException("Redis answered PING with " + answer);
        }
    }
}
