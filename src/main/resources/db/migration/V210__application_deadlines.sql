-- Live progress and deadlines (issue 5, part 2).
-- 容缺: a tolerated missing material not supplied by its supply_by day is flagged once by the deadline job
-- (the reviewer sees it on the worklist and the detail; the resident gets a message). Supplying the material
-- replaces the row, so the flag goes with it.
ALTER TABLE application_material ADD COLUMN overdue_flagged_at timestamptz;
CREATE INDEX application_material_tolerated_due ON application_material (supply_by)
    WHERE kind = 'TOLERATED' AND overdue_flagged_at IS NULL;

-- A message that is not about a state change (e.g. MATERIAL_OVERDUE) names its topic; null for state changes.
ALTER TABLE resident_message ADD COLUMN topic text;
