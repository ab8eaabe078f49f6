-- Ranked catalogue search (catalog/ItemSearch, README "Search"): aliases per item and the pinyin forms of the
-- name and aliases, computed in Java (catalog/PinyinKeys, pinyin4j) when an item is saved, or at start for
-- rows whose search_rev is older than the code's (seeded rows, or after the pinyin rules change).
--
-- Stored forms are space-delimited token lists with a space at each end, so that one LIKE tells an exact
-- token (' q '), a token prefix (' q%') and a substring ('%q%') apart:
--   keywords       ' 社保 社保卡 社会保障卡 '      (aliases residents type; administrators maintain them)
--   name_pinyin    ' yingyezhizhao yyzz '         (full pinyin and initials; a few readings for polyphones)
--   keyword_pinyin ' shebao sb shebaoka sbk … '
--
-- Indexes: pg_trgm GIN indexes serve the LIKE '%q%' of three characters and more. On the ASCII pinyin columns
-- they work in any locale. On Chinese text pg_trgm extracts trigrams only when the database's LC_CTYPE
-- classifies CJK as letters (C.UTF-8, zh_CN.UTF-8; the embedded server inherits the environment's, C.UTF-8
-- here): in the C locale show_trgm('营业执照') is empty, the Chinese LIKE still matches exactly (byte-wise) but
-- through a scan, and fuzzy matching falls back to the pinyin columns alone. The warning below says so.
ALTER TABLE catalog_item
    ADD COLUMN keywords       text    NOT NULL DEFAULT '',
    ADD COLUMN name_pinyin    text    NOT NULL DEFAULT '',
    ADD COLUMN keyword_pinyin text    NOT NULL DEFAULT '',
    ADD COLUMN search_rev     integer NOT NULL DEFAULT 0;

CREATE INDEX catalog_item_keywords_trgm ON catalog_item USING gin (keywords gin_trgm_ops);
CREATE INDEX catalog_item_name_pinyin_trgm ON catalog_item USING gin (name_pinyin gin_trgm_ops);
CREATE INDEX catalog_item_keyword_pinyin_trgm ON catalog_item USING gin (keyword_pinyin gin_trgm_ops);
CREATE INDEX catalog_material_name_trgm ON catalog_material USING gin (name gin_trgm_ops);
CREATE INDEX catalog_item_search_stale ON catalog_item (search_rev);

-- The pg_trgm operators in a function HQL can call: a one-expression SQL function is inlined by the planner,
-- so "catalog_near(name, :q)" becomes "name % :q" and the GIN indexes above serve it (STABLE, like the
-- operators: they read pg_trgm.similarity_threshold / word_similarity_threshold).
CREATE FUNCTION catalog_near(a text, b text) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE AS 'SELECT a % b';
CREATE FUNCTION catalog_word_near(word text, doc text) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE AS 'SELECT word <% doc';

DO $$
BEGIN
    IF cardinality(show_trgm('营业执照')) = 0 THEN
        RAISE WARNING 'LC_CTYPE % makes pg_trgm ignore Chinese characters: Chinese catalogue search still matches, '
            'without index or typo tolerance (create the database with LC_CTYPE C.UTF-8 or zh_CN.UTF-8)',
            current_setting('lc_ctype');
    END IF;
END $$;
