package app.banhao.testing.access;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.banhao.testing.contract.ApiContract;
import app.banhao.testing.contract.SpecOperation;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The authorization matrix (DESIGN.md §7), driven by the contract: every operation with an identifier
 * in its path has a rule in {@link AccessCases}; for each owned one an object is created as its owner A
 * and the operation is called on it as another resident, as staff of another department and without a
 * token. They get 404 (another resident's object), 403/404 (staff, department objects) or 401 (no
 * token), never a value of A's object; and A itself succeeds, so a broken case cannot pass by accident.
 */
public final class AccessMatrix {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Values shorter than this (levels, flags, small counts) say nothing about a leak. */
    private static final int MIN_SECRET_LENGTH = 4;

    private AccessMatrix() {
    }

    /** What the registry lacks or gets wrong for the contract; empty when every operation is covered. */
    public static List<String> gaps(ApiContract contract, AccessCases cases) {
        List<String> gaps = new ArrayList<>();
        for (SpecOperation operation : contract.operations()) {
            AccessRule rule = cases.rules().get(operation.operationId());
            if (rule == null) {
                if (operation.hasPathIdentifier()) {
                    gaps.add(operation + " has an identifier in its path but no case in the authorization matrix"
                            + (operation.isPublic() ? " (it needs no token: declare it with publicOperation(..., reason))"
                                    : " (add ownedByResident/ownedByDepartment to the registry)"));
                } else if (isCallerScopedRead(operation)) {
                    gaps.add(operation + " reads with a token but names no object (a list, a stream, \"me\") and has no case"
                            + " in the authorization matrix (add listedForResident/listedForDepartment, or selfOnly(..., reason))");
                }
            } else if ((rule instanceof AccessRule.Listed || rule instanceof AccessRule.SelfOnly) && operation.isPublic()) {
                gaps.add(operation + " is declared a caller's own read in the matrix but the contract lets anyone call it");
            } else if (rule instanceof AccessRule.Public && !operation.isPublic()) {
                gaps.add(operation + " is declared public in the matrix but the contract requires a token");
            } else if (rule instanceof AccessRule.Owned && operation.isPublic()) {
                gaps.add(operation + " is declared owned in the matrix but the contract lets anyone call it (security: [])");
            }
        }
        cases.rules().keySet().stream().filter(id -> contract.operation(id).isEmpty()).sorted()
                .forEach(id -> gaps.add(id + " has a case in the matrix but is not an operation of " + contract.location()));
        return gaps;
    }

    /** A read that needs a token and names no object: what it shows depends on who calls. */
    private static boolean isCallerScopedRead(SpecOperation operation) {
        return operation.method().equals("GET") && !operation.isPublic() && !operation.hasPathIdentifier();
    }

    /** Runs every owned case of the registry that the contract has; returns the failures. */
    public static List<String> run(ApiContract contract, AccessCases cases) {
        List<String> failures = new ArrayList<>();
        for (AccessRule rule : cases.rules().values()) {
            if (rule instanceof AccessRule.Owned owned) {
                contract.operation(owned.operationId()).ifPresent(op -> failures.addAll(runCase(op, owned)));
            } else if (rule instanceof AccessRule.RoleGuarded guarded) {
                contract.operation(guarded.operationId()).ifPresent(op -> failures.addAll(runGuarded(op, guarded)));
            } else if (rule instanceof AccessRule.Listed listed) {
                contract.operation(listed.operationId()).ifPresent(op -> failures.addAll(runListed(op, listed)));
            }
        }
        return failures;
    }

    private static List<String> runCase(SpecOperation operation, AccessRule.Owned rule) {
        List<String> failures = new ArrayList<>();
        Caller owner = rule.owner() == AccessRule.Owner.RESIDENT ? Caller.resident("owner A")
                : Caller.staff("owner A", Caller.OWNER_DEPARTMENT);
        Target target = rule.create().apply(owner);
        List<String> missing = operation.pathParameters().stream().map(p -> p.getName())
                .filter(name -> !target.pathParameters().containsKey(name)).toList();
        if (!missing.isEmpty()) {
            return List.of(operation + ": the case's target lacks path parameters " + missing);
        }
        Map<String, String> secrets = secretsOf(target);
        for (Caller intruder : intruders(rule.owner())) {
            Response response = call(operation, target, intruder);
            Set<Integer> allowed = expectedRefusal(rule.owner(), intruder);
            if (!allowed.contains(response.statusCode())) {
                failures.add(operation + " called by " + intruder + " on A's object answered " + response.statusCode()
                        + ", expected " + allowed + ": " + abbreviate(response.asString()));
            }
            String body = response.asString();
            secrets.forEach((field, value) -> {
                if (body.contains(value)) {
                    failures.add(operation + " called by " + intruder + " shows A's " + field + " (\"" + value + "\")");
                }
            });
        }
        Response own = call(operation, target, owner);
        if (own.statusCode() >= 300) {
            failures.add(operation + " called by its owner answered " + own.statusCode()
                    + ": the case does not reach the object, so the refusals above prove nothing: " + abbreviate(own.asString()));
        }
        return failures;
    }

    /**
     * Everyone but the owner: another resident, staff of another department with every role and with each role
     * alone (the same role as the owner's own staff, so only the department differs), and no token.
     */
    private static List<Caller> intruders(AccessRule.Owner owner) {
        List<Caller> intruders = new ArrayList<>(List.of(Caller.resident("another resident"),
                Caller.staff("staff of another department", Caller.OTHER_DEPARTMENT)));
        if (owner == AccessRule.Owner.DEPARTMENT) {
            intruders.addAll(Caller.eachStaffRole(Caller.OTHER_DEPARTMENT));
        }
        intruders.add(Caller.anonymous());
        return intruders;
    }

    /**
     * A read without an identifier, made by each intruder and by the owner while the owner makes a fresh object:
     * the intruders get 401 (no token), a refusal (403: not their kind of caller) or their own list, never a value
     * of the owner's object; the owner's read shows it, so a case that cannot see its object fails.
     */
    private static List<String> runListed(SpecOperation operation, AccessRule.Listed rule) {
        List<String> failures = new ArrayList<>();
        Caller owner = rule.owner() == AccessRule.Owner.RESIDENT ? Caller.resident("owner A")
                : Caller.staff("owner A", Caller.OWNER_DEPARTMENT);
        // A stream shows what changes while it is open, so each reader of one makes its own object; a list shows
        // what is there, so one object serves every reader (made before the first read).
        boolean each = ListReaders.isStream(rule.reader());
        Target[] made = new Target[1];
        Runnable make = () -> {
            if (each || made[0] == null) {
                made[0] = rule.create().apply(owner);
            }
        };
        for (Caller intruder : intruders(rule.owner())) {
            if (each) {
                made[0] = null;
            }
            AccessRule.Read read = rule.reader().read(operation.path(), intruder, make);
            Set<Integer> allowed = intruder.isAnonymous() ? Set.of(401) : Set.of(200, 403);
            if (!allowed.contains(read.status())) {
                failures.add(operation + " read by " + intruder + " answered " + read.status() + ", expected " + allowed
                        + ": " + abbreviate(read.body()));
            }
            if (made[0] != null) {
                secretsOf(made[0]).forEach((field, value) -> {
                    if (read.body().contains(value)) {
                        failures.add(operation + " read by " + intruder + " shows A's " + field + " (\"" + value + "\")");
                    }
                });
            }
        }
        if (each) {
            made[0] = null;
        }
        AccessRule.Read own = rule.reader().read(operation.path(), owner, make);
        Map<String, String> secrets = made[0] == null ? Map.of() : secretsOf(made[0]);
        if (own.status() != 200 || secrets.isEmpty() || secrets.values().stream().noneMatch(own.body()::contains)) {
            failures.add(operation + " read by its owner answered " + own.status() + " without the object just made "
                    + secrets.values() + ": the case does not reach it, so the reads above prove nothing: "
                    + abbreviate(own.body()));
        }
        return failures;
    }

    /** Callers without the role are refused before anything is looked up, whatever the identifier. */
    private static List<String> runGuarded(SpecOperation operation, AccessRule.RoleGuarded rule) {
        Map<String, String> probe = new LinkedHashMap<>();
        operation.pathParameters().forEach(p -> probe.put(p.getName(), "matrix-probe"));
        Target target = Target.of(probe, "{}");
        List<String> failures = new ArrayList<>();
        String otherRole = app.banhao.platform.security.TokenClaims.ADMIN.equals(rule.role())
                ? app.banhao.platform.security.TokenClaims.REVIEWER : app.banhao.platform.security.TokenClaims.AGENT;
        String staffId = java.util.UUID.randomUUID().toString();
        Caller withoutRole = new Caller("staff without " + rule.role(), staffId, Caller.OTHER_DEPARTMENT,
                app.banhao.testing.TestTokens.staff(staffId, Caller.OTHER_DEPARTMENT, otherRole));
        for (Caller intruder : List.of(Caller.resident("a resident"), withoutRole, Caller.anonymous())) {
            int status = call(operation, target, intruder).statusCode();
            int expected = intruder.isAnonymous() ? 401 : 403;
            if (status != expected) {
                failures.add(operation + " called by " + intruder + " answered " + status + ", expected " + expected);
            }
        }
        return failures;
    }

    private static Set<Integer> expectedRefusal(AccessRule.Owner owner, Caller intruder) {
        if (intruder.isAnonymous()) {
            return Set.of(401);
        }
        return owner == AccessRule.Owner.RESIDENT && !intruder.isStaff() ? Set.of(404) : Set.of(403, 404);
    }

    /** Calls {@code operation} on {@code target} as {@code caller}, with the body and headers the owner would send. */
    public static Response call(SpecOperation operation, Target target, Caller caller) {
        RequestSpecification request = target.request().apply(caller.authorize(given()).pathParams(target.pathParameters()));
        if (operation.jsonBody().isPresent()) {
            request = request.contentType(ContentType.JSON).body(target.body() == null ? "{}" : target.body());
        }
        return request.request(operation.method(), operation.path());
    }

    /**
     * The values of A's object that no one else may see, by JSON path; leaving out what the intruder sent
     * itself (the identifier in the path, the body), which any answer may echo.
     */
    static Map<String, String> secretsOf(Target target) {
        Map<String, String> secrets = new LinkedHashMap<>();
        try {
            collect("", JSON.readTree(target.representation()), secrets);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The case's representation is not JSON: " + target.representation(), e);
        }
        String sent = String.join("\n", target.pathParameters().values()) + "\n" + (target.body() == null ? "" : target.body());
        secrets.values().removeIf(sent::contains);
        return secrets;
    }

    private static void collect(String path, JsonNode node, Map<String, String> into) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                collect(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), into);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(path + "[" + i + "]", node.get(i), into);
            }
        } else if (node.isValueNode() && !node.isBoolean() && !node.isNull() && node.asText().length() >= MIN_SECRET_LENGTH) {
            into.put(path, node.asText());
        }
    }

    private static String abbreviate(String body) {
        return body.length() <= 500 ? body : body.substring(0, 500) + "…";
    }
}
