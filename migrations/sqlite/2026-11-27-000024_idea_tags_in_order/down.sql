DROP INDEX idea_tags_in_order;
