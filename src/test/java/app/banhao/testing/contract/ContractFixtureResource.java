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
            case "undocumented-status" -> problem(409, "CONFLICT", "");
            case "unknown-code" -> problem(404, "NO_SUCH_WIDGET", "");
            case "code-of-another-status" -> problem(404, "CONFLICT", "");
            case "undocumented-content-type" -> Response.ok("lamp", MediaType.TEXT_PLAIN).build();
            case "plain-error" -> json(404, "{\"message\":\"no such widget\"}");
            case "stack-trace" -> problem(404, "NOT_FOUND", ",\"detail\":\"java.lang.IllegalStateException\\n\\tat app.banhao.X\"");
            default -> problem(404, "NOT_FOUND", "");
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

    private static Response problem(int status, String code, String more) {
        String type = "https://banhao.app/problems/" + code.toLowerCase().replace('_', '-');
        return Response.status(status).type(PROBLEM).entity("{\"type\":\"" + type + "\",\"title\":\"t\",\"status\":" + status
                + ",\"code\":\"" + code + "\"" + more + "}").build();
    }

    private static Response json(int status, String body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
