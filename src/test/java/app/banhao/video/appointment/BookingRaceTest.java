package app.banhao.video.appointment;

import static app.banhao.video.appointment.VideoFixtures.at;
import static app.banhao.video.appointment.VideoFixtures.book;
import static app.banhao.video.appointment.VideoFixtures.residentToken;
import static app.banhao.video.appointment.VideoFixtures.slots;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.platform.calendar.WorkingCalendar;
import app.banhao.testing.Burst;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Capacity is never exceeded (issue 13): 200 distinct residents booking the last free places of one slot at once →
 * exactly the free count succeed, every other one is 409 {@code SLOT_FULL}, and the slot then shows 0 free.
 */
@QuarkusTest
class BookingRaceTest {

    static final int CAPACITY = 5;
    static final int TAKEN_BEFORE = 2;

    @Inject
    WorkingCalendar calendar;

    @Test
    void twoHundredResidentsRacingForTheLastThreePlacesGetExactlyThree() throws Exception {
        VideoFixtures.Setup setup = VideoFixtures.publish(CAPACITY);
        LocalDate day = VideoFixtures.bookableDay(calendar);
        OffsetDateTime start = at(day, 10, 30);
        for (int i = 0; i < TAKEN_BEFORE; i++) {
            book(residentToken(), setup, start).then().statusCode(201);
        }
        List<String> tokens = new java.util.ArrayList<>();
        for (int i = 0; i < Burst.ATTEMPTS; i++) {
            tokens.add(residentToken());
        }
        List<Burst.Outcome> outcomes = Burst.fire(Burst.ATTEMPTS, i -> book(tokens.get(i), setup, start));

        Map<String, Integer> answers = new TreeMap<>();
        for (Burst.Outcome o : outcomes) {
            String label = o.answer() == null ? "none" : o.answer().statusCode() + " "
                    + (o.answer().statusCode() == 201 ? "" : o.answer().jsonPath().getString("code"));
            answers.merge(label.trim(), 1, Integer::sum);
        }
        int free = CAPACITY - TAKEN_BEFORE;
        assertEquals(Map.of("201", free, "409 SLOT_FULL", Burst.ATTEMPTS - free), answers, "answers of the burst");
        slots(setup, day).then().statusCode(200).body("slots[6].start", org.hamcrest.Matchers.notNullValue())
                .body("slots[6].free", equalTo(0));
    }
}
