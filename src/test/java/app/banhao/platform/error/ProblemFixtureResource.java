package app.banhao.platform.error;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Test-only endpoints shaped like the generated ones (typed query/path parameters, a validated JSON
 * body with an enum, a date, a number and a nested list), so the error mapper layer is exercised on
 * every kind of bad input independently of any feature.
 */
@Path("/test-fixtures/problems")
public class ProblemFixtureResource {

    public enum Channel {
        APP, WECHAT, ALIPAY
    }

    public static class Item {
        @NotBlank
        public String code;
    }

    public static class Order {
        @NotBlank
        @Size(max = 10)
        public String name;
        @NotNull
        public Channel channel;
        public LocalDate appointmentDate;
        @Max(5)
        public Integer copies;
        @Valid
        public List<Item> items;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Order create(@Valid @NotNull Order order) {
        return order;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String list(@QueryParam("limit") @Max(100) Integer limit, @QueryParam("since") LocalDate since,
            @QueryParam("channel") Channel channel) {
        return "{\"limit\":" + limit + "}";
    }

    @GET
    @Path("/{number}")
    @Produces(MediaType.APPLICATION_JSON)
    public String one(@PathParam("number") long number) {
        return "{\"number\":" + number + "}";
    }

    @GET
    @Path("/conflict")
    @Produces(MediaType.APPLICATION_JSON)
    public String conflict() {
        throw new IllegalStateException("unit of work failed",
                new io.vertx.pgclient.PgException("deadlock detected", "ERROR", "40P01", "Process 1 waits for ShareLock"));
    }

    @GET
    @Path("/boom")
    @Produces(MediaType.APPLICATION_JSON)
    public String boom() {
        throw new IllegalStateException("secret internal detail at com.example.Foo");
    }
}
