package app.banhao.testing.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The registry of the authorization matrix: one rule per operation that has an identifier in its path, and one
 * per read that needs a token but names no object (lists, worklists, streams, "me"). Adding such an operation to
 * the contract without a rule here fails the build.
 *
 * <pre>{@code
 * AccessCases.builder()
 *     .ownedByResident(owner -> Target.of(Map.of("applicationNo", submitOneAs(owner)), bodyAsOwnerSeesIt),
 *             "getApplication", "withdrawApplication")
 *     .publicOperation("getServiceItem", "the catalogue is public")
 *     .build();
 * }</pre>
 */
public final class AccessCases {

    private final Map<String, AccessRule> rules;

    private AccessCases(Map<String, AccessRule> rules) {
        this.rules = Map.copyOf(rules);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Map<String, AccessRule> rules() {
        return rules;
    }

    public static final class Builder {

        private final Map<String, AccessRule> rules = new LinkedHashMap<>();

        /** Operations on a resident's own objects; {@code create} makes one as the given resident. */
        public Builder ownedByResident(Function<Caller, Target> create, String... operationIds) {
            return owned(AccessRule.Owner.RESIDENT, create, operationIds);
        }

        /** Operations on a department's objects; {@code create} makes one as staff of {@link Caller#OWNER_DEPARTMENT}. */
        public Builder ownedByDepartment(Function<Caller, Target> create, String... operationIds) {
            return owned(AccessRule.Owner.DEPARTMENT, create, operationIds);
        }

        /**
         * Reads of a resident's own things without an identifier (lists, "me"), walked page by page
         * ({@link ListReaders#PAGES}) unless {@code reader} says otherwise.
         */
        public Builder listedForResident(Function<Caller, Target> create, AccessRule.ListReader reader, String... operationIds) {
            return listed(AccessRule.Owner.RESIDENT, create, reader, operationIds);
        }

        /** Reads of a department's things without an identifier (the worklist), as staff of {@link Caller#OWNER_DEPARTMENT}. */
        public Builder listedForDepartment(Function<Caller, Target> create, AccessRule.ListReader reader, String... operationIds) {
            return listed(AccessRule.Owner.DEPARTMENT, create, reader, operationIds);
        }

        public Builder selfOnly(String operationId, String reason) {
            return add(new AccessRule.SelfOnly(operationId, reason));
        }

        public Builder publicOperation(String operationId, String reason) {
            return add(new AccessRule.Public(operationId, reason));
        }

        /** Operations only {@code role} may call, on objects that belong to no resident or department. */
        public Builder roleGuarded(String role, String reason, String... operationIds) {
            List.of(operationIds).forEach(id -> add(new AccessRule.RoleGuarded(id, role, reason)));
            return this;
        }

        public AccessCases build() {
            return new AccessCases(rules);
        }

        private Builder owned(AccessRule.Owner owner, Function<Caller, Target> create, String... operationIds) {
            List.of(operationIds).forEach(id -> add(new AccessRule.Owned(id, owner, create)));
            return this;
        }

        private Builder listed(AccessRule.Owner owner, Function<Caller, Target> create, AccessRule.ListReader reader,
                String... operationIds) {
            List.of(operationIds).forEach(id -> add(new AccessRule.Listed(id, owner, create, reader)));
            return this;
        }

        private Builder add(AccessRule rule) {
            if (rules.putIfAbsent(rule.operationId(), rule) != null) {
                throw new IllegalArgumentException("Two access rules for " + rule.operationId());
            }
            return this;
        }
    }
}
