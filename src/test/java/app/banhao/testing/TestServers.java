package app.banhao.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the embedded servers for every test in the run (not only annotated classes). */
@QuarkusTestResource(value = EmbeddedServersResource.class, restrictToAnnotatedClass = false)
public final class TestServers {

    private TestServers() {
    }
}
