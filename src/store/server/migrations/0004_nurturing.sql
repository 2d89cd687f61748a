-- leadtrack server schema 4: campaigns, goals and segments travel as changes of their own
-- kinds (`campaigns`, `goals`, `segments`), and leads, activities and contacts carry the
-- fields that name a campaign, an upsell and a no-mail mark (local schema 10).
--
-- Nothing in the tables changes: the version is what counts. A leadtrack that knows only
-- server schema 3 would pull past those changes without taking them and never see them
-- again, so it refuses this server instead and asks to be updated.
SELECT 1;
