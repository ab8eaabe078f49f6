-- 秒批 (instant approval) rules per item, and what a bundle's parent application (一件事) needs.

-- The rules an instant item's submission must pass to be approved with no reviewer (JSON object:
-- requireCommitment, requireLevel, requireAllMaterials); null: no automatic approval.
ALTER TABLE catalog_item ADD COLUMN instant_rules jsonb;

-- 公共场所卫生许可证: 告知承诺制秒批 after face/real-name login (report 002: 1.5 minutes, AI 智能审批).
UPDATE catalog_item SET instant_rules = '{"requireCommitment": true, "requireLevel": "L2"}'::jsonb
 WHERE code = 'HN-WJW-GGCSWSXK';
-- 异地就医结算备案: effective at once on the resident's personal commitment (个人承诺), verified identity.
UPDATE catalog_item SET instant_rules = '{"requireCommitment": true, "requireLevel": "L2"}'::jsonb
 WHERE code = 'HN-YBJ-YDJYBA';
-- 失业登记: 即时办结 for a verified resident whose required materials are all there (nothing tolerated missing).
UPDATE catalog_item SET instant_rules = '{"requireLevel": "L2", "requireAllMaterials": true}'::jsonb
 WHERE code = 'HN-RST-SYDJ';

-- A bundle's parent has no item and no department of its own (staff never see it); its children do.
ALTER TABLE application ALTER COLUMN item_code DROP NOT NULL;
ALTER TABLE application ALTER COLUMN department_code DROP NOT NULL;
ALTER TABLE application ADD CONSTRAINT application_item_or_bundle
    CHECK ((item_code IS NOT NULL AND department_code IS NOT NULL) OR (bundle_code IS NOT NULL AND parent_id IS NULL));
-- The 秒批 check made at submission: {"approved", "passed": [...], "failed": [...], "checkedAt"}.
ALTER TABLE application ADD COLUMN instant_review jsonb;
