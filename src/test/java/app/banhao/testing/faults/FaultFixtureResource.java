package app.banhao.testing.faults;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.error.FieldCode;
import app.banhao.platform.error.FieldError;
import app.banhao.system.SystemBootRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Test-only operations that need PostgreSQL, for the fault scenarios until the API has its own: a read
 * (the instance starts on record) and an idempotent submission into {@code fault_submission}, a table
 * the scenario creates (one row per {@code Idempotency-Key}, as the applications will have).
 */
@Path("/test-fixtures/faults")
@Produces(MediaType.APPLICATION_JSON)
public class FaultFixtureResource {

    public static final String SUBMISSIONS_TABLE = "CREATE TABLE IF NOT EXISTS fault_submission ("
            + "idempotency_key text PRIMARY KEY, payload text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())";

    private final SystemBootRepository boots;

    public FaultFixtureResource(SystemBootRepository boots) {
        this.boots = boots;
    }

    @GET
    @Path("/boots")
    @WithSession
    public Uni<String> boots() {
        return boots.count().map(n -> "{\"boots\":" + n + "}");
    }

    /** A query that is still running when the scenario stops the server under it. */
    @GET
    @Path("/slow")
    @WithSession
    public Uni<String> slow() {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("SELECT pg_sleep(10)").getSingleResult())
                .map(ignored -> "{\"slept\":true}");
    }

    /** 201 for a new submission, 200 for the same key again: the row is written once either way. */
    @POST
    @Path("/submissions")
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    public Uni<Response> submit(@HeaderParam("Idempotency-Key") String key, String payload) {
        if (key == null || key.isBlank()) {
            throw ApiException.field(ErrorCode.VALIDATION_FAILED, FieldError.of("Idempotency-Key", FieldCode.REQUIRED));
        }
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("INSERT INTO fault_submission (idempotency_key, payload) VALUES (:key, :payload) "
                        + "ON CONFLICT (idempotency_key) DO NOTHING")
                .setParameter("key", key).setParameter("payload", payload == null ? "" : payload)
                .executeUpdate())
                .map(inserted -> Response.status(inserted == 1 ? 201 : 200)
                        .entity("{\"idempotencyKey\":\"" + key + "\"}").build());
    }
}
