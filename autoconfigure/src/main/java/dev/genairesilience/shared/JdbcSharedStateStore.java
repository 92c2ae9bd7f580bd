package dev.genairesilience.shared;

import dev.genairesilience.spi.SharedStateStore;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * The shared state in the application's database ({@code genai.shared-state.store=jdbc}): PostgreSQL, or H2 for the
 * embedded default, in three small tables ({@code schema-*.sql} next to this class). Each operation is one or two
 * statements on a row found by its primary key, and every time is read from the database's clock
 * ({@code statement_timestamp()} on PostgreSQL, {@code current_timestamp} on H2), never from the instance's.
 */
public final class JdbcSharedStateStore implements SharedStateStore {

    private final JdbcTemplate jdbc;
    private final String now;
    private final String description;

    /**
     * @throws IllegalStateException naming {@code genai.shared-state.store} when the database is neither PostgreSQL
     *                               nor H2
     */
    public JdbcSharedStateStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        String product = productOf(dataSource);
        String lower = product.toLowerCase(Locale.ROOT);
        if (lower.contains("postgres")) {
            this.now = "cast(extract(epoch from statement_timestamp()) * 1000000 as bigint)";
        } else if (lower.contains("h2")) {
            this.now = "cast(extract(epoch from current_timestamp(6)) * 1000000 as bigint)";
        } else {
            throw new IllegalStateException("genai.shared-state.store=jdbc works on PostgreSQL and H2; the "
                    + "application's DataSource is " + product + ": use genai.shared-state.store=redis or memory");
        }
        this.description = "jdbc (" + product + ")";
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void hold(String key, Duration wait) {
        updateOrInsert(() -> jdbc.update("update genai_shared_holds set held_until_us = greatest(held_until_us, "
                + now + " + ?) where name = ?", micros(wait), key), () -> insertRow("genai_shared_holds",
                "held_until_us", key));
    }

    @Override
    public Duration heldFor(String key) {
        Long left = jdbc.query("select held_until_us - " + now + " from genai_shared_holds where name = ?",
                rs -> rs.next() ? rs.getLong(1) : null, key);
        return left == null || left <= 0 ? Duration.ZERO : Duration.of(left, ChronoUnit.MICROS);
    }

    @Override
    public boolean tryPace(String key, Duration interval) {
        return updateOrInsert(() -> jdbc.update("update genai_shared_paces set next_us = greatest(next_us, " + now
                + ") + ? where name = ? and next_us <= " + now, micros(interval), key),
                () -> insertRow("genai_shared_paces", "next_us", key));
    }

    @Override
    public boolean tryTakePlace(String key, String holder, int permits, Duration lease) {
        if (jdbc.update("update genai_shared_places set lease_until_us = " + now + " + ? where name = ? and holder = ?",
                micros(lease), key, holder) > 0) {
            return true;
        }
        for (int slot = 0; slot < permits; slot++) {
            int place = slot;
            if (updateOrInsert(() -> jdbc.update("update genai_shared_places set holder = ?, lease_until_us = " + now
                    + " + ? where name = ? and slot = ? and (holder is null or lease_until_us < " + now + ")",
                    holder, micros(lease), key, place), () -> insertSlot(key, place))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void leavePlace(String key, String holder) {
        jdbc.update("update genai_shared_places set holder = null, lease_until_us = 0 where name = ? and holder = ?",
                key, holder);
    }

    @Override
    public void ping() {
        jdbc.queryForObject("select count(*) from genai_shared_holds where name = ''", Long.class);
    }

    /**
     * Runs {@code update}; when it changed no row, makes the row if it is missing (the first use of a key, or a
     * database whose tables were emptied) and runs it once more.
     *
     * @return whether the update changed a row
     */
    private static boolean updateOrInsert(IntSupplier update, BooleanSupplier insertIfMissing) {
        return update.getAsInt() == 1 || insertIfMissing.getAsBoolean() && update.getAsInt() == 1;
    }

    private boolean insertRow(String table, String column, String key) {
        return insertIfMissing("insert into " + table + " (name, " + column + ") select ?, 0 where not exists "
                + "(select 1 from " + table + " where name = ?)", key, key);
    }

    private boolean insertSlot(String key, int slot) {
        return insertIfMissing("insert into genai_shared_places (name, slot, holder, lease_until_us) select ?, ?, "
                + "null, 0 where not exists (select 1 from genai_shared_places where name = ? and slot = ?)",
                key, slot, key, slot);
    }

    /**
     * Runs an insert of a row unless it exists.
     *
     * @return whether the row is there now because of this call or of another instance's at the same moment; a row
     *         that was there before is no news
     */
    private boolean insertIfMissing(String insert, Object... arguments) {
        try {
            return jdbc.update(insert, arguments) == 1;
        } catch (DuplicateKeyException madeMeanwhile) {
            return true;
        }
    }

    private static long micros(Duration duration) {
        return duration.toNanos() / 1000;
    }

    private static String productOf(DataSource dataSource) {
        try {
            return JdbcUtils.extractDatabaseMetaData(dataSource, "getDatabaseProductName");
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("genai.shared-state.store=jdbc: could not read which database the "
                    + "application's DataSource is: " + e.getMessage(), e);
        }
    }
}
