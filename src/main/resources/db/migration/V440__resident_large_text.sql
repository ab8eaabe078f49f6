-- 适老化 (issue 17): the resident's large-type preference, so every device they log in on shows the app the
-- way they chose it. Off until they switch it on (GET/PATCH /api/v1/me, preferences.largeText).
ALTER TABLE resident ADD COLUMN large_text boolean NOT NULL DEFAULT false;
