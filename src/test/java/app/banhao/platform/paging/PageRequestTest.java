package app.banhao.platform.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;

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
