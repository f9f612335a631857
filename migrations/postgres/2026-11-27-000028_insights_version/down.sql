DROP TRIGGER publications_insert_insights ON publications;
DROP TRIGGER publications_update_insights ON publications;
DROP TRIGGER publications_delete_insights ON publications;
DROP TRIGGER idea_events_insert_insights ON idea_events;
DROP TRIGGER idea_events_change_insights ON idea_events;
DROP TRIGGER content_title_insights ON content_pieces;
DROP TRIGGER content_delete_insights ON content_pieces;
DROP FUNCTION bump_insights_version();
DROP TABLE insights_version;
