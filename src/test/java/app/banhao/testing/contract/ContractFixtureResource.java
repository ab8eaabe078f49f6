package app.banhao.testing.contract;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Test-only endpoints described by {@code proof/contract-fixture.yaml}, each answering in one way that
 * conforms or in one way that breaks that contract, for {@code ContractFilterTest}.
 */
@Path("/test-fixtures/contract/widgets")
public class ContractFixtureResource {

    private static final String PROBLEM = "application/problem+json";

    @GET
    @Path("/{widgetId}")
    public Response get(@PathParam("widgetId") String widgetId) {
        return switch (widgetId) {
            case "conforming" -> json(200, "{\"name\":\"lamp\",\"size\":1}");
            case "extra-field" -> json(200, "{\"name\":\"lamp\",\"size\":1,\"ownerPhone\":\"13800001234\"}");
            case "wrong-type" -> json(200, "{\"name\":\"lamp\",\"size\":\"one\"}");
            case "undocumented-status" -> Response.status(418).type(PROBLEM)
                    .entity("{\"type\":\"t\",\"title\":\"t\",\"status\":418,\"code\":\"TEAPOT\"}").build();
            case "undocumented-content-type" -> Response.ok("lamp", MediaType.TEXT_PLAIN).build();
            case "plain-error" -> json(404, "{\"message\":\"no such widget\"}");
            case "stack-trace" -> Response.status(404).type(PROBLEM).entity("{\"type\":\"t\",\"title\":\"t\",\"status\":404,"
                    + "\"code\":\"NOT_FOUND\",\"detail\":\"java.lang.IllegalStateException\\n\\tat app.banhao.X\"}").build();
            default -> Response.status(404).type(PROBLEM)
                    .entity("{\"type\":\"t\",\"title\":\"t\",\"status\":404,\"code\":\"NOT_FOUND\"}").build();
        };
    }

    /** Accepts any body, as a resource that forgot its validation would. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        return json(201, "{\"name\":\"lamp\",\"size\":1}");
    }

    @GET
    @Path("/undocumented/{anything}/deeper")
    public Response undocumented(@PathParam("anything") String anything) {
        return json(200, "{\"name\":\"lamp\",\"size\":1}");
    }

    private static Response json(int status, String body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
