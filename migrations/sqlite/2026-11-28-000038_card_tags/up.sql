-- Each idea's tags in their written order on its own row, comma-separated (no tag holds a
-- comma, domain::ideas::check), kept by triggers from idea_tags (the tags' one writer is
-- store::ideas::write_lists; the seed and tests write rows too): list rows and board cards
-- read their tags with the card, instead of a second statement over the page's ids (a fifth
-- of the board's instructions). The order comes from an ordered subquery, not from
-- group_concat's own ORDER BY: SQLite before 3.44 (Debian 12's sqlite3) could not read a
-- schema that holds one.
ALTER TABLE ideas ADD COLUMN tag_list TEXT NOT NULL DEFAULT '';

UPDATE ideas SET tag_list = (
    SELECT group_concat(tag, ',') FROM (
        SELECT tag FROM idea_tags t WHERE t.idea_id = ideas.id ORDER BY position
    )
) WHERE id IN (SELECT idea_id FROM idea_tags);

CREATE TRIGGER idea_tags_listed_insert AFTER INSERT ON idea_tags BEGIN
    UPDATE ideas SET tag_list = COALESCE((
        SELECT group_concat(tag, ',') FROM (
            SELECT tag FROM idea_tags t WHERE t.idea_id = NEW.idea_id ORDER BY position
        )
    ), '') WHERE id = NEW.idea_id;
END;

CREATE TRIGGER idea_tags_listed_delete AFTER DELETE ON idea_tags BEGIN
    UPDATE ideas SET tag_list = COALESCE((
        SELECT group_concat(tag, ',') FROM (
            SELECT tag FROM idea_tags t WHERE t.idea_id = OLD.idea_id ORDER BY position
        )
    ), '') WHERE id = OLD.idea_id;
END;

CREATE TRIGGER idea_tags_listed_update AFTER UPDATE OF idea_id, position, tag ON idea_tags BEGIN
    UPDATE ideas SET tag_list = COALESCE((
        SELECT group_concat(tag, ',') FROM (
            SELECT tag FROM idea_tags t WHERE t.idea_id = ideas.id ORDER BY position
        )
    ), '') WHERE id IN (OLD.idea_id, NEW.idea_id);
END;
