package app.banhao.application.core;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import app.banhao.application.core.Application;
import app.banhao.application.core.ApplicationStatus;
import app.banhao.application.core.Transition;
import app.banhao.application.core.Workflow;
import app.banhao.platform.error.ApiException;

/**
 * The state machine of DESIGN.md §5 and README "Applications", without Quarkus: every (transition, state) pair is
 * checked against the table below, written from the documents rather than from {@link Transition}.
 */
class TransitionRulesTest {

    /**
     * DESIGN.md §5: DRAFT → SUBMITTED → ACCEPTED → APPROVED | REJECTED; SUBMITTED → NOT_ACCEPTED;
     * SUBMITTED|ACCEPTED → SUPPLEMENT_REQUIRED → back where it was | CLOSED_TIMEOUT; ACCEPTED ↔ SUSPENDED;
     * any state before a decision → WITHDRAWN. {@code x}: allowed; {@code .}: a 409.
     */
    private static final String TABLE = """
            state                SUBMIT ACCEPT NOT_ACCEPT REQUEST_SUPPLEMENT SUPPLY SUSPEND RESUME APPROVE REJECT WITHDRAW TIME_OUT
            DRAFT                x      .      .          .                  .      .       .      .       .      x        .
            SUBMITTED            .      x      x          x                  .      .       .      .       .      x        .
            ACCEPTED             .      .      .          x                  .      x       .      x       x      x        .
            SUPPLEMENT_REQUIRED  .      .      .          .                  x      .       .      .       .      x        x
            SUSPENDED            .      .      .          .                  .      .       x      .       .      x        .
            APPROVED             .      .      .          .                  .      .       .      .       .      .        .
            REJECTED             .      .      .          .                  .      .       .      .       .      .        .
            NOT_ACCEPTED         .      .      .          .                  .      .       .      .       .      .        .
            WITHDRAWN            .      .      .          .                  .      .       .      .       .      .        .
            CLOSED_TIMEOUT       .      .      .          .                  .      .       .      .       .      .        .
            """;

    private static final Set<ApplicationStatus> FINAL = EnumSet.of(ApplicationStatus.APPROVED, ApplicationStatus.REJECTED,
            ApplicationStatus.NOT_ACCEPTED, ApplicationStatus.WITHDRAWN, ApplicationStatus.CLOSED_TIMEOUT);

    /** The table read into (transition → states it may start from); every state and transition has its row and column. */
    private static Map<Transition, Set<ApplicationStatus>> allowed() {
        List<String> lines = TABLE.lines().filter(l -> !l.isBlank()).toList();
        List<String> header = Arrays.asList(lines.get(0).trim().split("\\s+"));
        List<Transition> columns = header.subList(1, header.size()).stream().map(Transition::valueOf).toList();
        assertEquals(EnumSet.allOf(Transition.class), EnumSet.copyOf(columns), "one column per transition");
        Map<Transition, Set<ApplicationStatus>> allowed = new EnumMap<>(Transition.class);
        columns.forEach(t -> allowed.put(t, EnumSet.noneOf(ApplicationStatus.class)));
        Set<ApplicationStatus> rows = EnumSet.noneOf(ApplicationStatus.class);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.trim().split("\\s+");
            ApplicationStatus state = ApplicationStatus.valueOf(cells[0]);
            rows.add(state);
            assertEquals(columns.size() + 1, cells.length, "cells of row " + state);
            for (int i = 0; i < columns.size(); i++) {
                if (cells[i + 1].equals("x")) {
                    allowed.get(columns.get(i)).add(state);
                }
            }
        }
        assertEquals(EnumSet.allOf(ApplicationStatus.class), rows, "one row per state");
        return allowed;
    }

    private static Application in(ApplicationStatus state) {
        Application a = new Application();
        a.state = state;
        a.applicationNo = "430000202611230000001";
        return a;
    }

    @Test
    void everyTransitionFromEveryStateIsAllowedExactlyAsTheTableSays() {
        Map<Transition, Set<ApplicationStatus>> allowed = allowed();
        List<String> wrong = new ArrayList<>();
        for (Transition t : Transition.values()) {
            for (ApplicationStatus s : ApplicationStatus.values()) {
                boolean expected = allowed.get(t).contains(s);
                if (t.allowedFrom(s) != expected) {
                    wrong.add(t + " from " + s + " should be " + (expected ? "allowed" : "refused"));
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void requireRefusesWithA409NamingTheCurrentStateExactlyWhereTheTableRefuses() {
        Map<Transition, Set<ApplicationStatus>> allowed = allowed();
        for (Transition t : Transition.values()) {
            for (ApplicationStatus s : ApplicationStatus.values()) {
                Application a = in(s);
                if (allowed.get(t).contains(s)) {
                    assertDoesNotThrow(() -> Workflow.require(a, t), t + " from " + s);
                } else {
                    ApiException e = assertThrows(ApiException.class, () -> Workflow.require(a, t), t + " from " + s);
                    assertEquals(ApplicationErrors.APPLICATION_STATE_CONFLICT, e.code(), t + " from " + s);
                    assertEquals(409, e.code().status());
                    assertEquals(List.of(s.name()), e.detailArgs(), "the 409 names the current state");
                    assertEquals(List.of(), e.fieldErrors());
                }
                assertEquals(s, a.state, "require checks, it does not move");
            }
        }
    }

    @Test
    void finalStatesAreTheDecisionsAndAllowNothing() {
        for (ApplicationStatus s : ApplicationStatus.values()) {
            assertEquals(FINAL.contains(s), s.isFinal(), s.name());
        }
        for (ApplicationStatus s : FINAL) {
            for (Transition t : Transition.values()) {
                assertTrue(!t.allowedFrom(s), t + " must not leave the final state " + s);
            }
        }
        // and every state before a decision can still be withdrawn by the resident
        for (ApplicationStatus s : EnumSet.complementOf(EnumSet.copyOf(FINAL))) {
            assertTrue(Transition.WITHDRAW.allowedFrom(s), "WITHDRAW from " + s);
        }
    }

    @Test
    void eachTransitionLeadsWhereTheDesignSays() {
        Map<Transition, ApplicationStatus> to = new EnumMap<>(Map.of(
                Transition.SUBMIT, ApplicationStatus.SUBMITTED,
                Transition.ACCEPT, ApplicationStatus.ACCEPTED,
                Transition.NOT_ACCEPT, ApplicationStatus.NOT_ACCEPTED,
                Transition.REQUEST_SUPPLEMENT, ApplicationStatus.SUPPLEMENT_REQUIRED,
                Transition.SUSPEND, ApplicationStatus.SUSPENDED,
                Transition.RESUME, ApplicationStatus.ACCEPTED,
                Transition.APPROVE, ApplicationStatus.APPROVED,
                Transition.REJECT, ApplicationStatus.REJECTED,
                Transition.WITHDRAW, ApplicationStatus.WITHDRAWN,
                Transition.TIME_OUT, ApplicationStatus.CLOSED_TIMEOUT));
        for (Transition t : Transition.values()) {
            if (t == Transition.SUPPLY) {
                continue;
            }
            // the state to return to matters to 补正 only
            assertEquals(to.get(t), t.target(ApplicationStatus.SUBMITTED), t.name());
            assertEquals(to.get(t), t.target(null), t.name());
        }
        // 补正 answered: back where it was (SUBMITTED or ACCEPTED)
        assertEquals(ApplicationStatus.SUBMITTED, Transition.SUPPLY.target(ApplicationStatus.SUBMITTED));
        assertEquals(ApplicationStatus.ACCEPTED, Transition.SUPPLY.target(ApplicationStatus.ACCEPTED));
    }

    @Test
    void eachTransitionIsItsOwnTimelineEventType() {
        Map<Transition, String> types = new EnumMap<>(Transition.class);
        types.put(Transition.SUBMIT, "SUBMITTED");
        types.put(Transition.ACCEPT, "ACCEPTED");
        types.put(Transition.NOT_ACCEPT, "NOT_ACCEPTED");
        types.put(Transition.REQUEST_SUPPLEMENT, "SUPPLEMENT_REQUESTED");
        types.put(Transition.SUPPLY, "SUPPLEMENTED");
        types.put(Transition.SUSPEND, "SUSPENDED");
        types.put(Transition.RESUME, "RESUMED");
        types.put(Transition.APPROVE, "APPROVED");
        types.put(Transition.REJECT, "REJECTED");
        types.put(Transition.WITHDRAW, "WITHDRAWN");
        types.put(Transition.TIME_OUT, "CLOSED_TIMEOUT");
        for (Transition t : Transition.values()) {
            assertEquals(types.get(t), t.eventType(), t.name());
        }
    }

    @Test
    void theClockStopsInSupplementAndSuspensionOnly() {
        Set<ApplicationStatus> stopped = EnumSet.of(ApplicationStatus.SUPPLEMENT_REQUIRED, ApplicationStatus.SUSPENDED);
        for (ApplicationStatus s : ApplicationStatus.values()) {
            assertEquals(stopped.contains(s), s.stopsClock(), s.name());
        }
        // what a reviewer's worklist shows: submitted and not yet decided
        assertEquals(EnumSet.of(ApplicationStatus.SUBMITTED, ApplicationStatus.ACCEPTED, ApplicationStatus.SUPPLEMENT_REQUIRED,
                ApplicationStatus.SUSPENDED), ApplicationStatus.OPEN);
    }

    @Test
    void everyStateIsReachableFromADraft() {
        Set<ApplicationStatus> reached = EnumSet.of(ApplicationStatus.DRAFT);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ApplicationStatus s : EnumSet.copyOf(reached)) {
                for (Transition t : Transition.values()) {
                    if (t.allowedFrom(s)) {
                        // 补正 returns to where it came from, which was reached already
                        grew |= t != Transition.SUPPLY && reached.add(t.target(null));
                    }
                }
            }
        }
        assertEquals(EnumSet.allOf(ApplicationStatus.class), reached);
    }
}
