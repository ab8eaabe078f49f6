package app.banhao.testing.access;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.security.CurrentActor;
import io.quarkus.security.Authenticated;

/**
 * Test-only notes described by {@code proof/access-fixture.yaml}: owned by the resident (or department)
 * that wrote them, with one operation that checks the owner, one that forgets to and one that is public,
 * for {@code AccessMatrixTest}. Kept in memory: they are fixtures of the matrix, not data of the API.
 */
@Path("/test-fixtures/access")
@Produces(MediaType.APPLICATION_JSON)
public class AccessFixtureResource {

    private record Note(String id, String owner, String text) {
        String json() {
            return "{\"id\":\"" + id + "\",\"text\":\"" + text + "\"}";
        }
    }

    public static class NoteInput {
        @NotNull
        public String text;
    }

    private static final Map<String, Note> NOTES = new ConcurrentHashMap<>();

    private final CurrentActor actor;

    public AccessFixtureResource(CurrentActor actor) {
        this.actor = actor;
    }

    @POST
    @Path("/notes")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull NoteInput input) {
        Note note = new Note(UUID.randomUUID().toString(), ownerKey(), input.text);
        NOTES.put(note.id(), note);
        return Response.status(201).entity(note.json()).build();
    }

    @GET
    @Path("/notes/{noteId}")
    @Authenticated
    public String get(@PathParam("noteId") String noteId) {
        return owned(noteId).json();
    }

    @PUT
    @Path("/notes/{noteId}/text")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public String replaceText(@PathParam("noteId") String noteId, @Valid @NotNull NoteInput input) {
        Note note = owned(noteId);
        Note changed = new Note(note.id(), note.owner(), input.text);
        NOTES.put(noteId, changed);
        return changed.json();
    }

    /** The bug the matrix exists to catch: any logged-in caller reads any note. */
    @GET
    @Path("/leaky-notes/{noteId}")
    @Authenticated
    public String getWithoutOwnerCheck(@PathParam("noteId") String noteId) {
        Note note = NOTES.get(noteId);
        if (note == null) {
            throw ApiException.of(ErrorCode.NOT_FOUND);
        }
        return note.json();
    }

    @GET
    @Path("/public-notes/{noteId}")
    public String getPublished(@PathParam("noteId") String noteId) {
        return getWithoutOwnerCheck(noteId);
    }

    private Note owned(String noteId) {
        Note note = NOTES.get(noteId);
        if (note == null || !note.owner().equals(ownerKey())) {
            throw ApiException.of(ErrorCode.NOT_FOUND);
        }
        return note;
    }

    /** A resident owns their notes; staff notes belong to the department. */
    private String ownerKey() {
        return actor.isStaff() ? "dept:" + actor.department().orElse("") : "resident:" + actor.id();
    }
}
