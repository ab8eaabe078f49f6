-- Personal data in application forms (issue 10 point 10, DESIGN.md §7): the seeded form schemas mark the fields
-- holding names, ID numbers, phones and addresses "x-personal": true, and the application encrypts their values
-- at rest. Each changed item's version goes up once, so ETags and compiled schemas are replaced.
CREATE TEMPORARY TABLE personal_marked (code text PRIMARY KEY) ON COMMIT DROP;

DO $$
DECLARE
    field text;
BEGIN
    FOREACH field IN ARRAY ARRAY['applicantName', 'applicantIdNumber', 'phone', 'address', 'legalRepresentative',
                                 'babyName', 'motherName', 'motherIdNumber', 'fatherName', 'fatherIdNumber',
                                 'buyerName', 'buyerIdNumber', 'householdAddress', 'propertyAddress', 'businessAddress']
    LOOP
        WITH marked AS (
            UPDATE catalog_item
               SET form_schema = jsonb_set(form_schema, ARRAY['properties', field, 'x-personal'], 'true'::jsonb)
             WHERE form_schema -> 'properties' ? field
               AND form_schema -> 'properties' -> field -> 'x-personal' IS NULL
            RETURNING code)
        INSERT INTO personal_marked SELECT code FROM marked ON CONFLICT DO NOTHING;
    END LOOP;
END
$$;

UPDATE catalog_item SET version = version + 1, updated_at = now() WHERE code IN (SELECT code FROM personal_marked);
