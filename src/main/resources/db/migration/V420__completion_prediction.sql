-- Predicted completion from history (issue 11). Each decided case keeps the working days it took from submission
-- to decision on the official calendar, net of its clock stops: written by the application (WorkingCalendar) in
-- the deciding transaction, so no statistics query has to count working days per row in SQL. Cases decided before
-- this column existed are filled in by the statistics job, in Java on the same calendar, for its 180-day window.
ALTER TABLE application ADD COLUMN decision_working_days integer CHECK (decision_working_days >= 0);
-- The one "likely late" warning of a case: set in the same transaction as its case event (once per case, whatever
-- the restarts and the number of nodes).
ALTER TABLE application ADD COLUMN late_warning_sent_at timestamptz;

-- The statistics job's group-by over the window reads only this index.
CREATE INDEX application_decided ON application (decided_at) INCLUDE (item_code, department_code, state, decision_working_days)
    WHERE decided_at IS NOT NULL AND item_code IS NOT NULL;
-- Decided cases still without their working days (decided before V420).
CREATE INDEX application_decided_uncounted ON application (decided_at)
    WHERE decision_working_days IS NULL AND decided_at IS NOT NULL AND submitted_at IS NOT NULL;
-- The warning job: running cases not yet warned, by due date.
CREATE INDEX application_late_warning_due ON application (due_date, id)
    WHERE late_warning_sent_at IS NULL AND state IN ('SUBMITTED', 'ACCEPTED');

-- Per item and department: how many cases were decided in the last 180 days and their 80th percentile (nearest
-- rank) in working days, with the item's promised and legal days as of the refresh. Derived data, recomputed by
-- one node at a time (LOCK TABLE ... IN EXCLUSIVE MODE; readers are not blocked) and held in memory by every node.
CREATE TABLE item_completion_stats (
    item_code        text        NOT NULL,
    department_code  text        NOT NULL,
    case_count       integer     NOT NULL CHECK (case_count > 0),
    p80_working_days integer     NOT NULL CHECK (p80_working_days >= 0),
    promised_days    integer     NOT NULL,
    legal_days       integer     NOT NULL,
    refreshed_at     timestamptz NOT NULL,
    PRIMARY KEY (item_code, department_code)
);
