package app.banhao.platform.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import app.banhao.application.ApplicationFixtures;
import app.banhao.testing.Logins;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What a client that accepts gzip gets: cached representations compressed once with their entry, each encoding
 * with its own tag; small answers as they are; large answers built per request compressed by the HTTP layer.
 */
@QuarkusTest
class ResponseCompressionTest {

    private static final String ITEM = "/api/v1/catalog/items/HN-WJW-GGCSWSXK";

    @TestHTTPResource("/")
    URI root;

    /** HTTP/1.1, as a load balancer speaks to the nodes (and as nginx does in bench/run.sh). */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void cachedRepresentationComesGzippedWithATagOfItsOwn() throws Exception {
        HttpResponse<byte[]> plain = get(ITEM, "Accept-Encoding", "identity");
        HttpResponse<byte[]> gzipped = get(ITEM, "Accept-Encoding", "gzip, deflate, br");
        assertEquals(200, plain.statusCode());
        assertEquals(200, gzipped.statusCode());
        assertEquals("identity", encoding(plain));
        assertEquals("gzip", encoding(gzipped));
        assertTrue(gzipped.body().length < plain.body().length * 0.7, gzipped.body().length + " of " + plain.body().length);
        assertArrayEquals(plain.body(), gunzip(gzipped.body()));
        String plainTag = plain.headers().firstValue("ETag").orElseThrow();
        String gzipTag = gzipped.headers().firstValue("ETag").orElseThrow();
        assertNotEquals(plainTag, gzipTag);
        assertEquals(plainTag.substring(0, plainTag.length() - 1) + "-gzip\"", gzipTag);
        assertEquals("Accept-Encoding", gzipped.headers().firstValue("Vary").orElseThrow());
        assertEquals("Accept-Encoding", plain.headers().firstValue("Vary").orElseThrow());
    }

    @Test
    void eitherTagRevalidatesAndThe304CarriesTheNegotiatedOne() throws Exception {
        String plainTag = get(ITEM, "Accept-Encoding", "identity").headers().firstValue("ETag").orElseThrow();
        String gzipTag = get(ITEM, "Accept-Encoding", "gzip").headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> fromGzip = get(ITEM, "Accept-Encoding", "gzip", "If-None-Match", gzipTag);
        assertEquals(304, fromGzip.statusCode());
        assertEquals(gzipTag, fromGzip.headers().firstValue("ETag").orElseThrow());
        HttpResponse<byte[]> switched = get(ITEM, "Accept-Encoding", "identity", "If-None-Match", gzipTag);
        assertEquals(304, switched.statusCode());
        assertEquals(plainTag, switched.headers().firstValue("ETag").orElseThrow());
        assertEquals(200, get(ITEM, "Accept-Encoding", "gzip", "If-None-Match", "\"other-gzip\"").statusCode());
    }

    @Test
    void gzipRefusedByWeightIsNotSent() throws Exception {
        HttpResponse<byte[]> answer = get(ITEM, "Accept-Encoding", "gzip;q=0, *");
        assertEquals(200, answer.statusCode());
        // Nor deflate on the way, under the tag of the uncompressed body.
        assertEquals("identity", encoding(answer), answer.headers().toString());
        assertEquals(get(ITEM, "Accept-Encoding", "identity").headers().firstValue("ETag"), answer.headers().firstValue("ETag"));
    }

    @Test
    void smallAnswerGoesAsItIs() throws Exception {
        HttpResponse<byte[]> ping = get("/api/v1/system/ping", "Accept-Encoding", "gzip");
        assertEquals(200, ping.statusCode());
        assertEquals("identity", encoding(ping), ping.headers().toString());
        assertTrue(new String(ping.body()).startsWith("{"), new String(ping.body()));
        HttpResponse<byte[]> problem = get("/api/v1/catalog/items/NO-SUCH-ITEM", "Accept-Encoding", "gzip");
        assertEquals(404, problem.statusCode());
        assertEquals("identity", encoding(problem), problem.headers().toString());
    }

    @Test
    void largeAnswerBuiltPerRequestIsCompressedOnTheWay() throws Exception {
        String resident = Logins.newResidentToken();
        var dept = ApplicationFixtures.department(false);
        for (int i = 0; i < 6; i++) {
            ApplicationFixtures.draft(resident, dept.item());
        }
        HttpResponse<byte[]> plain = get("/api/v1/applications?limit=20", "Authorization", "Bearer " + resident,
                "Accept-Encoding", "identity");
        HttpResponse<byte[]> gzipped = get("/api/v1/applications?limit=20", "Authorization", "Bearer " + resident,
                "Accept-Encoding", "gzip");
        assertTrue(plain.body().length >= ResponseCompression.MIN_BYTES, plain.body().length + " bytes");
        assertEquals("gzip", encoding(gzipped));
        assertArrayEquals(plain.body(), gunzip(gzipped.body()));
    }

    /** The content coding, {@code identity} for none (HTTP/1.1 leaves the header out for it). */
    private static String encoding(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Encoding").orElse("identity");
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(root.resolve(path)).headers(headers).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }
}
