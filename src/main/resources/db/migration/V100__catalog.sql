-- Service catalogue and home content (DESIGN.md §5). Read through the Redis cache; this is the only copy.
-- pg_trgm backs substring search of 3+ characters; shorter queries scan the (small) item table.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE catalog_department (
    code        text PRIMARY KEY,
    name        text        NOT NULL,
    description text,
    status      text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'RETIRED')),
    version     bigint      NOT NULL DEFAULT 1,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE catalog_item (
    code                    text PRIMARY KEY,
    name                    text          NOT NULL,
    department_code         text          NOT NULL REFERENCES catalog_department (code),
    kind                    text          NOT NULL CHECK (kind IN ('ADMINISTRATIVE_LICENSE', 'ADMINISTRATIVE_CONFIRMATION',
                                                              'ADMINISTRATIVE_PAYMENT', 'PUBLIC_SERVICE', 'OTHER_POWER')),
    online_depth            text          NOT NULL CHECK (online_depth IN ('FULLY_ONLINE', 'AT_MOST_ONE_VISIT', 'ON_SITE')),
    promised_days           integer       NOT NULL CHECK (promised_days >= 0),
    legal_days              integer       NOT NULL CHECK (legal_days >= 0),
    instant                 boolean       NOT NULL,
    cross_province          boolean       NOT NULL,
    fee                     numeric(12,2) NOT NULL DEFAULT 0 CHECK (fee >= 0),
    fee_note                text,
    -- JSON arrays kept as checked text: the reactive driver maps only JSON objects onto a string attribute.
    conditions              text          NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(conditions::jsonb) = 'array'),
    guide                   text          NOT NULL,
    form_schema             jsonb         NOT NULL,
    commitment_allowed      boolean       NOT NULL,
    result_certificate_type text,
    delivery_options        text          NOT NULL CHECK (jsonb_typeof(delivery_options::jsonb) = 'array'),
    featured                boolean       NOT NULL DEFAULT false,
    status                  text          NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'RETIRED')),
    version                 bigint        NOT NULL DEFAULT 1,
    updated_at              timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX catalog_item_listing ON catalog_item (status, name, code);
CREATE INDEX catalog_item_department ON catalog_item (department_code);
CREATE INDEX catalog_item_name_trgm ON catalog_item USING gin (name gin_trgm_ops);
CREATE INDEX catalog_item_guide_trgm ON catalog_item USING gin (guide gin_trgm_ops);

-- Materials in their own table: which items accept a wallet certificate type is a query, not a scan of JSON.
CREATE TABLE catalog_material (
    item_code            text    NOT NULL REFERENCES catalog_item (code) ON DELETE CASCADE,
    position             integer NOT NULL,
    name                 text    NOT NULL,
    description          text,
    required             boolean NOT NULL,
    replaceable_by       text,
    tolerated_if_missing boolean NOT NULL,
    PRIMARY KEY (item_code, position)
);
CREATE INDEX catalog_material_certificate ON catalog_material (replaceable_by) WHERE replaceable_by IS NOT NULL;

CREATE TABLE catalog_bundle (
    code          text PRIMARY KEY,
    name          text        NOT NULL,
    description   text        NOT NULL,
    promised_days integer     NOT NULL CHECK (promised_days >= 0),
    status        text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'RETIRED')),
    version       bigint      NOT NULL DEFAULT 1,
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE catalog_bundle_item (
    bundle_code text    NOT NULL REFERENCES catalog_bundle (code) ON DELETE CASCADE,
    position    integer NOT NULL,
    item_code   text    NOT NULL REFERENCES catalog_item (code),
    PRIMARY KEY (bundle_code, position),
    UNIQUE (bundle_code, item_code)
);
CREATE INDEX catalog_bundle_item_item ON catalog_bundle_item (item_code);

CREATE TABLE home_banner (
    id         text PRIMARY KEY,
    title      text        NOT NULL,
    image_url  text        NOT NULL,
    target_url text,
    position   integer     NOT NULL,
    status     text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'RETIRED')),
    version    bigint      NOT NULL DEFAULT 1,
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE home_news (
    id           text PRIMARY KEY,
    title        text        NOT NULL,
    summary      text        NOT NULL,
    source       text        NOT NULL,
    url          text,
    published_at timestamptz NOT NULL,
    status       text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'RETIRED')),
    version      bigint      NOT NULL DEFAULT 1,
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX home_news_latest ON home_news (status, published_at DESC);
