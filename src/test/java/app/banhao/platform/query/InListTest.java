package app.banhao.platform.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.panache.common.Parameters;

class InListTest {

    @Test
    void aParameterPerValueInTheListsOrder() {
        assertEquals("(:s0, :s1, :s2)", InList.of("s", 3));
        Map<String, Object> bound = new LinkedHashMap<>();
        InList.bind("s", List.of("A", "B", "C"), bound::put);
        assertEquals(Map.of("s0", "A", "s1", "B", "s2", "C"), bound);
        assertEquals(List.of("s0", "s1", "s2"), List.copyOf(bound.keySet()));
    }

    @Test
    void anEmptyListMatchesNothingRatherThanBeingInvalid() {
        assertEquals("(null)", InList.of("s", 0));
        Map<String, Object> bound = new LinkedHashMap<>();
        InList.bind("s", List.of(), bound::put);
        assertEquals(Map.of(), bound);
    }

    @Test
    void intoPanacheParameters() {
        Parameters p = InList.bind(Parameters.with("holder", 7), "type", List.of("X", "Y"));
        assertEquals(Map.of("holder", 7, "type0", "X", "type1", "Y"), p.map());
    }
}
