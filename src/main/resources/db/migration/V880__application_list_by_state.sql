-- A resident's list filtered by state (我的办件, one tab a state) reads application_mine, newest first, and skips the
-- other states: a resident holds tens of applications, not thousands. Its own index (resident, state, newest first)
-- cost every draft and every change of state an index entry more, written and logged with the row (issue 16:
-- WriteVolumeTest counts them).
DROP INDEX application_mine_state;
