package app.banhao.platform.transaction;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;

/**
 * The PostgreSQL pool Hibernate Reactive and our own writers share, as Quarkus configures it, but keeping the
 * prepared statement of any text up to {@value #CACHED_SQL_LIMIT} characters. The client's default keeps only texts
 * of up to 2,048, and a write path sent as one statement (a submission's writes as members of the row's update, about
 * 2,700 characters) was parsed, analysed and planned by PostgreSQL again on every request: {@code base_yyparse} and
 * {@code copyObjectImpl} in a {@code perf} profile of its backends, 3.1 ms of their CPU a submission (issue 16). The
 * texts are our constants and Hibernate's, a bounded set; {@value #CACHED_STATEMENTS} per connection hold them all.
 */
@ApplicationScoped
public class PreparedStatementPool implements PgPoolCreator {

    static final int CACHED_SQL_LIMIT = 16_384;
    static final int CACHED_STATEMENTS = 512;

    @Override
    public Pool create(Input input) {
        for (PgConnectOptions options : input.pgConnectOptionsList()) {
            options.setPreparedStatementCacheSqlLimit(CACHED_SQL_LIMIT).setPreparedStatementCacheMaxSize(CACHED_STATEMENTS);
        }
        return PgBuilder.pool().with(input.poolOptions()).connectingTo(java.util.List.copyOf(input.pgConnectOptionsList()))
                .using(input.vertx()).build();
    }
}
