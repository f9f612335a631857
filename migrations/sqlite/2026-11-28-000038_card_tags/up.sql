-- Each idea's tags in their written order on its own row, comma-separated (no tag holds a
-- comma, domain::ideas::check), kept by triggers from idea_tags (the tags' one writer is
-- store::ideas::write_lists; the seed and tests write rows too): list rows and board cards
-- read their tags with the card, instead of a second statement over the page's ids (a fifth
-- of the board's instructions).
ALTER TABLE ideas ADD COLUMN tag_list TEXT NOT NULL DEFAULT '';

UPDATE ideas SET tag_list = (
    SELECT group_concat(tag, ',' ORDER BY position) FROM idea_tags t WHERE t.idea_id = ideas.id
) WHERE id IN (SELECT idea_id FROM idea_tags);

CREATE TRIGGER idea_tags_listed_insert AFTER INSERT ON idea_tags BEGIN
    UPDATE ideas SET tag_list = COALESCE((
        SELECT group_concat(tag, ',' ORDER BY position) FROM idea_tags t WHERE t.idea_id = NEW.idea_id
    ), '') WHERE id = NEW.idea_id;
END;

CREATE TRIGGER idea_tags_listed_delete AFTER DELETE ON idea_tags BEGIN
    UPDATE ideas SET tag_list = COALESCE((
        SELECT group_concat(tag, ',' ORDER BY position) FROM idea_tags t WHERE t.idea_id = OLD.idea_id
    ), '') WHERE id = OLD.idea_id;
END;

CREATE TRIGGER idea_tags_listed_update AFTER UPDATE OF idea_id, position, tag ON idea_tags BEGIN
    UPDATE ideas SET tag_list = COALESCE((
        SELECT group_concat(tag, ',' ORDER BY position) FROM idea_tags t WHERE t.idea_id = ideas.id
    ), '') WHERE id IN (OLD.idea_id, NEW.idea_id);
END;
