package app.banhao.platform.idempotency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import app.banhao.testing.Logins;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** One Idempotency-Key creates at most one thing, however many retries race each other. */
@QuarkusTest
class IdempotencyTest {

    private static final String ADDRESS = "{\"recipient\":\"李四\",\"phone\":\"13912340000\",\"regionCode\":\"430102\","
            + "\"detail\":\"芙蓉区解放西路 8 号\"}";

    @Test
    void fiftyConcurrentRetriesCreateOneAndAllGetTheSameAnswer() throws Exception {
        String token = Logins.newResidentToken();
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(() -> given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                        .body(ADDRESS).when().post("/api/v1/me/addresses")
                        .then().statusCode(201).extract().path("id"));
            }
            Set<String> ids = new HashSet<>();
            for (Future<String> f : pool.invokeAll(calls)) {
                ids.add(f.get());
            }
            assertEquals(1, ids.size(), "every caller got the same address: " + ids);
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(token).when().get("/api/v1/me/addresses").then().body("items", hasSize(1));
    }

    @Test
    void sameKeyWithAnotherBodyIs422() {
        String token = Logins.newResidentToken();
        String key = UUID.randomUUID().toString();
        given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON).body(ADDRESS)
                .when().post("/api/v1/me/addresses").then().statusCode(201);
        given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(ADDRESS.replace("8 号", "9 号"))
                .when().post("/api/v1/me/addresses").then().statusCode(422).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
    }

    @Test
    void keysAreScopedToTheirOwner() {
        String key = UUID.randomUUID().toString();
        String a = given().auth().oauth2(Logins.newResidentToken()).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(ADDRESS).when().post("/api/v1/me/addresses").then().statusCode(201).extract().path("id");
        String b = given().auth().oauth2(Logins.newResidentToken()).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(ADDRESS).when().post("/api/v1/me/addresses").then().statusCode(201).extract().path("id");
        org.junit.jupiter.api.Assertions.assertNotEquals(a, b, "another resident's key never replays someone else's answer");
    }

    @Test
    void withoutAKeyEachCallCreates() {
        String token = Logins.newResidentToken();
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(ADDRESS)
                    .when().post("/api/v1/me/addresses").then().statusCode(201);
        }
        given().auth().oauth2(token).when().get("/api/v1/me/addresses").then().body("items", hasSize(2));
    }
}
