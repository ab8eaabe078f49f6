-- The open-draft count that every new draft makes under the resident's lock (ResidentQuotas.requireDraftRoom): its
-- own partial index, so the count reads the resident's open drafts alone, from the index, instead of every draft of
-- theirs through application_mine_state with a visit to each row for parent_id (issue 16).
CREATE INDEX application_open_drafts ON application (resident_id) WHERE state = 'DRAFT' AND parent_id IS NULL;
