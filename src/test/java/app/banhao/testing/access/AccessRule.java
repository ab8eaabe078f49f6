package app.banhao.testing.access;

import java.util.function.Function;

/** What the matrix knows about one operation with an identifier in its path. */
public sealed interface AccessRule {

    String operationId();

    /** Whose objects an operation reaches. */
    enum Owner {
        /** A resident's own objects: another resident gets 404, so existence does not leak. */
        RESIDENT,
        /** A department's objects: staff of other departments and residents get 403 or 404. */
        DEPARTMENT
    }

    /**
     * An operation on objects that belong to someone.
     *
     * @param create makes a fresh object as the given owner (a resident, or staff of
     *        {@link Caller#OWNER_DEPARTMENT}) through the API, and says how to address it
     */
    record Owned(String operationId, Owner owner, Function<Caller, Target> create) implements AccessRule {
    }

    /**
     * A read of the caller's own things that names no object (a list, a worklist, a stream, "me"): what another
     * resident or another department's staff sees never shows an object of the owner.
     *
     * @param create makes a fresh object as the given owner; its {@link Target#representation()} holds the values
     *        that identify it (its number, a nickname), which the owner's read must show and no one else's may
     * @param reader how the operation is read while an object is made (a page walk, a stream left open)
     */
    record Listed(String operationId, Owner owner, Function<Caller, Target> create, ListReader reader) implements AccessRule {
    }

    /** Reads a listed operation as {@code caller}, making the owner's object with {@code change} at the right moment. */
    @FunctionalInterface
    interface ListReader {
        Read read(String path, Caller caller, Runnable change);
    }

    /** What a caller got from a listed operation: its status and everything it showed (all pages, all events). */
    record Read(int status, String body) {
    }

    /**
     * An operation that answers only about the caller's own token and can address no stored object of anyone
     * else (e.g. the staff member's own account): declared, with the reason, like a public one.
     */
    record SelfOnly(String operationId, String reason) implements AccessRule {
    }

    /**
     * An operation anyone may call for any identifier (the catalogue, published keys): declared, with the
     * reason, so that a missing check cannot hide as "public".
     */
    record Public(String operationId, String reason) implements AccessRule {
    }

    /**
     * An operation on province-wide objects that only a role may call (e.g. ADMIN publishing the
     * catalogue): without a token 401, as a resident or as staff without the role 403, for any identifier.
     */
    record RoleGuarded(String operationId, String role, String reason) implements AccessRule {
    }
}
