package app.banhao.platform.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import io.quarkus.panache.common.Parameters;

class PageRequestTest {

    @Test
    void defaultsAndBounds() {
        assertEquals(20, PageRequest.of(null, null).limit());
        assertEquals(100, PageRequest.of("", 100).limit());
        ApiException tooLarge = assertThrows(ApiException.class, () -> PageRequest.of(null, 101));
        assertEquals(ErrorCode.INVALID_PARAMETER, tooLarge.code());
        assertEquals("limit", tooLarge.fieldErrors().get(0).field());
        assertThrows(ApiException.class, () -> PageRequest.of(null, 0));
    }

    @Test
    void cursorRoundTripsKeysWithAnyCharacters() {
        var cursor = new PageRequest.Cursor("2026-11-22T03:00:00Z|公共场所", "42");
        var decoded = PageRequest.of(PageRequest.encode(cursor), 10).after().orElseThrow();
        assertEquals(cursor, decoded);
    }

    @Test
    void foreignCursorIsRejectedNamingTheField() {
        for (String bad : List.of("not-base64!!", "aGVsbG8", PageRequest.encode(new PageRequest.Cursor("k", "")))) {
            ApiException e = assertThrows(ApiException.class, () -> PageRequest.of(bad, 10), bad);
            assertEquals(ErrorCode.INVALID_CURSOR, e.code());
            assertEquals("cursor", e.fieldErrors().get(0).field());
        }
    }

    @Test
    void aNewestFirstPositionIsReadFromTheCursorAndBoundAsARowComparison() {
        OffsetDateTime at = OffsetDateTime.parse("2026-11-22T03:00:00.123+08:00");
        UUID id = UUID.randomUUID();
        PageRequest later = PageRequest.of(PageRequest.encode(new PageRequest.Cursor(at.toString(), id.toString())), 5);
        assertEquals(new PageRequest.TimeAndId(at, id), later.timeAndId().orElseThrow());
        Parameters bound = Parameters.with("owner", "x");
        assertEquals(" and (createdAt, id) < (:afterAt, :afterId)", later.newestFirstAfter("createdAt", bound));
        assertEquals(at, bound.map().get("afterAt"));
        assertEquals(id, bound.map().get("afterId"));

        Parameters untouched = Parameters.with("owner", "x");
        assertEquals("", PageRequest.of(null, 5).newestFirstAfter("createdAt", untouched));
        assertEquals(1, untouched.map().size());
    }

    @Test
    void aCursorOfTheRightEnvelopeButAnotherListsPositionIsRejectedLikeAForeignOne() {
        String uuid = UUID.randomUUID().toString();
        for (var foreign : List.of(new PageRequest.Cursor("公共场所", "ITEM-1"), new PageRequest.Cursor("2026-11-22T03:00:00Z", "42"),
                new PageRequest.Cursor("2026-11-22", uuid), new PageRequest.Cursor("2026-11-22T25:61:00Z", uuid))) {
            PageRequest page = PageRequest.of(PageRequest.encode(foreign), 5);
            ApiException e = assertThrows(ApiException.class, () -> page.newestFirstAfter("createdAt", Parameters.with("a", 1)),
                    foreign.toString());
            assertEquals(ErrorCode.INVALID_CURSOR, e.code());
            assertEquals("cursor", e.fieldErrors().get(0).field());
        }
        PageRequest numbered = PageRequest.of(PageRequest.encode(new PageRequest.Cursor("12|", "x")), 5);
        ApiException e = assertThrows(ApiException.class,
                () -> numbered.position(c -> Integer.parseInt(c.key().split("\\|")[1])));
        assertEquals(ErrorCode.INVALID_CURSOR, e.code());
    }

    @Test
    void pageCutsTheExtraRowAndPointsAfterTheLastKept() {
        PageRequest request = PageRequest.of(null, 3);
        List<Integer> rows = IntStream.rangeClosed(1, request.fetchSize()).boxed().toList();
        Page<Integer> page = Page.from(rows, request, i -> new PageRequest.Cursor("k" + i, String.valueOf(i)));
        assertEquals(List.of(1, 2, 3), page.items());
        var next = PageRequest.of(page.nextCursor(), 3).after().orElseThrow();
        assertEquals("3", next.id());

        Page<Integer> last = Page.from(List.of(1, 2), request, i -> new PageRequest.Cursor("k", "x"));
        assertNull(last.nextCursor());
        assertTrue(last.items().size() == 2);
    }
}
