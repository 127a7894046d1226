package dev.larder.bench;

import dev.larder.store.Store;
import dev.larder.store.StoreConfig;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The read side's typical statements ({@link ReadStatements}) on an L2 file synced from the emulator: plain JDBC on
 * the store's own read pool against Helidon's DbClient on a pool of connections opened the same way
 * ({@link DbClientPool}). One thread, so the figures are latencies of one request's statements. Run through
 * {@code ./larder bench clients}, which builds the file and picks the tag.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ReadStatementsBench {

    /** The L2 file, written by {@code clients}. */
    @Param("")
    public String storeFile;

    /** The filter's tag. */
    @Param("0")
    public int tag;

    private Store store;
    private DbClientPool pool;
    private DbClient db;
    private ReadStatements statements;
    private String ids;

    /** Opens the store and DbClient and checks that both read the same. */
    @Setup
    public void setUp() {
        StoreConfig config = StoreConfig.defaults(Path.of(storeFile));
        store = Store.open(config);
        pool = new DbClientPool(config, config.readPoolSize());
        db = JdbcClientBuilder.create().connectionPool(pool).build();
        statements = new ReadStatements(tag);
        ids = ReadStatements.idArray(statements.pageIds(store));
        if (pageJdbc() != pageDbClient() || countJdbc() != countDbClient() || renderJdbc() != renderDbClient()) {
            throw new IllegalStateException("plain JDBC and DbClient read different rows");
        }
    }

    /** @return the page of 40 ids and sort values, plain JDBC */
    @Benchmark
    public long pageJdbc() {
        return statements.pageJdbc(store);
    }

    /** @return the page of 40 ids and sort values, DbClient */
    @Benchmark
    public long pageDbClient() {
        return statements.pageDbClient(db);
    }

    /** @return the count, plain JDBC */
    @Benchmark
    public long countJdbc() {
        return statements.countJdbc(store);
    }

    /** @return the count, DbClient */
    @Benchmark
    public long countDbClient() {
        return statements.countDbClient(db);
    }

    /** @return the 40 items' rows and related lists, plain JDBC */
    @Benchmark
    public long renderJdbc() {
        return statements.renderJdbc(store, ids);
    }

    /** @return the 40 items' rows and related lists, DbClient */
    @Benchmark
    public long renderDbClient() {
        return statements.renderDbClient(db, ids);
    }

    /** Closes DbClient, its connections and the store. */
    @TearDown
    public void tearDown() throws Exception {
        db.close();
        pool.close();
        store.close();
    }
}
