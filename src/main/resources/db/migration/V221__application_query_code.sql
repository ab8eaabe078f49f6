-- The public progress lookup's secret (issue 10, point 14): application numbers are sequential and the
-- phone's last 4 digits were the only other input, so each application gets a random query code, printed on
-- the receipt and shown to its owner. New applications get theirs from SecureRandom at create
-- (QueryCodes.next); existing ones here, from gen_random_uuid() (PostgreSQL's strong random source): 8 of its
-- fully random bytes (not the version and variant bytes 6 and 8), each mod 32 (256 is a multiple of 32, so
-- uniform) into the same alphabet of 32 characters without 0/O and 1/I.
ALTER TABLE application ADD COLUMN query_code text;

CREATE FUNCTION pg_temp.new_query_code() RETURNS text LANGUAGE sql VOLATILE AS $$
    SELECT string_agg(substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', get_byte(r.b, t.i) % 32 + 1, 1), '' ORDER BY t.k)
    FROM (SELECT uuid_send(gen_random_uuid()) AS b) r,
         unnest(ARRAY[0, 1, 2, 3, 4, 5, 9, 10]) WITH ORDINALITY AS t(i, k)
$$;

UPDATE application SET query_code = pg_temp.new_query_code();

ALTER TABLE application ALTER COLUMN query_code SET NOT NULL;
