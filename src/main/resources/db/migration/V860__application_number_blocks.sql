-- Each node takes application numbers 20 at a time (ApplicationNumbers.BLOCK): one nextval hands it the 20 numbers
-- from the value it returns, instead of one round trip to PostgreSQL for every draft (issue 16). Numbers stay unique;
-- they rise on each node but across nodes no longer follow the order of creation.
ALTER SEQUENCE application_number_seq INCREMENT BY 20;
