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
