package app.banhao.testing;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.reactive.mutiny.Mutiny;

import io.quarkus.arc.ClientProxy;

/**
 * How many query plans Hibernate holds. A native select (Hibernate 7.2) adds one on every call, all under one hash:
 * the plan cache's bin for them turns into a tree whose keys do not compare, and every lookup in it walks all of
 * them, so such a statement on a request's path costs more with every request (up to the cache's 2,048 plans).
 */
public final class QueryPlans {

    private QueryPlans() {
    }

    public static int cached(Mutiny.SessionFactory sessions) {
        try {
            // The Mutiny factory wraps the ORM session factory, which owns the plan cache; there is no accessor.
            Object factory = ClientProxy.unwrap(sessions);
            var delegate = factory.getClass().getDeclaredField("delegate");
            delegate.setAccessible(true);
            return ((SessionFactoryImplementor) delegate.get(factory)).getQueryEngine().getInterpretationCache()
                    .getNumberOfCachedQueryPlans();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Hibernate Reactive's session factory changed shape", e);
        }
    }
}
