package app.banhao.platform.transaction;

/**
 * Thrown by a writer on the reactive SQL client ({@link Transactions#retryingConflicts(io.vertx.mutiny.sqlclient.Pool,
 * java.util.List, java.util.function.BiFunction)}) at a case its statements do not cover (a bundle, a wallet
 * certificate among the materials, a hold that must expire first): the transaction rolls back, the key's claim with
 * it, and the caller recovers by running the same request through Hibernate. Not an error; no stack trace is taken.
 */
public final class LeftToHibernate extends RuntimeException {

    public LeftToHibernate() {
        super(null, null, false, false);
    }
}
