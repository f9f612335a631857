-- Each idea's tags in their written order on its own row, comma-separated (no tag holds a
-- comma, domain::ideas::check), kept by a trigger from idea_tags (the tags' one writer is
-- store::ideas::write_lists; the seed and tests write rows too): list rows and board cards
-- read their tags with the card, instead of a second statement over the page's ids.
-- A constant default adds the column without rewriting the table.
ALTER TABLE ideas ADD COLUMN tag_list TEXT NOT NULL DEFAULT '';

UPDATE ideas SET tag_list = t.list
FROM (SELECT idea_id, string_agg(tag, ',' ORDER BY position) AS list FROM idea_tags GROUP BY idea_id) t
WHERE ideas.id = t.idea_id;

CREATE FUNCTION list_idea_tags() RETURNS trigger AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        UPDATE ideas SET tag_list = COALESCE((
            SELECT string_agg(tag, ',' ORDER BY position) FROM idea_tags WHERE idea_id = OLD.idea_id
        ), '') WHERE id = OLD.idea_id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        UPDATE ideas SET tag_list = COALESCE((
            SELECT string_agg(tag, ',' ORDER BY position) FROM idea_tags WHERE idea_id = NEW.idea_id
        ), '') WHERE id = NEW.idea_id;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER idea_tags_listed AFTER INSERT OR DELETE OR UPDATE OF idea_id, position, tag
    ON idea_tags FOR EACH ROW EXECUTE FUNCTION list_idea_tags();
